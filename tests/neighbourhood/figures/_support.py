"""What the figures tests share: the seeded months, the numbers they must give
(``EXPECTED``) and the report of 2025 as plain numbers."""

from datetime import date, datetime, time

from django.utils import timezone

from neighbourhood.figures.admin import figures_viewset
from neighbourhood.figures.registry import figures_report

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
        # Started on 25 March and still running.
        "buddy_matches_running": (1, 1),
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


# Levels at each month's end: after April they stay at April's.
LEVELS = {"buddy_matches_running"}


def _expected(title: str, keys) -> dict:
    """``EXPECTED`` for one WOP as twelve months of 2025."""

    def months(key):
        march, april = EXPECTED[title].get(key, (0, 0))
        later = april if key in LEVELS else 0
        return (0, 0, march, april, *(later,) * 8)

    return {key: months(key) for key in keys}


def _report_2025(wops):
    return figures_report(
        wops=wops, start_month=date(2025, 1, 1), end_month=date(2025, 12, 1)
    )
