"""Figures for the municipality: the numbers per WOP and month against seeded
records, unchanged by withdrawal, erasure and retention, in a bounded number of
queries."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from neighbourhood.figures.registry import figures_report
from neighbourhood.submissions import registry
from neighbourhood.submissions.services import submission_anonymise
from tests.factories import make_buddy_signup, make_claim
from tests.neighbourhood.figures._support import (
    APRIL,
    EXPECTED,
    _at,
    _expected,
    _numbers,
    _report_2025,
)

pytestmark = pytest.mark.django_db


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
    with django_assert_max_num_queries(18):
        _report_2025([wop, other_wop])


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
