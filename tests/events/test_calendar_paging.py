"""The public calendar's pages: twenty dates a page, counted and queried frugally."""

from datetime import time

from events.models import EventPage
from events.services import event_occurrences_sync
from tests.events._calendar import _audiences, _daily_event, _in_days, _titles


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
