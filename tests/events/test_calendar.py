"""The public calendar (events/calendar.py), its filters
(events/forms_calendar.py) and the "Binnenkort" lists on the WOP and home
pages."""

import re
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from events.models import EventException, EventOccurrence, EventPage
from events.services import event_occurrences_sync
from neighbourhood.models import Audience
from tests.factories import make_event, make_event_index, make_rsvp


def _in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def _titles(response) -> list[str]:
    """The activity titles listed, in order."""
    html = response.content.decode()
    return re.findall(r'class="occurrence__title"><a href="[^"]*">([^<]*)</a>', html)


def _audiences(*slugs) -> list[Audience]:
    return list(Audience.objects.filter(slug__in=slugs))


@pytest.fixture
def wop_calendar(wop):
    return make_event_index(parent=wop)


@pytest.fixture
def other_calendar(other_wop):
    return make_event_index(parent=other_wop)


@pytest.fixture
def city_calendar(home):
    return make_event_index(parent=home, title="Agenda")


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


def test_date_filter_keeps_to_the_period(client, wop_calendar):
    make_event(index=wop_calendar, title="Te vroeg", start_date=_in_days(2))
    make_event(index=wop_calendar, title="Binnen", start_date=_in_days(5))
    make_event(index=wop_calendar, title="Te laat", start_date=_in_days(9))

    response = client.get(
        wop_calendar.url,
        {"start": _in_days(4).isoformat(), "end": _in_days(5).strftime("%d-%m-%Y")},
    )

    assert _titles(response) == ["Binnen"]
    assert '<details class="filters" open>' in response.content.decode()


