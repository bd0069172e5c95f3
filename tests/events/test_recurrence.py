"""An activity's schedule as dates (events/recurrence.py) and as the stored
occurrences publishing makes (events/services.py)."""

from datetime import date, time

import pytest
from django.utils import timezone

from events.models import EventException, EventOccurrence, EventPage
from events.recurrence import ical_rrule, occurrence_dates
from tests.factories import make_event, make_event_index, make_rsvp


def _schedule(**kwargs) -> EventPage:
    """An unsaved activity: enough for the calendar arithmetic."""
    kwargs.setdefault("start_time", time(10))
    kwargs.setdefault("end_time", time(12))
    return EventPage(title="Breiclub", **kwargs)


def test_weekly_on_two_weekdays_gives_both_days_every_week():
    event = _schedule(
        repeat="weekly",
        weekdays=[3, 1],  # Thursday and Tuesday, in any order
        start_date=date(2031, 3, 3),
        repeat_until=date(2031, 3, 16),
    )

    assert occurrence_dates(event) == [
        date(2031, 3, 4),
        date(2031, 3, 6),
        date(2031, 3, 11),
        date(2031, 3, 13),
    ]


def test_monthly_every_first_friday():
    event = _schedule(
        repeat="monthly",
        monthly_week=1,
        monthly_weekday=4,
        start_date=date(2031, 1, 1),
        repeat_until=date(2031, 4, 30),
    )

    assert occurrence_dates(event) == [
        date(2031, 1, 3),
        date(2031, 2, 7),
        date(2031, 3, 7),
        date(2031, 4, 4),
    ]
    assert ical_rrule(event)["BYDAY"] == ["1FR"]


def test_monthly_on_the_last_monday():
    event = _schedule(
        repeat="monthly",
        monthly_week=-1,
        monthly_weekday=0,
        start_date=date(2031, 1, 1),
        repeat_until=date(2031, 3, 31),
    )

    assert occurrence_dates(event) == [
        date(2031, 1, 27),
        date(2031, 2, 24),
        date(2031, 3, 31),
    ]
    assert ical_rrule(event)["BYDAY"] == ["-1MO"]


def test_repeating_stops_at_the_until_date_and_includes_it():
    event = _schedule(
        repeat="weekly",
        weekdays=[0],
        start_date=date(2031, 3, 3),
        repeat_until=date(2031, 3, 17),
    )

    assert occurrence_dates(event)[-1] == date(2031, 3, 17)
    assert len(occurrence_dates(event)) == 3


def test_exception_dates_are_left_out():
    event = _schedule(
        repeat="weekly",
        weekdays=[0],
        start_date=date(2031, 3, 3),
        repeat_until=date(2031, 3, 17),
        exceptions=[EventException(date=date(2031, 3, 10), reason="Carnaval")],
    )

    assert occurrence_dates(event) == [date(2031, 3, 3), date(2031, 3, 17)]
    assert date(2031, 3, 10) in occurrence_dates(event, exclude_exceptions=False)


def test_a_one_off_activity_has_its_one_date_and_no_rule():
    event = _schedule(repeat="once", start_date=date(2031, 3, 5))

    assert occurrence_dates(event) == [date(2031, 3, 5)]
    assert ical_rrule(event) is None


@pytest.fixture
def calendar(wop):
    return make_event_index(parent=wop)


def _weekly_on_mondays(calendar, **kwargs):
    kwargs.setdefault("repeat", "weekly")
    kwargs.setdefault("weekdays", [0])
    kwargs.setdefault("start_date", date(2031, 3, 3))
    kwargs.setdefault("repeat_until", date(2031, 3, 24))
    return make_event(index=calendar, title="Wandelen", **kwargs)


def _stored(event) -> dict:
    return {
        occurrence.date: occurrence.is_cancelled
        for occurrence in EventOccurrence.objects.filter(event=event)
    }


def test_publishing_stores_every_date_with_the_wop(calendar, wop):
    event = _weekly_on_mondays(calendar)

    occurrences = EventOccurrence.objects.filter(event=event).order_by("date")
    assert [o.date.day for o in occurrences] == [3, 10, 17, 24]
    assert {o.wop_id for o in occurrences} == {wop.pk}
    first = occurrences[0]
    assert timezone.localtime(first.starts_at).time() == time(10, 0)
    assert timezone.localtime(first.ends_at).time() == time(11, 30)


def test_publishing_marks_an_exception_date_cancelled(calendar):
    event = _weekly_on_mondays(
        calendar, exceptions=[EventException(date=date(2031, 3, 10))]
    )

    assert _stored(event) == {
        date(2031, 3, 3): False,
        date(2031, 3, 10): True,
        date(2031, 3, 17): False,
        date(2031, 3, 24): False,
    }


def test_a_dropped_date_with_an_rsvp_is_kept_cancelled_and_others_go(calendar):
    event = _weekly_on_mondays(calendar)
    signed_up_for = EventOccurrence.objects.get(event=event, date=date(2031, 3, 24))
    rsvp = make_rsvp(occurrence=signed_up_for)

    event.repeat_until = date(2031, 3, 10)
    event.save_revision().publish()

    assert _stored(event) == {
        date(2031, 3, 3): False,
        date(2031, 3, 10): False,
        date(2031, 3, 24): True,
    }
    rsvp.refresh_from_db()
    assert rsvp.occurrence_id == signed_up_for.pk
