"""The Cijfers page: table and SVG charts, the CSV download, the filters, and
who may see which WOPs."""

import csv
import io
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from neighbourhood.scoping.access import wop_group
from tests.factories import make_buddy_signup, make_wop, make_wop_coordinator
from tests.neighbourhood.figures._support import APRIL, FIGURES, MARCH, _at

pytestmark = pytest.mark.django_db


def _svgs(content: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", content, flags=re.S)


def test_coordinator_sees_table_and_charts_without_script(
    client, coordinator, seeded, wop, other_wop
):
    client.force_login(coordinator)

    response = client.get(reverse(FIGURES), {"year": "2025"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "<caption" in content
    assert "Schollevaar: januari 2025 tot en met december 2025" in content
    assert '<th scope="row"' in content
    charts = [svg for svg in _svgs(content) if 'role="img"' in svg]
    assert len(charts) == 5  # one per group
    for svg in charts:
        assert "<title" in svg and "<desc" in svg
        assert "<script" not in svg.lower()
        assert "href" not in svg and "src=" not in svg
    assert "Kaartje, maart 2025: 2" in charts[1]
    assert response.context["report"].wops == [other_wop, wop]


def test_csv_download_holds_the_same_numbers(client, coordinator, seeded):
    make_wop(title="=Noord", slug="noord", areas=["2908"])
    client.force_login(coordinator)

    response = client.get(reverse(FIGURES), {"year": "2025", "format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="cijfers-alle-wijken-2025-01-2025-12.csv"'
    )
    assert response.content.startswith("\ufeff".encode())
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0] == [
        "Wijk",
        "Onderdeel",
        "Wat",
        *(f"2025-{month:02}" for month in range(1, 13)),
        "Totaal",
    ]
    by_row = {tuple(row[:3]): row[3:] for row in rows[1:]}
    assert by_row[("Schollevaar", "Buurtacties aangevraagd", "Kaartje")] == [
        "0", "0", "2", "1", *["0"] * 8, "3",
    ]  # fmt: skip
    assert by_row[("Oostgaarde", "Activiteiten", "Aanwezig in totaal")][3] == "1"
    assert by_row[("Alle wijken samen", "Welkomstpakketten", "Bezorgd")][-1] == "2"
    # A WOP whose name a spreadsheet would run as a formula stays text.
    assert ("'=Noord", "Maatjesprojecten", "Aanmeldingen") in by_row


def test_volunteer_gets_403(client, volunteer, seeded):
    client.force_login(volunteer)

    response = client.get(reverse(FIGURES))
    assert response.status_code == 403
    assert "alleen voor coördinatoren" in response.content.decode()
    assert client.get(reverse(FIGURES), {"format": "csv"}).status_code == 403


def test_menu_shows_cijfers_to_coordinators_only(client, coordinator, volunteer):
    client.force_login(coordinator)
    assert reverse(FIGURES) in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(volunteer)
    assert (
        reverse(FIGURES)
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_wop_coordinator_sees_only_their_wop(client, seeded, wop, other_wop):
    coordinator = make_wop_coordinator(wop, email="coordinator-a@example.org")
    # A volunteer elsewhere too: that gives no figures of that WOP.
    coordinator.groups.add(wop_group(other_wop))
    client.force_login(coordinator)

    response = client.get(reverse(FIGURES), {"year": "2025"})
    assert response.context["report"].wops == [wop]
    assert "Oostgaarde" not in response.content.decode()

    asked = client.get(reverse(FIGURES), {"year": "2025", "wop": other_wop.pk})
    assert "Kies een van uw eigen wijken." in asked.content.decode()
    assert asked.context["report"].wops == [wop]

    csv_text = client.get(
        reverse(FIGURES), {"year": "2025", "format": "csv"}
    ).content.decode("utf-8-sig")
    assert "Schollevaar" in csv_text
    assert "Oostgaarde" not in csv_text


def test_coordinator_chooses_one_wop(client, coordinator, seeded, wop, other_wop):
    client.force_login(coordinator)

    response = client.get(reverse(FIGURES), {"year": "2025", "wop": other_wop.pk})

    assert response.context["report"].wops == [other_wop]
    assert "Schollevaar:" not in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"year": "vorig jaar"}, "Vul een jaartal in, bijvoorbeeld 2025."),
        (
            {"from_month": "maart"},
            "Vul een maand in als jjjj-mm, bijvoorbeeld 2025-03.",
        ),
        ({"from_month": "2025-03"}, "Vul bij een periode beide maanden in"),
        (
            {"from_month": "2025-05", "to_month": "2025-03"},
            "De laatste maand moet na de eerste maand komen.",
        ),
        (
            {"from_month": "2020-01", "to_month": "2025-01"},
            "Kies een periode van hoogstens 36 maanden.",
        ),
    ],
)
def test_bad_filter_input_gets_a_dutch_message_and_this_years_figures(
    client, coordinator, wop, params, message
):
    client.force_login(coordinator)

    response = client.get(reverse(FIGURES), params)

    assert response.status_code == 200
    assert message in response.content.decode()
    this_year = timezone.localdate().year
    assert response.context["report"].months[0] == date(this_year, 1, 1)
    assert len(response.context["report"].months) == 12


def test_month_range_filter(client, coordinator, seeded):
    client.force_login(coordinator)

    response = client.get(
        reverse(FIGURES), {"from_month": "2025-03", "to_month": "2025-04"}
    )

    assert response.context["report"].months == [MARCH, APRIL]
    assert "maart 2025 tot en met april 2025" in response.content.decode()


def test_page_queries_do_not_grow_with_the_number_of_records(
    client, coordinator, seeded, buddy_project
):
    client.force_login(coordinator)
    client.get(reverse(FIGURES), {"year": "2025"})  # warm caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(FIGURES), {"year": "2025"})
    for day in range(1, 29):
        make_buddy_signup(project=buddy_project, created_at=_at(date(2025, 8, day)))

    with CaptureQueriesContext(connection) as many:
        client.get(reverse(FIGURES), {"year": "2025"})

    assert len(many) == len(few)


def test_csv_button_shows_its_icon_as_wagtails_export_buttons_do(
    client, coordinator, wop
):
    """An icon outside Wagtail's button kinds gets no size: an empty box of
    300 × 150 pixels instead of the download arrow."""
    client.force_login(coordinator)

    content = client.get(reverse(FIGURES)).content.decode()

    button = re.search(r"<a [^>]*format=csv[^>]*>.*?</a>", content, flags=re.S)
    assert button is not None
    classes = re.search(r'class="([^"]*)"', button.group(0)).group(1).split()
    assert {"button", "bicolor", "button--icon"} <= set(classes)
    assert re.search(
        r'<span class="icon-wrapper">\s*<svg class="icon icon-download',
        button.group(0),
    )
    assert "Download als CSV (voor Excel)" in button.group(0)
