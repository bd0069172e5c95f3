"""The public calendar's filters (events/forms_calendar.py): date, audience, kind."""

from tests.events._calendar import _audiences, _in_days, _titles
from tests.factories import make_event


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


def test_a_date_beyond_any_calendar_gets_a_dutch_message_not_an_error(
    client, city_calendar, wop_calendar
):
    make_event(index=wop_calendar, title="Koffie")

    for calendar in (city_calendar, wop_calendar):
        for query in ({"end": "9999-12-31"}, {"start": "01-01-0001"}):
            response = client.get(calendar.url, query)

            assert response.status_code == 200
            assert (
                "Deze datum ligt te ver weg. Kies een datum tussen 1-1-2000 en "
                "31-12-2099." in response.content.decode()
            )
            assert _titles(response) == ["Koffie"]
