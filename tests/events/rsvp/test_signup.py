"""Signing up for an activity on its page: confirmed or on the waiting list,
the confirmation e-mail, the thanks page and what the form asks."""

import re

from events.models import EventRSVP, RSVPStatus
from neighbourhood.models import ConsentMethod, ContactPreference
from tests import factories
from tests.events.rsvp._support import cancel_url, field_error, fill, thanks_url
from tests.factories import rsvp_form_data as answers


def test_phone_only_rsvp_within_capacity_is_confirmed_in_the_events_wop(
    client, event, occurrence, wop, mailoutbox
):
    response = client.post(event.url, answers(occurrence=occurrence, people="2"))

    assert response.status_code == 302
    assert response.url == thanks_url(event)
    rsvp = EventRSVP.objects.get()
    assert rsvp.occurrence == occurrence
    assert rsvp.wop == wop
    assert rsvp.status == RSVPStatus.CONFIRMED
    assert rsvp.people == 2
    assert rsvp.name == "Hans de Vries"
    assert rsvp.phone == "010-123 45 67"
    assert rsvp.email == ""
    assert rsvp.postcode == ""
    assert rsvp.contact_preference == ContactPreference.PHONE
    assert rsvp.consent_method == ConsentMethod.ONLINE
    assert "Samen eten" in rsvp.consent_text
    assert mailoutbox == []  # no address to send a confirmation to


def test_thanks_page_confirms_the_date_without_personal_data(client, event, occurrence):
    response = client.post(
        event.url, answers(occurrence=occurrence, people="2"), follow=True
    )

    content = response.content.decode()
    assert "U bent aangemeld" in content
    assert "U bent met 2 personen aangemeld voor Samen eten" in content
    assert "U heeft geen e-mailadres ingevuld" in content
    assert "Laat het dan even weten aan de organisator" in content
    assert "Hans" not in content
    assert "123 45 67" not in content
    assert "no-store" in response.headers["Cache-Control"]


def test_full_date_puts_the_resident_on_the_waiting_list_not_an_error(
    client, event, occurrence
):
    fill(occurrence, people=2)
    fill(occurrence, people=1)

    response = client.post(event.url, answers(occurrence=occurrence), follow=True)

    content = response.content.decode()
    rsvp = EventRSVP.objects.get(name="Hans de Vries")
    assert rsvp.status == RSVPStatus.WAITING
    assert "Er ging iets mis" not in content
    assert "U staat op de wachtlijst" in content
    assert "Komt er een plaats vrij, dan belt iemand van de wijk u." in content


def test_confirmation_email_holds_the_date_and_the_private_cancel_link(
    client, event, occurrence, mailoutbox
):
    response = client.post(
        event.url, answers(occurrence=occurrence, email="hans@example.org"), follow=True
    )

    rsvp = EventRSVP.objects.get()
    assert rsvp.contact_preference == ContactPreference.EMAIL
    [mail] = mailoutbox
    assert mail.to == ["hans@example.org"]
    assert mail.subject == "U bent aangemeld: Samen eten"
    assert "Beste Hans de Vries," in mail.body
    assert "Huis van de Wijk De Pijler" in mail.body
    assert "10.00 – 11.30 uur" in mail.body
    link = re.search(r"^(https?://\S+/intrekken/\S+/)$", mail.body, re.M)
    assert link, mail.body
    # On the site's public address (the test Site's), not the form's host.
    assert link.group(1) == "http://localhost" + cancel_url(rsvp)
    assert "U krijgt van ons een e-mail" in response.content.decode()
    assert "hans@example.org" not in response.content.decode()


def test_waiting_list_email_says_so_and_also_holds_the_cancel_link(
    client, event, occurrence, mailoutbox
):
    fill(occurrence, people=2)
    fill(occurrence, people=1)

    client.post(event.url, answers(occurrence=occurrence, email="hans@example.org"))

    rsvp = EventRSVP.objects.get(name="Hans de Vries")
    [mail] = mailoutbox
    assert mail.subject == "U staat op de wachtlijst: Samen eten"
    assert "U staat op de wachtlijst." in mail.body
    assert cancel_url(rsvp) in mail.body


def test_city_wide_event_asks_the_postcode_and_files_the_rsvp_in_its_wop(
    client, home, wop, other_wop
):
    event = factories.make_event(
        index=factories.make_event_index(parent=home, title="Agenda Capelle"),
        signup_required=True,
    )
    occurrence = event.occurrences.get()

    page = client.get(event.url).content.decode()
    missing = client.post(event.url, answers(occurrence=occurrence))
    response = client.post(
        event.url, answers(occurrence=occurrence, postcode="2903 ab")
    )

    assert 'name="postcode"' in page
    assert "Vul uw postcode in." in field_error(missing.content.decode(), "postcode")
    assert response.status_code == 302
    rsvp = EventRSVP.objects.get()
    assert rsvp.wop == other_wop
    assert rsvp.postcode == "2903AB"


def test_event_of_a_wop_does_not_ask_for_an_address(client, event):
    content = client.get(event.url).content.decode()

    assert 'name="postcode"' not in content
    assert 'name="street"' not in content
    assert 'name="contact_preference"' not in content


def test_logged_in_member_finds_name_email_and_phone_filled_in(client, event):
    client.force_login(
        factories.make_user(
            email="truus@example.org",
            first_name="Truus",
            last_name="Bakker",
            phone="06-12345678",
        )
    )

    content = client.get(event.url).content.decode()

    assert 'value="Truus Bakker"' in content
    assert 'value="truus@example.org"' in content
    assert 'value="06-12345678"' in content


def test_pages_with_the_form_or_the_thanks_are_not_kept_by_shared_caches(
    client, event, occurrence
):
    form_page = client.get(event.url)
    errors = client.post(event.url, answers(occurrence=occurrence, name=""))
    thanks = client.post(event.url, answers(occurrence=occurrence), follow=True)

    # The form page holds this visitor's own CSRF token: no shared HTTP cache
    # may keep it (the page cache keeps it without, neighbourhood.page_cache).
    assert "private" in form_page.headers["Cache-Control"]
    for response in (errors, thanks):
        cache_control = response.headers["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control


def test_thanks_page_without_a_sign_up_claims_none(client, event):
    content = client.get(thanks_url(event)).content.decode()

    assert "U bent aangemeld" not in content
    assert "U staat op de wachtlijst" not in content
    assert "Wilt u zich aanmelden?" in content
