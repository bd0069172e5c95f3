"""Personal data under the AVG: find one person by e-mail or phone, and who
may search (coordinators, a WOP coordinator in their own WOPs only)."""

import re
from html import unescape

import pytest
from django.utils.html import strip_tags

from home.models import User
from neighbourhood.models import (
    PersonalDataLog,
)
from neighbourhood.privacy.records import person_records_find
from tests import factories
from tests.neighbourhood.privacy._support import (
    ERASE_URL,
    EXPORT_URL,
    HANS_EMAIL,
    LOG_URL,
    SEARCH_URL,
    confirm_erase,
    text,
)

# Finding ----------------------------------------------------------------------


def test_person_is_found_by_email_in_every_kind_whatever_the_case(
    hans, namesake, coordinator
):
    records = person_records_find(email="  HANS@example.ORG ", user=coordinator)

    found = {(type(row).__name__, row.pk) for row in records.submissions}
    assert found == {
        ("BuddySignup", hans["signup"].pk),
        ("BuddySignup", hans["elsewhere"].pk),
        ("WelcomePackClaim", hans["claim"].pk),
        ("EventRSVP", hans["rsvp"].pk),
    }
    assert records.linked == [hans["match"]]
    assert [message.subject for message in records.emails] == ["Bevestiging"]
    assert records.accounts == [hans["account"]]


@pytest.mark.parametrize("typed", ["+31 6 12345678", "0612345678", "06 - 1234 5678"])
def test_person_is_found_by_phone_however_the_number_is_written(
    hans, namesake, coordinator, typed
):
    records = person_records_find(phone=typed, user=coordinator)

    found = {(type(row).__name__, row.pk) for row in records.submissions}
    assert found == {
        ("BuddySignup", hans["signup"].pk),
        ("ActionRequest", hans["card"].pk),
        ("WelcomePackClaim", hans["claim"].pk),
    }


def test_anonymised_records_are_no_longer_about_anyone(hans, coordinator):
    from neighbourhood.submissions.services import submission_withdraw

    submission_withdraw(submission=hans["elsewhere"])

    records = person_records_find(email=HANS_EMAIL, user=coordinator)

    assert hans["elsewhere"].pk not in [row.pk for row in records.submissions]


def test_search_shows_the_records_grouped_by_kind_and_wop(client, hans, coordinator):
    client.force_login(coordinator)

    response = client.post(SEARCH_URL, {"term": HANS_EMAIL})

    assert response.status_code == 200
    page = text(response)
    assert "Aanmeldingen maatjesprojecten · Schollevaar" in page
    assert "Aanmeldingen maatjesprojecten · Oostgaarde" in page
    assert "Aanvragen welkomstpakket · Schollevaar" in page
    assert "Aanmeldingen activiteiten · Schollevaar" in page
    assert "het maatjesproject ‘Schaakmaatjes’" in page
    assert "Hans de Vries – Piet Bakker" in page
    assert "Bevestiging" in page
    assert "no-cache" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]


def test_search_term_is_posted_never_put_in_a_url(client, hans, coordinator):
    client.force_login(coordinator)

    form = client.get(SEARCH_URL).content.decode()
    results = client.post(SEARCH_URL, {"term": HANS_EMAIL}).content.decode()

    assert re.search(r'<form method="post" action="/beheer/persoonsgegevens/"', form)
    actions = re.findall(r"<form[^>]*>", results)
    assert actions and all('method="post"' in tag for tag in actions)
    assert HANS_EMAIL not in "".join(re.findall(r'(?:href|action)="([^"]*)"', results))
    # A search by GET parameters is not a search.
    got = client.get(SEARCH_URL, {"term": HANS_EMAIL})
    assert "Hans de Vries" not in text(got)


def test_nothing_found_says_so(client, coordinator, namesake):
    client.force_login(coordinator)

    response = client.post(SEARCH_URL, {"term": "niemand@example.org"})

    assert "Niets gevonden over niemand@example.org." in text(response)
    assert "Wissen" not in text(response)


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("", "Vul een e-mailadres of een telefoonnummer in."),
        ("hans@", "Dit is geen geldig e-mailadres"),
        ("12345", "Dit is geen geldig telefoonnummer"),
    ],
)
def test_invalid_search_gets_a_dutch_message_at_the_field(
    client, coordinator, term, message
):
    client.force_login(coordinator)

    response = client.post(SEARCH_URL, {"term": term})

    errors = re.search(
        r'<div class="w-field__errors".*?<p class="error-message">(.*?)</p>',
        response.content.decode(),
        re.S,
    )
    assert errors
    assert message in unescape(strip_tags(errors.group(1)))


def test_a_volunteer_may_not_use_it_even_by_url(client, hans, volunteer):
    client.force_login(volunteer)

    for url in (SEARCH_URL, LOG_URL):
        assert client.get(url).status_code == 403
    for url in (SEARCH_URL, EXPORT_URL, ERASE_URL):
        response = client.post(url, {"term": HANS_EMAIL, "confirm": "1"})
        assert response.status_code == 403
    hans["signup"].refresh_from_db()
    assert hans["signup"].name == "Hans de Vries"
    assert not PersonalDataLog.objects.exists()


def test_menu_shows_persoonsgegevens_to_coordinators_only(
    client, coordinator, volunteer
):
    client.force_login(coordinator)
    assert "Persoonsgegevens" in client.get("/beheer/").content.decode()

    client.force_login(volunteer)
    assert "Persoonsgegevens" not in client.get("/beheer/").content.decode()


def test_wop_coordinator_finds_only_their_wops_records(client, hans, wop):
    coordinator = factories.make_wop_coordinator(wop, email="wijk@example.org")
    client.force_login(coordinator)

    response = client.post(SEARCH_URL, {"term": HANS_EMAIL})

    page = text(response)
    assert "· Schollevaar" in page
    assert "Oostgaarde" not in page
    # E-mail and accounts belong to no WOP: not for a WOP coordinator.
    assert "Bevestiging" not in page
    assert "U ziet alleen de gegevens uit uw eigen wijken." in page

    confirm_erase(client, HANS_EMAIL)
    export = person_records_find(email=HANS_EMAIL, user=coordinator)
    assert export.is_empty
    hans["elsewhere"].refresh_from_db()
    assert hans["elsewhere"].email == HANS_EMAIL
    assert User.objects.filter(pk=hans["account"].pk).exists()


def test_results_are_never_in_a_page_a_resident_can_open(client, hans):
    for url in (SEARCH_URL, LOG_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response.url
    response = client.post(SEARCH_URL, {"term": HANS_EMAIL})
    assert "Hans de Vries" not in response.content.decode()
