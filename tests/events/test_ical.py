"""The iCalendar feed of a calendar and the file of one activity
(events/ical.py): valid RFC 5545 that agenda apps can read."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from events.models import EventException, EventPage
from events.services import event_occurrences_sync
from tests.factories import make_event, make_event_index

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def wop_calendar(wop):
    return make_event_index(parent=wop)


@pytest.fixture
def first_fridays(wop_calendar):
    """Every first Friday of 2031 but May's, 14.00 to 16.00."""
    return make_event(
        index=wop_calendar,
        title="Vrijdagmiddagborrel",
        description="<p>Een drankje &amp; een praatje.</p><ul><li>Met hapjes</li></ul>",
        repeat="monthly",
        monthly_week=1,
        monthly_weekday=4,
        start_date=date(2031, 1, 1),
        repeat_until=date(2031, 12, 31),
        start_time=time(14),
        end_time=time(16),
        exceptions=[EventException(date=date(2031, 5, 2), reason="Meivakantie")],
    )


def _calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    calendar.validate()
    return calendar


def _event(calendar, title) -> icalendar.Event:
    (event,) = [event for event in calendar.events if event["SUMMARY"] == title]
    return event


def test_feed_is_a_calendar_with_name_version_and_time_zone(
    client, wop_calendar, first_fridays
):
    response = client.get(f"{wop_calendar.url}ical/")

    calendar = _calendar(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Verbuurzamen//Activiteiten//NL"
    assert calendar["X-WR-CALNAME"] == "Activiteiten in Schollevaar"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]
    assert calendar.get_missing_tzids() == set()
    disposition = response["Content-Disposition"]
    assert disposition == 'attachment; filename="activiteiten-in-schollevaar.ics"'
    assert "public" in response["Cache-Control"]


