"""Printable posters (events/posters.py): one activity, and a month."""

import base64
import io
import re
from datetime import date, datetime, time

import pytest
import zxingcpp
from django.utils import timezone
from PIL import Image

from events.models import EventException
from neighbourhood.models import Partner
from tests.factories import make_event, make_event_index


@pytest.fixture
def wop_calendar(wop):
    return make_event_index(parent=wop)


@pytest.fixture
def march_2031(monkeypatch):
    """Today is Monday 10 March 2031, at noon."""
    noon = timezone.make_aware(datetime(2031, 3, 10, 12))
    monkeypatch.setattr(timezone, "now", lambda: noon)
    return noon


def _qr_text(html: str) -> str:
    """What the poster's inline QR code says, read by a barcode scanner."""
    (data,) = re.findall(
        r'<img class="poster__qr" src="data:image/png;base64,([^"]+)"', html
    )
    image = Image.open(io.BytesIO(base64.b64decode(data)))
    (barcode,) = zxingcpp.read_barcodes(image)
    return barcode.text


def test_event_poster_qr_code_leads_to_the_event_page(client, wop_calendar):
    event = make_event(index=wop_calendar, title="Koffieochtend")

    response = client.get(f"{event.url}poster/")

    html = response.content.decode()
    url = event.get_full_url()
    assert url.startswith("http")
    assert _qr_text(html) == url
    assert f'alt="QR-code naar {url}"' in html
    assert f'<p class="poster__url">{url}</p>' in html


def test_event_poster_says_what_when_where_and_how_to_join(client, wop, wop_calendar):
    wop.contact_phone = "010-222 33 44"
    wop.save_revision().publish()
    event = make_event(
        index=wop_calendar,
        title="Breiclub",
        repeat="weekly",
        weekdays=[1, 3],
        start_date=date(2031, 3, 3),
        repeat_until=date(2031, 6, 30),
        start_time=time(14),
        end_time=time(16),
        cost="1.50",
        wheelchair_access=True,
        hearing_loop=True,
        signup_required=True,
    )

    html = client.get(f"{event.url}poster/").content.decode()

    assert '<h1 class="poster__title">Breiclub</h1>' in html
    assert "Iedereen welkom" in html
    assert "Elke dinsdag en donderdag" in html
    assert "14.00 – 16.00 uur" in html
    assert "Huis van de Wijk De Pijler" in html
    assert "Kosten: € 1,50" in html
    assert "Toegankelijk met rolstoel" in html
    assert "Ringleiding" in html
    assert "Aangepast toilet" not in html
    assert "Aanmelden is nodig" in html
    assert "Bel 010-222 33 44" in html
    assert "<script" not in html


def test_event_poster_prefers_the_organisers_phone_and_names_skipped_dates(
    client, wop_calendar
):
    organiser = Partner.objects.create(name="Welzijn Capelle", phone="010-999 88 77")
    today = timezone.localdate()
    event = make_event(
        index=wop_calendar,
        title="Wandelen",
        repeat="monthly",
        monthly_week=1,
        monthly_weekday=0,
        start_date=today,
        repeat_until=date(today.year + 1, today.month, 28),
        organiser=organiser,
    )
    skipped = event.occurrences.order_by("date")[1].date
    event.exceptions.add(EventException(date=skipped))
    event.save_revision().publish()

    html = " ".join(client.get(f"{event.url}poster/").content.decode().split())

    assert "Bel 010-999 88 77" in html
    assert "Dit organiseert Welzijn Capelle" in html
    assert f"Gaat niet door op: {skipped.day} " in html
    assert "U hoeft zich niet aan te melden" in html