def test_end_before_start_is_refused_in_dutch_and_the_rest_still_applies(
    client, wop_calendar
):
    make_event(index=wop_calendar, title="Eerst", start_date=_in_days(2))
    make_event(index=wop_calendar, title="Later", start_date=_in_days(9))

    response = client.get(
        wop_calendar.url,
        {"start": _in_days(5).isoformat(), "end": _in_days(3).isoformat()},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["end"] == [
        "Deze datum ligt vóór de datum bij ‘Van’. Kies een latere."
    ]
    assert _titles(response) == ["Later"]


def test_a_date_that_is_no_date_gets_a_dutch_message(client, wop_calendar):
    make_event(index=wop_calendar, title="Koffie")

    response = client.get(wop_calendar.url, {"start": "31-02-2031"})

    assert response.status_code == 200
    assert "Vul een datum in zoals 24-12-2026." in response.content.decode()
    assert _titles(response) == ["Koffie"]


def test_audience_filter_shows_activities_for_any_chosen_audience(client, wop_calendar):
    make_event(
        index=wop_calendar, title="Ouderen", audiences=_audiences("older-people")
    )
    make_event(
        index=wop_calendar, title="Jongeren", audiences=_audiences("young-people")
    )
    make_event(
        index=wop_calendar,
        title="Mantelzorg",
        audiences=_audiences("carers", "older-people"),
    )

    response = client.get(wop_calendar.url, {"audience": ["older-people", "carers"]})

    assert sorted(_titles(response)) == ["Mantelzorg", "Ouderen"]


def test_calendar_shows_each_activitys_audiences(client, wop_calendar):
    make_event(
        index=wop_calendar,
        title="Koffie",
        audiences=_audiences("older-people", "carers"),
    )

    response = client.get(wop_calendar.url)

    assert "<li>Ouderen</li>" in response.content.decode()
    assert "<li>Mantelzorgers</li>" in response.content.decode()


def test_kind_filter(client, wop_calendar):
    make_event(index=wop_calendar, title="Groep", kind="group")
    make_event(index=wop_calendar, title="Cursus", kind="course")

    response = client.get(wop_calendar.url, {"kind": "course"})

    assert _titles(response) == ["Cursus"]


def test_wop_filter_on_the_city_calendar(
    client, city_calendar, wop_calendar, other_calendar, other_wop
):
    make_event(index=wop_calendar, title="Schaken")
    make_event(index=other_calendar, title="Wandelen")

    response = client.get(city_calendar.url, {"wop": other_wop.slug})

    assert _titles(response) == ["Wandelen"]


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


def _daily_event(calendar, *, title, days, **kwargs):
    return make_event(
        index=calendar,
        title=title,
        repeat="weekly",
        weekdays=list(range(7)),
        start_date=_in_days(1),
        repeat_until=_in_days(days),
        **kwargs,
    )


def test_paging_twenty_at_a_time_keeps_the_filters(client, wop_calendar):
    _daily_event(wop_calendar, title="Wandelen", days=25, kind="group")
    _daily_event(wop_calendar, title="Cursus", days=3, kind="course")

    first = client.get(wop_calendar.url, {"kind": "group"})
    second = client.get(wop_calendar.url, {"kind": "group", "page": "2"})

    assert _titles(first) == ["Wandelen"] * 20
    assert _titles(second) == ["Wandelen"] * 5
    assert 'href="?kind=group&amp;page=2"' in first.content.decode()
    assert 'href="?kind=group&amp;page=1"' in second.content.decode()
    assert "Pagina 2 van 2" in second.content.decode()


def test_a_page_number_out_of_range_shows_the_last_page(client, wop_calendar):
    _daily_event(wop_calendar, title="Wandelen", days=25)

    response = client.get(wop_calendar.url, {"page": "99"})

    assert response.status_code == 200
    assert len(_titles(response)) == 5


def _add_events(calendar, count: int, audiences):
    """``count`` activities, each on a few dates, built without revisions."""
    for number in range(count):
        event = calendar.add_child(
            instance=EventPage(
                title=f"Activiteit {number}",
                slug=f"activiteit-{calendar.get_children_count()}",
                description="<p>Samen.</p>",
                place_name="Buurthuis",
                place_address="Kievitlaan 2",
                kind="group",
                signup_required=True,
                capacity=10,
                start_date=_in_days(1 + number % 5),
                start_time=time(10),
                end_time=time(12),
                audiences=audiences,
            )
        )
        event_occurrences_sync(event=event)


def test_the_number_of_queries_does_not_grow_with_the_number_of_activities(
    client, city_calendar, wop_calendar, django_assert_max_num_queries
):
    audiences = _audiences("older-people", "carers")
    _add_events(wop_calendar, 5, audiences)
    client.get(city_calendar.url)  # warm Wagtail's site-root cache

    with django_assert_max_num_queries(30) as few:
        client.get(city_calendar.url)
    _add_events(wop_calendar, 45, audiences)
    with django_assert_max_num_queries(30) as many:
        response = client.get(city_calendar.url)

    assert len(_titles(response)) == 20
    assert len(many.captured_queries) == len(few.captured_queries)


def test_calendar_links_to_the_feed_and_the_month_poster(client, wop_calendar):
    html = client.get(wop_calendar.url).content.decode()

    assert f'href="{wop_calendar.url}ical/"' in html
    assert f'href="{wop_calendar.url}deze-maand/"' in html


def test_an_empty_calendar_says_so(client, wop_calendar):
    response = client.get(wop_calendar.url)

    assert "Er staan op dit moment geen activiteiten in de agenda." in (
        response.content.decode()
    )


def test_wop_page_shows_what_is_coming_up_in_that_wop(
    client, wop, wop_calendar, other_calendar
):
    make_event(index=wop_calendar, title="Schaken", start_date=_in_days(3))
    make_event(index=wop_calendar, title="Over twee maanden", start_date=_in_days(60))
    make_event(index=other_calendar, title="Wandelen in Oostgaarde")

    html = client.get(wop.url).content.decode()

    assert "Binnenkort in Schollevaar" in html
    assert "Schaken" in html
    assert "Over twee maanden" not in html
    assert "Wandelen in Oostgaarde" not in html
    assert f'href="{wop_calendar.url}">Alle activiteiten in Schollevaar' in html


def test_wop_page_without_coming_activities_has_no_upcoming_section(
    client, wop, wop_calendar
):
    make_event(index=wop_calendar, title="Voorbij", start_date=_in_days(-3))

    html = client.get(wop.url).content.decode()

    assert "Binnenkort" not in html


def test_home_page_lists_the_next_activities_of_the_whole_city(
    client, home, city_calendar, wop_calendar, other_calendar
):
    _daily_event(wop_calendar, title="Wandelen", days=10)
    make_event(
        index=other_calendar,
        title="Vroege vogels",
        start_date=_in_days(1),
        start_time=time(7),
        end_time=time(8),
    )

    response = client.get(home.url)

    html = response.content.decode()
    assert "Binnenkort</h2>" in html
    assert _titles(response) == ["Vroege vogels"] + ["Wandelen"] * 5
    assert "(Oostgaarde)" in html
    assert f'href="{city_calendar.url}"' in html


def test_home_page_without_activities_has_no_upcoming_section(client, home):
    assert "Binnenkort" not in client.get(home.url).content.decode()


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


def test_a_long_calendar_counts_no_further_than_it_needs_and_still_pages_on(
    client, wop_calendar, monkeypatch
):
    """Counting every upcoming date of a city is slow; past the limit the
    calendar says "more than" and the last page number is left out."""
    monkeypatch.setattr("events.calendar.COUNT_UP_TO", 30)
    _daily_event(wop_calendar, title="Wandelen", days=65)

    first = client.get(wop_calendar.url).content.decode()
    last = client.get(wop_calendar.url, {"page": "4"}).content.decode()

    assert "Meer dan 40 activiteiten in de agenda." in first
    assert "Pagina 1</p>" in first
    assert 'href="?page=2"' in first
    assert _titles(client.get(wop_calendar.url, {"page": "4"})) == ["Wandelen"] * 5
    assert "65 activiteiten in de agenda." in last
    assert "Pagina 4 van 4" in last