def test_a_monthly_activity_is_one_event_with_its_rule_and_skipped_date(
    client, wop_calendar, first_fridays
):
    calendar = _calendar(client.get(f"{wop_calendar.url}ical/"))

    event = _event(calendar, "Vrijdagmiddagborrel")
    assert event.decoded("DTSTART") == datetime(2031, 1, 3, 14, tzinfo=AMSTERDAM)
    assert event.decoded("DTSTART").tzinfo.key == "Europe/Amsterdam"
    assert event.decoded("DTEND") == datetime(2031, 1, 3, 16, tzinfo=AMSTERDAM)
    rule = event["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["BYDAY"] == ["1FR"]
    # The last day, in UTC, as RFC 5545 asks when DTSTART has a time zone.
    assert rule["UNTIL"] == [datetime(2031, 12, 31, 13, tzinfo=UTC)]
    assert b"FREQ=MONTHLY" in rule.to_ical() and b"BYDAY=1FR" in rule.to_ical()
    assert [value.dt for value in event["EXDATE"].dts] == [
        datetime(2031, 5, 2, 14, tzinfo=AMSTERDAM)
    ]


def test_event_text_fields_are_plain_and_complete(client, wop_calendar, first_fridays):
    calendar = _calendar(client.get(f"{wop_calendar.url}ical/"))

    event = _event(calendar, "Vrijdagmiddagborrel")
    url = first_fridays.get_full_url()
    assert event["URL"] == url
    assert event["UID"] == f"event-{first_fridays.pk}@localhost"
    assert event["LOCATION"] == (
        "Huis van de Wijk De Pijler, Kievitlaan 2, Capelle aan den IJssel"
    )
    description = str(event["DESCRIPTION"])
    assert description.startswith("Een drankje & een praatje.\nMet hapjes\n")
    assert "<" not in description
    assert "Kosten: Gratis" in description
    assert url in description
    assert "DTSTAMP" in event


def test_weekly_activity_has_its_weekdays(client, wop_calendar):
    make_event(
        index=wop_calendar,
        title="Breien",
        repeat="weekly",
        weekdays=[3, 1],
        start_date=date(2031, 3, 3),
        repeat_until=date(2031, 6, 30),
    )

    event = _event(_calendar(client.get(f"{wop_calendar.url}ical/")), "Breien")

    assert event["RRULE"]["BYDAY"] == ["TU", "TH"]
    # The first date of the rule, not the Monday the editor typed.
    assert event.decoded("DTSTART").date() == date(2031, 3, 4)
    assert "EXDATE" not in event


def test_a_one_off_activity_has_no_rule(client, wop_calendar):
    make_event(index=wop_calendar, title="Buurtfeest", start_date=date(2031, 6, 14))

    event = _event(_calendar(client.get(f"{wop_calendar.url}ical/")), "Buurtfeest")

    assert "RRULE" not in event
    assert "EXDATE" not in event
    assert event.decoded("DTSTART") == datetime(2031, 6, 14, 10, tzinfo=AMSTERDAM)


def test_wop_feed_leaves_out_other_wops_and_the_city_feed_has_all(
    client, home, wop_calendar, other_wop, first_fridays
):
    other = make_event_index(parent=other_wop)
    make_event(index=other, title="Wandelen")
    city = make_event_index(parent=home, title="Agenda")
    make_event(index=city, title="Stadsfeest")

    wop_feed = _calendar(client.get(f"{wop_calendar.url}ical/"))
    city_feed = _calendar(client.get(f"{city.url}ical/"))

    assert [str(e["SUMMARY"]) for e in wop_feed.events] == ["Vrijdagmiddagborrel"]
    assert sorted(str(e["SUMMARY"]) for e in city_feed.events) == [
        "Stadsfeest",
        "Vrijdagmiddagborrel",
        "Wandelen",
    ]
    assert city_feed["X-WR-CALNAME"] == "Agenda"


def test_long_past_activities_leave_the_feed(client, wop_calendar):
    make_event(
        index=wop_calendar,
        title="Lang geleden",
        start_date=timezone.localdate() - timedelta(days=200),
    )
    make_event(index=wop_calendar, title="Binnenkort")

    calendar = _calendar(client.get(f"{wop_calendar.url}ical/"))

    assert [str(e["SUMMARY"]) for e in calendar.events] == ["Binnenkort"]


def test_one_activity_as_a_file(client, wop_calendar, first_fridays):
    response = client.get(f"{first_fridays.url}ical/")

    calendar = _calendar(response)
    (event,) = calendar.events
    assert event["RRULE"]["BYDAY"] == ["1FR"]
    assert len(event["EXDATE"].dts) == 1
    assert 'filename="vrijdagmiddagborrel.ics"' in response["Content-Disposition"]


def test_a_one_off_activity_called_off_is_marked_cancelled(client, wop_calendar):
    event = make_event(
        index=wop_calendar,
        title="Buurtfeest",
        start_date=date(2031, 6, 14),
        exceptions=[EventException(date=date(2031, 6, 14), reason="Regen")],
    )

    (vevent,) = _calendar(client.get(f"{event.url}ical/")).events

    assert vevent["STATUS"] == "CANCELLED"


def test_feed_queries_do_not_grow_with_the_number_of_activities(
    client, wop_calendar, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            number = wop_calendar.get_children_count()
            event = wop_calendar.add_child(
                instance=EventPage(
                    title=f"Activiteit {number}",
                    slug=f"activiteit-{number}",
                    description="<p>Samen.</p>",
                    place_name="Buurthuis",
                    place_address="Kievitlaan 2",
                    kind="group",
                    repeat="weekly",
                    weekdays=[0],
                    start_date=date(2031, 1, 6),
                    repeat_until=date(2031, 3, 31),
                    start_time=time(10),
                    end_time=time(12),
                    exceptions=[EventException(date=date(2031, 2, 3))],
                )
            )
            event_occurrences_sync(event=event)

    add(2)
    client.get(f"{wop_calendar.url}ical/")  # warm Wagtail's site-root cache
    with django_assert_max_num_queries(20) as few:
        client.get(f"{wop_calendar.url}ical/")
    add(20)
    with django_assert_max_num_queries(20) as many:
        response = client.get(f"{wop_calendar.url}ical/")

    assert len(_calendar(response).events) == 22
    assert len(many.captured_queries) == len(few.captured_queries)