def test_posters_may_be_cached_publicly(client, wop_calendar):
    event = make_event(index=wop_calendar)

    for url in (f"{event.url}poster/", f"{wop_calendar.url}deze-maand/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "public" in response["Cache-Control"]
        assert "Cookie" not in response.get("Vary", "")


def test_month_poster_lists_this_months_coming_dates_only(
    client, wop_calendar, march_2031
):
    make_event(index=wop_calendar, title="Eerder in maart", start_date=date(2031, 3, 3))
    make_event(
        index=wop_calendar, title="Lente-wandeling", start_date=date(2031, 3, 20)
    )
    make_event(index=wop_calendar, title="Paasbrunch", start_date=date(2031, 4, 3))

    html = client.get(f"{wop_calendar.url}deze-maand/").content.decode()

    assert "Deze maand in Schollevaar" in html
    assert "Maart 2031" in html
    assert "Lente-wandeling" in html
    assert "Donderdag 20 maart" in html
    assert "Paasbrunch" not in html
    assert "Eerder in maart" not in html


def test_month_poster_for_a_chosen_month(client, wop_calendar, march_2031):
    make_event(
        index=wop_calendar, title="Lente-wandeling", start_date=date(2031, 3, 20)
    )
    make_event(index=wop_calendar, title="Paasbrunch", start_date=date(2031, 4, 3))

    html = client.get(
        f"{wop_calendar.url}deze-maand/", {"maand": "2031-04"}
    ).content.decode()

    assert "April 2031 in Schollevaar" in html
    assert "Paasbrunch" in html
    assert "Lente-wandeling" not in html
    assert 'href="?maand=2031-05"' in html


@pytest.mark.parametrize(
    "value", ["2031-13", "april", "2031-04-01", "99999-01", "1900-01", "2031-00"]
)
def test_month_poster_with_a_malformed_month_shows_this_month(
    client, wop_calendar, march_2031, value
):
    make_event(
        index=wop_calendar, title="Lente-wandeling", start_date=date(2031, 3, 20)
    )

    response = client.get(f"{wop_calendar.url}deze-maand/", {"maand": value})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze maand in Schollevaar" in html
    assert "Lente-wandeling" in html
    assert "Die maand konden we niet vinden" in html


def test_month_poster_qr_code_leads_to_the_calendar(client, wop_calendar):
    html = client.get(f"{wop_calendar.url}deze-maand/").content.decode()

    assert _qr_text(html) == wop_calendar.get_full_url()
    assert "Er staan deze maand (nog) geen activiteiten in de agenda." in html


def test_city_month_poster_has_every_wop(
    client, home, wop_calendar, other_wop, march_2031
):
    other = make_event_index(parent=other_wop)
    city = make_event_index(parent=home, title="Agenda")
    make_event(index=wop_calendar, title="Schaken", start_date=date(2031, 3, 20))
    make_event(index=other, title="Wandelen", start_date=date(2031, 3, 21))

    html = client.get(f"{city.url}deze-maand/").content.decode()

    assert f"Deze maand bij {home.title}" in html
    assert "Schaken" in html and "Wandelen" in html
    assert "Oostgaarde" in html


def test_month_poster_lists_a_weekly_activity_once_with_its_rule(
    client, wop_calendar, march_2031
):
    make_event(
        index=wop_calendar,
        title="Jongerenavond",
        repeat="weekly",
        weekdays=[1],
        start_date=date(2031, 3, 1),
        repeat_until=date(2031, 6, 30),
        start_time=time(19),
        end_time=time(21, 30),
    )
    make_event(
        index=wop_calendar, title="Lente-wandeling", start_date=date(2031, 3, 20)
    )

    html = client.get(f"{wop_calendar.url}deze-maand/").content.decode()

    assert html.count("Jongerenavond") == 1
    assert "Elke dinsdag<br>19.00 – 21.30 uur" in html
    assert "Donderdag 20 maart" in html
    assert "Verbuurzamen" in html


def test_month_poster_keeps_to_what_fits_on_one_sheet(client, wop_calendar, march_2031):
    for day in range(11, 23):
        make_event(
            index=wop_calendar, title=f"Uitje {day}", start_date=date(2031, 3, day)
        )

    html = client.get(f"{wop_calendar.url}deze-maand/").content.decode()

    assert "Uitje 19" in html
    assert "Uitje 20" not in html
    assert "En nog 3 activiteiten: kijk in de agenda." in html
