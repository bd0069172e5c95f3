"""The waiting list goes first: while anyone waits for a date, a freed place
goes to the first in line whose party fits, newcomers join the end of the
line, and the public pages say so instead of offering the place."""

from django.utils import translation

from events.forms import places_text
from events.models import EventOccurrence, EventPage, EventRSVP, RSVPStatus
from events.services import rsvp_cancel
from tests import factories
from tests.events.rsvp._support import fill
from tests.factories import rsvp_form_data as answers

WAITING_FIRST = "er wachten al mensen – u komt op de wachtlijst"
WAITING_NOTE = "Dan gaat een plaats die vrijkomt eerst naar hen."


def _wait(occurrence, *, people, name, email=""):
    return factories.make_rsvp(
        occurrence=occurrence,
        status=RSVPStatus.WAITING,
        people=people,
        name=name,
        email=email,
    )


def _waiting_names(occurrence) -> list[str]:
    return [rsvp.name for rsvp in occurrence.rsvps.waiting()]


def _one_place_free_while_a_party_of_two_waits(occurrence):
    """Samen eten (three places) taken by three people; the Bakkers (two)
    wait; then one person cancels. Returns the two who still have a place."""
    leaving = fill(occurrence, name="Truus Jansen")
    staying = [fill(occurrence, name="Nick de Boer"), fill(occurrence, name="Yonas")]
    _wait(occurrence, people=2, name="Familie Bakker", email="bakker@example.org")
    rsvp_cancel(submission=leaving)
    return staying


def test_a_freed_place_is_not_offered_while_a_party_of_two_waits(
    client, event, occurrence
):
    _one_place_free_while_a_party_of_two_waits(occurrence)

    content = client.get(event.url).content.decode()

    assert "nog 1 plaats" not in content
    assert WAITING_FIRST in content
    assert WAITING_NOTE in content
    assert "Familie Bakker" not in content


def test_a_newcomer_joins_the_waiting_list_behind_the_party_of_two(
    client, event, occurrence, mailoutbox
):
    _one_place_free_while_a_party_of_two_waits(occurrence)

    response = client.post(event.url, answers(occurrence=occurrence), follow=True)

    assert "U staat op de wachtlijst" in response.content.decode()
    newcomer = EventRSVP.objects.get(name="Hans de Vries")
    assert newcomer.status == RSVPStatus.WAITING
    assert _waiting_names(occurrence) == ["Familie Bakker", "Hans de Vries"]
    assert mailoutbox == []  # nobody moved up


def test_a_second_freed_place_moves_the_party_of_two_up_with_an_email(
    client, event, occurrence, mailoutbox
):
    nick, _yonas = _one_place_free_while_a_party_of_two_waits(occurrence)
    client.post(event.url, answers(occurrence=occurrence))

    rsvp_cancel(submission=nick)

    family = EventRSVP.objects.get(name="Familie Bakker")
    assert family.status == RSVPStatus.CONFIRMED
    assert family.promoted_at is not None
    [mail] = mailoutbox
    assert mail.to == ["bakker@example.org"]
    assert mail.subject == "Er is plaats voor u: Samen eten"
    assert _waiting_names(occurrence) == ["Hans de Vries"]
    content = client.get(event.url).content.decode()
    assert "vol – u komt op de wachtlijst" in content
    assert WAITING_FIRST not in content


def test_the_first_in_line_who_fits_moves_up_and_a_larger_party_keeps_its_turn(
    client, calendar
):
    event = factories.make_event(
        index=calendar,
        title="Taalcafé",
        signup_required=True,
        capacity=4,
        max_people_per_signup=3,
    )
    occurrence = event.occurrences.get()
    leaving = fill(occurrence, name="Truus Jansen")
    group = fill(occurrence, people=3, name="Buurvrouwen")
    _wait(occurrence, people=3, name="Familie Yilmaz")
    _wait(occurrence, people=1, name="Patricia")

    rsvp_cancel(submission=leaving)

    assert EventRSVP.objects.get(name="Patricia").status == RSVPStatus.CONFIRMED
    assert _waiting_names(occurrence) == ["Familie Yilmaz"]

    # A newcomer comes after the Yilmaz family, who get the next places.
    client.post(event.url, answers(occurrence=occurrence, name="Hans de Vries"))
    assert _waiting_names(occurrence) == ["Familie Yilmaz", "Hans de Vries"]
    rsvp_cancel(submission=group)

    assert EventRSVP.objects.get(name="Familie Yilmaz").status == (RSVPStatus.CONFIRMED)
    assert _waiting_names(occurrence) == ["Hans de Vries"]


def test_leaving_the_waiting_list_hands_a_free_place_to_the_next_who_fits(
    event, occurrence
):
    _one_place_free_while_a_party_of_two_waits(occurrence)
    newcomer = _wait(occurrence, people=1, name="Hans de Vries")

    rsvp_cancel(submission=EventRSVP.objects.get(name="Familie Bakker"))

    newcomer.refresh_from_db()
    assert newcomer.status == RSVPStatus.CONFIRMED


def test_places_added_by_a_larger_capacity_go_to_the_waiting_list_in_order(
    client, event, occurrence, mailoutbox
):
    _one_place_free_while_a_party_of_two_waits(occurrence)
    newcomer = _wait(occurrence, people=1, name="Hans de Vries")
    page = EventPage.objects.get(pk=event.pk)
    page.capacity = 4
    page.save_revision().publish()

    family = EventRSVP.objects.get(name="Familie Bakker")
    assert family.status == RSVPStatus.CONFIRMED
    [mail] = mailoutbox
    assert mail.to == ["bakker@example.org"]
    newcomer.refresh_from_db()
    assert newcomer.status == RSVPStatus.WAITING
    assert "vol – u komt op de wachtlijst" in client.get(event.url).content.decode()


def test_the_calendar_says_people_wait_instead_of_the_places_left(
    client, calendar, event, occurrence
):
    _one_place_free_while_a_party_of_two_waits(occurrence)

    content = client.get(calendar.url).content.decode()

    assert "Er wachten al mensen — u kunt op de wachtlijst" in content
    assert "nog 1 plaats vrij" not in content


def test_the_waiting_list_wording_in_english(event, occurrence):
    _one_place_free_while_a_party_of_two_waits(occurrence)
    shown = EventOccurrence.objects.with_places().get(pk=occurrence.pk)

    with translation.override("en"):
        text = places_text(shown)

    assert text == "people are already waiting – you go on the waiting list"
