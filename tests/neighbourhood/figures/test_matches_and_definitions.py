"""Figures for the council: matches running at each month's end and those
that stopped, and what every number means, beside the tables."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import escape

from neighbourhood.figures.registry import figures_report, measures
from neighbourhood.models import BuddyMatch
from tests.factories import make_buddy_signup
from tests.neighbourhood.figures._support import FIGURES

pytestmark = pytest.mark.django_db


def _match(project, *, started_on, ended_on=None):
    return BuddyMatch.objects.create(
        wop=project.get_parent().specific,
        seeker=make_buddy_signup(project=project),
        buddy=make_buddy_signup(project=project, role="buddy"),
        started_on=started_on,
        follow_up_on=started_on,
        ended_on=ended_on,
    )


def _rows(report, wop_title):
    (section,) = [s for s in report.sections if s.title == wop_title]
    return {row.measure.key: row for group in section.groups for row in group.rows}


def test_running_matches_are_counted_at_each_months_end(wop, buddy_project):
    _match(buddy_project, started_on=date(2025, 1, 10), ended_on=date(2025, 3, 5))
    _match(buddy_project, started_on=date(2025, 2, 1))
    # Started and stopped within April: never running at a month's end.
    _match(buddy_project, started_on=date(2025, 4, 2), ended_on=date(2025, 4, 20))

    report = figures_report(
        wops=[wop], start_month=date(2025, 1, 1), end_month=date(2025, 4, 1)
    )
    rows = _rows(report, "Schollevaar")

    assert rows["buddy_matches_running"].values == [1, 2, 1, 1]
    assert rows["buddy_matches_ended"].values == [0, 0, 1, 1]
    assert rows["buddy_matches"].values == [1, 1, 0, 1]
    # A level's total is where it stands at the end, not a sum of months.
    assert rows["buddy_matches_running"].total == 1
    assert rows["buddy_matches_ended"].total == 2


def test_a_match_ended_on_the_last_day_is_not_running_at_months_end(wop, buddy_project):
    _match(buddy_project, started_on=date(2025, 1, 10), ended_on=date(2025, 1, 31))

    report = figures_report(
        wops=[wop], start_month=date(2025, 1, 1), end_month=date(2025, 2, 1)
    )

    rows = _rows(report, "Schollevaar")
    assert rows["buddy_matches_running"].values == [0, 0]
    assert rows["buddy_matches_ended"].values == [1, 0]


def test_every_measure_says_what_it_counts_beside_the_tables(client, coordinator, wop):
    client.force_login(coordinator)

    content = client.get(reverse(FIGURES), {"year": "2025"}).content.decode()

    assert "Wat de cijfers betekenen" in content
    tables_end = content.index('id="betekenis"')
    for measure in measures():
        assert str(measure.definition).strip()
        assert escape(str(measure.definition)) in content[tables_end:]
