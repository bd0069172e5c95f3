"""The public calendar (events/calendar.py): which dates it lists, and how."""

import re
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from events.models import EventException, EventOccurrence
from tests.events._calendar import _audiences, _in_days, _titles
from tests.factories import make_event, make_rsvp


def test_calendar_lists_coming_dates_soonest_first_and_not_past_ones(
    client, wop_calendar
):
    make_event(index=wop_calendar, title="Later", start_date=_in_days(10))
    make_event(index=wop_calendar, title="Gisteren", start_date=_in_days(-1))
    make_event(index=wop_calendar, title="Eerst", start_date=_in_days(2))

    response = client.get(wop_calendar.url)

    assert response.status_code == 200
    assert _titles(response) == ["Eerst", "Later"]


def test_calendar_groups_dates_under_a_day_heading(client, wop_calendar):
    day = date(2031, 12, 2)
    make_event(index=wop_calendar, title="Koffie", start_date=day)

    response = client.get(wop_calendar.url)

    assert "Dinsdag 2 december 2031</h2>" in response.content.decode()
    assert "10.00 – 11.30 uur" in response.content.decode()


def test_cancelled_date_is_not_listed(client, wop_calendar):
    make_event(
        index=wop_calendar,
        title="Breien",
        repeat="weekly",
        weekdays=[_in_days(7).weekday()],
        start_date=_in_days(1),
        repeat_until=_in_days(21),
        exceptions=[EventException(date=_in_days(14))],
    )

    response = client.get(wop_calendar.url)

    html = response.content.decode()
    assert _titles(response) == ["Breien", "Breien"]
    assert _in_days(14).isoformat() not in html
    assert _in_days(7).isoformat() in html
    assert _in_days(21).isoformat() in html


def test_wop_calendar_shows_only_its_own_wop(client, wop_calendar, other_calendar):
    make_event(index=wop_calendar, title="Schaken in Schollevaar")
    make_event(index=other_calendar, title="Wandelen in Oostgaarde")

    response = client.get(wop_calendar.url)

    assert _titles(response) == ["Schaken in Schollevaar"]
    assert 'name="wop"' not in response.content.decode()


def test_city_calendar_shows_every_wop_and_its_own_activities(
    client, city_calendar, wop_calendar, other_calendar
):
    make_event(index=wop_calendar, title="Schaken", start_date=_in_days(1))
    make_event(index=other_calendar, title="Wandelen", start_date=_in_days(2))
    make_event(index=city_calendar, title="Stadsfeest", start_date=_in_days(3))

    response = client.get(city_calendar.url)

    assert _titles(response) == ["Schaken", "Wandelen", "Stadsfeest"]
    html = response.content.decode()
    assert "<dd>Schollevaar</dd>" in html
    assert "<dd>Oostgaarde</dd>" in html


def test_calendar_shows_each_activitys_audiences(client, wop_calendar):
    make_event(
        index=wop_calendar,
        title="Koffie",
        audiences=_audiences("older-people", "carers"),
    )

    response = client.get(wop_calendar.url)

    assert "<li>Ouderen</li>" in response.content.decode()
    assert "<li>Mantelzorgers</li>" in response.content.decode()


def test_cost_and_places_are_shown(client, wop_calendar):
    full = make_event(
        index=wop_calendar,
        title="Vol",
        signup_required=True,
        capacity=2,
        start_date=_in_days(1),
    )
    make_rsvp(occurrence=full.occurrences.get(), people=2)
    make_event(
        index=wop_calendar,
        title="Ruimte",
        signup_required=True,
        capacity=10,
        cost="2.50",
        start_date=_in_days(2),
    )
    make_rsvp(occurrence=EventOccurrence.objects.get(event__title="Ruimte"), people=3)
    make_event(index=wop_calendar, title="Vrij", start_date=_in_days(3))

    html = client.get(wop_calendar.url).content.decode()

    full_part, room_part, free_part = re.split(r'<li class="occurrence">', html)[1:]
    assert "Vol — u kunt op de wachtlijst" in full_part
    assert "€ 2,50" in room_part
    assert "nog 7 plaatsen vrij" in room_part
    assert "Gratis" in free_part
    assert "Aanmelden nodig" not in free_part


def test_calendar_links_to_the_feed_and_the_month_poster(client, wop_calendar):
    html = client.get(wop_calendar.url).content.decode()

    assert f'href="{wop_calendar.url}ical/"' in html
    assert f'href="{wop_calendar.url}deze-maand/"' in html


def test_an_empty_calendar_says_so(client, wop_calendar):
    response = client.get(wop_calendar.url)

    assert "Er staan op dit moment geen activiteiten in de agenda." in (
        response.content.decode()
    )


def test_an_occurrence_ending_now_is_still_listed(client, wop_calendar):
    """An activity that has begun but not ended is still worth walking to."""
    now = timezone.localtime()
    event = make_event(index=wop_calendar, title="Bezig", start_date=_in_days(5))
    EventOccurrence.objects.filter(event=event).update(
        starts_at=now - timedelta(hours=1),
        ends_at=timezone.make_aware(datetime.combine(now.date(), time.max)),
    )

    assert _titles(client.get(wop_calendar.url)) == ["Bezig"]


def test_activities_of_an_unpublished_wop_are_not_listed_city_wide(home, wop):
    from events.selectors import occurrences_upcoming
    from tests.factories import make_event, make_event_index

    event = make_event(index=make_event_index(parent=wop), title="Koffie")
    assert list(occurrences_upcoming()) != []

    wop.unpublish()

    assert not [o for o in occurrences_upcoming() if o.event_id == event.pk]


def test_an_activity_moved_to_another_wop_takes_its_dates_along(
    client, wop_calendar, other_calendar, other_wop
):
    event = make_event(index=wop_calendar, title="Breiclub")

    event.move(other_calendar, pos="last-child")

    assert "Breiclub" not in _titles(client.get(wop_calendar.url))
    assert "Breiclub" in _titles(client.get(other_calendar.url))
    assert set(event.occurrences.values_list("wop", flat=True)) == {other_wop.pk}
