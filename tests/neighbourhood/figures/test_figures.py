"""Figures for the municipality: the numbers per WOP and month against seeded
records, unchanged by withdrawal and erasure; the Cijfers page (table, SVG
charts, CSV) and who may see which WOPs."""

import csv
import io
import re
from datetime import date, datetime, time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import RSVPStatus
from neighbourhood.figures.admin import figures_viewset
from neighbourhood.figures.registry import figures_report
from neighbourhood.models import BuddyMatch
from neighbourhood.scoping.access import wop_group
from neighbourhood.submissions import registry
from neighbourhood.submissions.services import submission_anonymise
from tests.factories import (
    make_action_request,
    make_buddy_signup,
    make_claim,
    make_event,
    make_event_index,
    make_rsvp,
    make_wop,
    make_wop_coordinator,
)

pytestmark = pytest.mark.django_db

FIGURES = figures_viewset.get_url_name("index")
MARCH, APRIL = date(2025, 3, 1), date(2025, 4, 1)


def _at(day: date, hour=10, minute=0) -> datetime:
    """An aware moment in Capelle's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


# What the seeded records must give: (March, April) per WOP and measure. Any
# measure not listed is (0, 0).
EXPECTED = {
    "Schollevaar": {
        "buddy_signups": (3, 1),
        "buddy_matches": (1, 0),
        "actions_requested_card": (2, 1),
        "actions_requested_treat": (1, 0),
        "actions_requested_wave_tile": (0, 1),
        "actions_done_card": (0, 1),
        "actions_done_treat": (1, 0),
        "actions_done_wave_tile": (0, 1),
        "event_rsvps": (3, 3),
        "event_attended": (2, 3),
        "event_walk_ins": (3, 0),
        "event_attendance": (5, 3),
        "welcome_packs_claimed": (2, 1),
        "welcome_packs_delivered": (1, 1),
    },
    "Oostgaarde": {
        "buddy_signups": (1, 0),
        "actions_requested_card": (0, 1),
        "event_rsvps": (0, 1),
        "event_attended": (0, 1),
        "event_attendance": (0, 1),
    },
}


@pytest.fixture
def seeded(home, wop, other_wop, buddy_project, other_buddy_project):
    """March and April 2025 in Schollevaar and Oostgaarde, and a few records
    just outside 2025. Returns the records the tests withdraw or erase."""
    # Buddy projects. The third sign-up is late on 31 March, local time (in
    # UTC it is still March too); the fourth just after midnight on 1 April
    # (in UTC still 31 March).
    seeker = make_buddy_signup(project=buddy_project, created_at=_at(MARCH, 10))
    buddy = make_buddy_signup(
        project=buddy_project, role="buddy", created_at=_at(date(2025, 3, 10))
    )
    make_buddy_signup(project=buddy_project, created_at=_at(date(2025, 3, 31), 23, 30))
    make_buddy_signup(project=buddy_project, created_at=_at(APRIL, 0, 30))
    make_buddy_signup(project=buddy_project, created_at=_at(date(2024, 12, 31), 12))
    make_buddy_signup(project=buddy_project, created_at=_at(date(2026, 1, 1), 0, 10))
    make_buddy_signup(project=other_buddy_project, created_at=_at(date(2025, 3, 15)))
    BuddyMatch.objects.create(
        wop=wop,
        seeker=seeker,
        buddy=buddy,
        started_on=date(2025, 3, 25),
        follow_up_on=date(2025, 5, 6),
    )

    # Neighbour actions: requested by creation, done by the day handled.
    card = make_action_request(
        wop=wop,
        created_at=_at(date(2025, 3, 4)),
        status="done",
        handled_on=date(2025, 4, 2),
    )
    make_action_request(wop=wop, created_at=_at(date(2025, 3, 18)))
    make_action_request(
        wop=wop,
        created_at=_at(date(2025, 4, 9)),
        status="declined",
        decline_reason="Adres bestaat niet.",
    )
    treat = make_action_request(
        wop=wop,
        kind="treat",
        treat="Appeltaart",
        treat_for="neighbour",
        created_at=_at(date(2025, 3, 7)),
        status="done",
        handled_on=date(2025, 3, 28),
    )
    make_action_request(
        wop=wop,
        kind="wave_tile",
        address_key="2906AB|12",
        created_at=_at(date(2025, 4, 3)),
        status="done",
        handled_on=date(2025, 4, 15),
    )
    make_action_request(wop=other_wop, created_at=_at(date(2025, 4, 20)))

    # Activities: people by the date of the activity.
    calendar = make_event_index(parent=wop)
    march = make_event(
        index=calendar, title="Koffieochtend", start_date=date(2025, 3, 14)
    ).occurrences.get()
    april = make_event(
        index=calendar, title="Samen eten", start_date=date(2025, 4, 11)
    ).occurrences.get()
    came = make_rsvp(occurrence=march, people=2, attended=True)
    make_rsvp(occurrence=march, attended=False, name="Nick Bakker")
    make_rsvp(occurrence=march, status=RSVPStatus.WAITING, name="Wachtend")
    make_rsvp(occurrence=march, status=RSVPStatus.CANCELLED, name="Afgemeld")
    march.walk_ins = 3
    march.save()
    group = make_rsvp(occurrence=april, people=3, attended=True, name="Familie Ali")
    city_wide = make_event(
        index=make_event_index(parent=home, title="Agenda", slug="agenda"),
        title="Buurtfeest",
        start_date=date(2025, 4, 26),
    ).occurrences.get()
    from_oostgaarde = make_rsvp(
        occurrence=city_wide, wop=other_wop, attended=True, postcode="2903AB"
    )

    # Welcome packs: claimed by creation, delivered by the delivery date.
    delivered = make_claim(
        wop=wop,
        created_at=_at(date(2025, 3, 5)),
        status="delivered",
        delivered_on=date(2025, 3, 30),
    )
    make_claim(
        wop=wop,
        created_at=_at(date(2025, 3, 12)),
        status="delivered",
        delivered_on=date(2025, 4, 5),
    )
    make_claim(wop=wop, created_at=_at(date(2025, 4, 8)))

    return {
        "seeker": seeker,
        "buddy": buddy,
        "card": card,
        "treat": treat,
        "came": came,
        "group": group,
        "from_oostgaarde": from_oostgaarde,
        "delivered": delivered,
    }


def _numbers(report) -> dict:
    """{wop title: {measure key: (values per month)}} for every section."""
    return {
        section.title: {
            row.measure.key: tuple(row.values)
            for group in section.groups
            for row in group.rows
        }
        for section in report.sections
    }


def _expected(title: str, keys) -> dict:
    """``EXPECTED`` for one WOP as twelve months of 2025."""
    return {key: (0, 0, *EXPECTED[title].get(key, (0, 0)), *(0,) * 8) for key in keys}


def _report_2025(wops):
    return figures_report(
        wops=wops, start_month=date(2025, 1, 1), end_month=date(2025, 12, 1)
    )


def test_report_counts_each_measure_per_wop_and_month(seeded, wop, other_wop):
    numbers = _numbers(_report_2025([wop, other_wop]))

    keys = numbers["Schollevaar"].keys()
    assert numbers["Schollevaar"] == _expected("Schollevaar", keys)
    assert numbers["Oostgaarde"] == _expected("Oostgaarde", keys)
    assert numbers["Alle wijken samen"]["buddy_signups"][2:4] == (4, 1)
    assert numbers["Alle wijken samen"]["event_attendance"][2:4] == (5, 4)
    assert set(keys) >= set(EXPECTED["Schollevaar"])


def test_report_gives_totals_and_groups_in_order(seeded, wop):
    report = _report_2025([wop])

    (section,) = report.sections
    assert [group.heading for group in section.groups] == [
        "Maatjesprojecten",
        "Buurtacties aangevraagd",
        "Buurtacties bezorgd of geplaatst",
        "Activiteiten",
        "Welkomstpakketten",
    ]
    totals = {row.measure.key: row.total for g in section.groups for row in g.rows}
    assert totals["buddy_signups"] == 4
    assert totals["event_attendance"] == 8
    assert [str(row.measure.label) for row in section.groups[1].rows] == [
        "Kaartje",
        "Traktatie",
        "Zwaaitegel",
    ]


def test_withdrawal_and_erasure_change_no_figure(seeded, wop, other_wop):
    before = _numbers(_report_2025([wop, other_wop]))

    submission_anonymise(submission=seeded["seeker"])
    for name in ("buddy", "card", "treat", "came", "delivered", "from_oostgaarde"):
        registry.withdraw(seeded[name])
    submission_anonymise(submission=seeded["group"])

    seeded["card"].refresh_from_db()
    seeded["came"].refresh_from_db()
    assert seeded["card"].status == "withdrawn" and seeded["card"].name == ""
    assert seeded["came"].anonymised_at is not None
    assert _numbers(_report_2025([wop, other_wop])) == before


def test_a_range_of_months_counts_only_those_months(seeded, wop):
    report = figures_report(wops=[wop], start_month=APRIL, end_month=date(2025, 5, 1))

    assert report.months == [APRIL, date(2025, 5, 1)]
    assert _numbers(report)["Schollevaar"]["buddy_signups"] == (1, 0)
    assert _numbers(report)["Schollevaar"]["welcome_packs_delivered"] == (1, 0)


def test_report_costs_the_same_queries_however_many_records(
    seeded, wop, other_wop, buddy_project
):
    with CaptureQueriesContext(connection) as few:
        _report_2025([wop, other_wop])
    for day in range(1, 29):
        make_buddy_signup(project=buddy_project, created_at=_at(date(2025, 6, day)))
        make_claim(wop=other_wop, created_at=_at(date(2025, 7, day)))

    with CaptureQueriesContext(connection) as many:
        report = _report_2025([wop, other_wop])

    assert len(many) == len(few)
    assert _numbers(report)["Schollevaar"]["buddy_signups"][5] == 28


def test_report_query_count_is_bounded(
    seeded, wop, other_wop, django_assert_max_num_queries
):
    # One query per measure (attendance in total takes two), none per month.
    with django_assert_max_num_queries(16):
        _report_2025([wop, other_wop])


# The Cijfers page ----------------------------------------------------------


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


def test_retention_changes_no_figure(seeded, wop, other_wop, settings):
    """Every record of the seed has ended by now (nothing changed for a long
    time): retention at 0 days erases them all, the figures stay."""
    before = _numbers(_report_2025([wop, other_wop]))
    for model in registry.registered_models():
        model.objects.update(updated_at=_at(date(2025, 5, 1)))
    settings.PERSONAL_DATA_RETENTION_DAYS = 0
    # No notice to wait for: erased in the same run as the warning.
    settings.PERSONAL_DATA_RETENTION_NOTICE_DAYS = 0

    call_command("enforce_retention", stdout=io.StringIO())

    for model in registry.registered_models():
        future = model.objects.filter(created_at__year=2026)
        assert (
            not model.objects.exclude(pk__in=future)
            .filter(anonymised_at__isnull=True)
            .exists()
        ), model
    assert _numbers(_report_2025([wop, other_wop])) == before
