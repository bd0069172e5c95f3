"""Signing up for an activity on its page, the waiting list, and cancelling
with the private link."""

import re
from datetime import time, timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from events.models import EventRSVP, RSVPStatus
from events.services import rsvp_cancel
from neighbourhood.models import ConsentMethod, ContactPreference, OutboxEmail
from tests import factories
from tests.factories import rsvp_form_data as answers


def field_error(content: str, name: str) -> str:
    """The error shown at field ``name``, as text ("" if none)."""
    match = re.search(
        rf'<div class="field__errors" id="id_{name}_error">(.*?)</div>', content, re.S
    )
    return " ".join(strip_tags(unescape(match.group(1))).split()) if match else ""


def thanks_url(event) -> str:
    return event.url + event.reverse_subpage("rsvp_thanks")


def cancel_url(rsvp) -> str:
    return reverse("neighbourhood:withdraw", args=[rsvp.token])


@pytest.fixture
def calendar(wop):
    return factories.make_event_index(parent=wop)


@pytest.fixture
def event(calendar):
    """Samen eten in Schollevaar, a week from now: three places, at most two
    people per sign-up."""
    return factories.make_event(
        index=calendar,
        title="Samen eten",
        signup_required=True,
        capacity=3,
        max_people_per_signup=2,
    )


@pytest.fixture
def occurrence(event):
    return event.occurrences.get()


@pytest.fixture
def weekly(calendar):
    """Taalcafé every week on yesterday's weekday: one date past, three ahead."""
    yesterday = timezone.localdate() - timedelta(days=1)
    return factories.make_event(
        index=calendar,
        title="Taalcafé",
        signup_required=True,
        start_date=yesterday,
        repeat="weekly",
        weekdays=[yesterday.weekday()],
        repeat_until=yesterday + timedelta(days=21),
    )


def fill(occurrence, *, people=1, **kwargs):
    """Take ``people`` places (or wait for them) without the form."""
    return factories.make_rsvp(
        occurrence=occurrence, people=people, status=RSVPStatus.CONFIRMED, **kwargs
    )


# Signing up -----------------------------------------------------------------


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


def test_group_larger_than_the_places_left_waits_while_one_person_still_fits(
    client, event, occurrence
):
    fill(occurrence, people=2)

    client.post(event.url, answers(occurrence=occurrence, people="2"))
    client.post(event.url, answers(occurrence=occurrence, name="Truus Bakker"))

    assert EventRSVP.objects.get(name="Hans de Vries").status == RSVPStatus.WAITING
    assert EventRSVP.objects.get(name="Truus Bakker").status == RSVPStatus.CONFIRMED


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
    assert link.group(1) == "http://testserver" + cancel_url(rsvp)
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


# Refused --------------------------------------------------------------------


