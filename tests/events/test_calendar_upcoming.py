"""The "Binnenkort" lists of coming activities on the WOP and home pages."""

from datetime import time

from tests.events._calendar import _daily_event, _in_days, _titles
from tests.factories import make_event


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
