"""Cancelling a sign-up for an activity with the private link, and the waiting
list moving up."""

from datetime import time

from events.models import RSVPStatus
from events.services import rsvp_cancel
from tests import factories
from tests.events.rsvp._support import cancel_url, fill


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