def test_rsvp_for_a_past_date_is_refused_at_the_date_and_nothing_is_stored(
    client, weekly, mailoutbox
):
    past, *_later = weekly.occurrences.order_by("date")

    response = client.post(
        weekly.url, answers(occurrence=past, email="hans@example.org")
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert field_error(content, "occurrence") == (
        "Fout: Deze keer is al voorbij. Kies een andere datum."
    )
    assert 'value="Hans de Vries"' in content
    assert not EventRSVP.objects.exists()
    assert not OutboxEmail.objects.exists()


def test_rsvp_for_a_cancelled_date_is_refused_at_the_date_and_nothing_is_stored(
    client, weekly
):
    _past, cancelled, *_later = weekly.occurrences.order_by("date")
    cancelled.is_cancelled = True
    cancelled.save()

    response = client.post(weekly.url, answers(occurrence=cancelled))

    assert field_error(response.content.decode(), "occurrence") == (
        "Fout: Deze keer gaat niet door. Kies een andere datum."
    )
    assert not EventRSVP.objects.exists()


def test_rsvp_when_no_date_is_left_says_why_and_stores_nothing(
    client, event, occurrence
):
    occurrence.is_cancelled = True
    occurrence.save()

    response = client.post(event.url, answers(occurrence=occurrence))

    content = response.content.decode()
    assert "Deze keer gaat niet door." in content
    assert "geen data waarvoor u zich kunt aanmelden" in content
    assert not EventRSVP.objects.exists()


def test_a_date_that_is_not_of_this_event_is_refused(client, event, occurrence):
    other_date = {**answers(occurrence=occurrence), "occurrence": "2001-01-01"}
    garbage = {**answers(occurrence=occurrence), "occurrence": "x"}

    for data in (other_date, garbage):
        refused = client.post(event.url, data)
        assert field_error(refused.content.decode(), "occurrence") == (
            "Fout: Kies een van de data uit de lijst."
        )
    assert not EventRSVP.objects.exists()


def test_more_people_than_allowed_is_explained_next_to_the_field(
    client, event, occurrence
):
    response = client.post(event.url, answers(occurrence=occurrence, people="5"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fout:" in content
    assert "hoogstens 2 personen tegelijk" in field_error(content, "people")
    assert re.search(r'<input[^>]*name="people"[^>]*aria-invalid="true"', content)
    assert 'value="5"' in content
    assert not EventRSVP.objects.exists()


def test_each_mistake_is_explained_in_dutch_at_its_field(client, event):
    response = client.post(
        event.url,
        {"people": "0", "name": "", "phone": "", "email": "", "website": ""},
    )

    content = response.content.decode()
    assert "Kies de datum waarop u komt." in field_error(content, "occurrence")
    assert "Vul 1 of meer in." in field_error(content, "people")
    assert field_error(content, "name") == "Fout: Vul uw naam in."
    assert "telefoonnummer of een e-mailadres" in field_error(content, "phone")
    assert "Zonder uw toestemming" in field_error(content, "consent")
    assert 'href="#id_occurrence_0"' in content
    assert not EventRSVP.objects.exists()


def test_filled_in_honeypot_stores_nothing_and_says_why(
    client, event, occurrence, mailoutbox
):
    response = client.post(
        event.url,
        answers(
            occurrence=occurrence,
            email="hans@example.org",
            website="http://spam.example",
        ),
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Uw aanmelding is niet verstuurd" in content
    assert "Laat dit veld leeg" in content
    assert not EventRSVP.objects.exists()
    assert mailoutbox == []
    assert 'value="Hans de Vries"' in content
    assert re.search(rf'value="{occurrence.date.isoformat()}"[^>]*checked', content), (
        "the chosen date stays chosen"
    )
    assert "spam.example" not in content


def test_too_many_posts_from_one_address_are_refused(
    client, settings, event, occurrence
):
    for _attempt in range(settings.PUBLIC_FORM_RATE_LIMIT):
        client.post(event.url, answers(occurrence=occurrence, name=""))

    response = client.post(event.url, answers(occurrence=occurrence))

    content = response.content.decode()
    assert response.status_code == 429
    assert "Wacht een minuut" in content
    assert 'value="Hans de Vries"' in content
    assert not EventRSVP.objects.exists()


# Cancelling and the waiting list --------------------------------------------


def test_cancel_link_asks_first_then_cancels_erases_and_moves_the_first_waiting_up(
    client, event, occurrence, mailoutbox
):
    mine = fill(occurrence, people=2, email="hans@example.org")
    fill(occurrence, people=1)
    first_waiting = factories.make_rsvp(
        occurrence=occurrence,
        status=RSVPStatus.WAITING,
        name="Zeynep Yilmaz",
        email="zeynep@example.org",
    )

    page = client.get(cancel_url(mine))

    content = page.content.decode()
    assert page.status_code == 200
    assert "Wilt u zich afmelden?" in content
    assert "de activiteit ‘Samen eten’ op" in content
    assert "krijgt iemand van de wachtlijst uw plaats" in content
    assert "Ja, meld mij af" in content
    assert "Hans" not in content
    assert "no-store" in page.headers["Cache-Control"]
    mine.refresh_from_db()
    assert mine.status == RSVPStatus.CONFIRMED
    assert mailoutbox == []

    done = client.post(cancel_url(mine))

    assert done.status_code == 200
    assert "U bent afgemeld" in done.content.decode()
    mine.refresh_from_db()
    assert mine.status == RSVPStatus.CANCELLED
    assert mine.anonymised_at is not None
    assert mine.withdrawn_at is not None
    assert (mine.name, mine.email, mine.phone) == ("", "", "")
    first_waiting.refresh_from_db()
    assert first_waiting.status == RSVPStatus.CONFIRMED
    assert first_waiting.promoted_at is not None
    assert first_waiting.promotion_told is True
    [mail] = mailoutbox
    assert mail.to == ["zeynep@example.org"]
    assert mail.subject == "Er is plaats voor u: Samen eten"
    assert "U bent nu aangemeld voor Samen eten" in mail.body
    first_waiting.refresh_from_db()
    assert f"/intrekken/{first_waiting.token}/" in mail.body

    again = client.get(cancel_url(mine))
    assert "U bent al afgemeld" in again.content.decode()


def test_waiting_person_without_email_is_moved_up_for_a_volunteer_to_call(
    event, occurrence, mailoutbox
):
    leaving = fill(occurrence, people=1)
    fill(occurrence, people=2)
    waiting = factories.make_rsvp(
        occurrence=occurrence, status=RSVPStatus.WAITING, name="Hans de Vries"
    )

    rsvp_cancel(submission=leaving)

    waiting.refresh_from_db()
    assert waiting.status == RSVPStatus.CONFIRMED
    assert waiting.promotion_told is False
    assert mailoutbox == []


def test_waiting_group_that_does_not_fit_is_passed_over_for_a_smaller_one_behind(
    event, occurrence
):
    """First come, first served among those who fit: a freed place goes to the
    earliest waiting sign-up it is big enough for. A group that does not fit
    keeps its place at the head of the list for the next freed places."""
    leaving = fill(occurrence, people=1)
    fill(occurrence, people=2)
    group = factories.make_rsvp(
        occurrence=occurrence, status=RSVPStatus.WAITING, people=2, name="Familie"
    )
    single = factories.make_rsvp(
        occurrence=occurrence, status=RSVPStatus.WAITING, people=1, name="Truus"
    )
    last = factories.make_rsvp(
        occurrence=occurrence, status=RSVPStatus.WAITING, people=1, name="Nick"
    )

    rsvp_cancel(submission=leaving)

    group.refresh_from_db()
    single.refresh_from_db()
    last.refresh_from_db()
    assert group.status == RSVPStatus.WAITING
    assert single.status == RSVPStatus.CONFIRMED
    assert last.status == RSVPStatus.WAITING


def test_waiting_resident_can_leave_the_waiting_list_with_the_link(
    client, event, occurrence
):
    fill(occurrence, people=2)
    fill(occurrence, people=1)
    waiting = factories.make_rsvp(occurrence=occurrence, status=RSVPStatus.WAITING)

    page = client.get(cancel_url(waiting)).content.decode()
    client.post(cancel_url(waiting))

    assert "U staat op de wachtlijst voor de activiteit ‘Samen eten’" in page
    assert "Nee, ik blijf op de wachtlijst" in page
    waiting.refresh_from_db()
    assert waiting.status == RSVPStatus.CANCELLED
    assert waiting.anonymised_at is not None


def test_cancelling_a_late_evening_date_names_the_local_time(client, calendar):
    event = factories.make_event(
        index=calendar,
        signup_required=True,
        start_time=time(23, 15),
        end_time=time(23, 45),
    )
    rsvp = fill(event.occurrences.get())

    content = client.get(cancel_url(rsvp)).content.decode()

    assert "om 23.15 uur" in content


def test_thanks_page_without_a_sign_up_claims_none(client, event):
    content = client.get(thanks_url(event)).content.decode()

    assert "U bent aangemeld" not in content
    assert "U staat op de wachtlijst" not in content
    assert "Wilt u zich aanmelden?" in content
