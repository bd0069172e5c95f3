"""The figures coordinators report to the municipality, per WOP and month.

A registry of measures, like ``neighbourhood.submissions.registry`` is one of
submission kinds: each room or app with measures registers them in its
``AppConfig.ready()`` (``neighbourhood.buddies.figures``, ``events.figures``)::

    from neighbourhood.figures import registry
    registry.register(
        key="rsvps", label=_("Aangemeld"), group=_("Activiteiten"), order=300,
        definition=_("Mensen die zich aanmeldden voor een activiteit."),
        count=lambda **range_: registry.monthly_counts(
            EventRSVP.objects.confirmed(), date_field="occurrence__date",
            value=Sum("people"), **range_,
        ),
    )

Each measure says in plain words what it counts (``definition``, shown
beside the tables for the council). Most count things that happened in a
month, and their total is the sum of the months; a few are a level on a day
(``level=True``: matches running at the end of each month), whose total is
the level at the end of the period.

A measure's ``count(wop_ids=, start_month=, end_month=)`` returns
``{(wop_id, month): number}`` from one aggregate query (``monthly_counts``),
so a report costs one query per measure, whatever the number of months,
WOPs or records.

What is counted, and why erasure never changes a figure: every number comes
from what stays when a resident withdraws or is erased (WOP, kind, status,
dates, numbers of people); submissions are anonymised, never deleted. Every
measure counts something that happened on a date: a sign-up that is later
withdrawn still happened, so it counts under sign-ups; a card delivered
stays delivered when its sender withdraws afterwards (the delivery date is
what is counted, not the status, which withdrawal changes). Only an RSVP
cancelled before its date stops counting: that person was no longer coming
(after the date, withdrawing keeps the RSVP's status; see ``rsvp_cancel``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db import models
from django.db.models import Count, Q
from django.db.models.constants import LOOKUP_SEP
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import NeighbourhoodPage

Counts = dict[tuple[int, date], int]


@dataclass(frozen=True)
class Measure:
    key: str
    # What is counted, in a few Dutch words: "Aanmeldingen".
    label: str
    # The heading it is shown under, and charted with: "Maatjesprojecten".
    group: str
    # count(wop_ids=..., start_month=..., end_month=...) -> Counts
    count: Callable[..., Counts]
    # Where it comes in the report, lowest first.
    order: int
    # What exactly is counted, in a sentence or two for the council.
    definition: str = ""
    # A level on the last day of each month (matches running), not things
    # that happened in it: the total is the last month's, not the sum.
    level: bool = False


_measures: dict[str, Measure] = {}


def register(
    *, key: str, label, group, count, order: int, definition, level: bool = False
) -> Measure:
    """Add a measure to the report; registering a key again replaces it."""
    measure = Measure(
        key=key,
        label=label,
        group=group,
        count=count,
        order=order,
        definition=definition,
        level=level,
    )
    _measures[key] = measure
    return measure


def measures() -> list[Measure]:
    return sorted(_measures.values(), key=lambda measure: (measure.order, measure.key))


# Counting ----------------------------------------------------------------------


def month_add(month: date, months: int) -> date:
    """The first of the month ``months`` after (or before) ``month``."""
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(start_month: date, end_month: date) -> list[date]:
    """The first days of the months from ``start_month`` to ``end_month``."""
    months = []
    month = start_month.replace(day=1)
    while month <= end_month:
        months.append(month)
        month = month_add(month, 1)
    return months


def _is_datetime(model, path: str) -> bool:
    """Whether the field at ``path`` (``occurrence__date``) holds a datetime."""
    *relations, name = path.split(LOOKUP_SEP)
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return isinstance(model._meta.get_field(name), models.DateTimeField)


def monthly_counts(
    queryset,
    *,
    date_field: str,
    wop_ids,
    start_month: date,
    end_month: date,
    wop_field: str = "wop",
    value=None,
) -> Counts:
    """``value`` (default: the number of rows) of ``queryset`` per WOP and
    month of ``date_field``, from ``start_month`` to ``end_month``
    (inclusive): one aggregate query. Rows without a date are left out."""
    after = month_add(end_month, 1)
    if _is_datetime(queryset.model, date_field):
        tz = timezone.get_current_timezone()
        start, after = (
            timezone.make_aware(datetime.combine(day, time.min), tz)
            for day in (start_month, after)
        )
    else:
        start = start_month
    rows = (
        queryset.filter(
            **{
                f"{wop_field}__in": list(wop_ids),
                f"{date_field}__gte": start,
                f"{date_field}__lt": after,
            }
        )
        .order_by()
        .annotate(figure_month=TruncMonth(date_field))
        .values(wop_field, "figure_month")
        .annotate(figure=Coalesce(value or Count("pk"), 0))
    )
    counts: Counts = {}
    for row in rows:
        month = row["figure_month"]
        if isinstance(month, datetime):
            month = timezone.localtime(month) if timezone.is_aware(month) else month
            month = month.date()
        key = (row[wop_field], month.replace(day=1))
        counts[key] = counts.get(key, 0) + (row["figure"] or 0)
    return counts


def monthly_levels(
    queryset,
    *,
    start_field: str,
    end_field: str,
    wop_ids,
    start_month: date,
    end_month: date,
    wop_field: str = "wop",
) -> Counts:
    """How many rows of ``queryset`` were running at the end of each month
    from ``start_month`` to ``end_month``, per WOP: started before the next
    month and not ended before it (``end_field`` empty or in a later month).
    For the current month that is today's level. One aggregate query;
    ``start_field`` and ``end_field`` are dates."""
    months = months_between(start_month, end_month)
    levels = {
        f"level_{index}": Count(
            "pk",
            filter=Q(**{f"{start_field}__lt": month_add(month, 1)})
            & (
                Q(**{f"{end_field}__isnull": True})
                | Q(**{f"{end_field}__gte": month_add(month, 1)})
            ),
        )
        for index, month in enumerate(months)
    }
    rows = (
        queryset.filter(**{f"{wop_field}__in": list(wop_ids)})
        .order_by()
        .values(wop_field)
        .annotate(**levels)
    )
    return {
        (row[wop_field], month): row[f"level_{index}"]
        for row in rows
        for index, month in enumerate(months)
        if row[f"level_{index}"]
    }


# The report --------------------------------------------------------------------


@dataclass
class ReportRow:
    measure: Measure
    values: list[int]

    @property
    def total(self) -> int:
        """The sum of the months; for a level, the level at the end."""
        if self.measure.level:
            return self.values[-1] if self.values else 0
        return sum(self.values)


@dataclass
class ReportGroup:
    heading: str
    rows: list[ReportRow] = field(default_factory=list)


@dataclass
class ReportSection:
    """The figures of one WOP, or (``wop`` None) of all the report's WOPs."""

    wop: NeighbourhoodPage | None
    groups: list[ReportGroup]

    @property
    def title(self) -> str:
        return self.wop.title if self.wop is not None else str(_("Alle wijken samen"))


@dataclass
class Report:
    months: list[date]
    wops: list[NeighbourhoodPage]
    # One per WOP, then all WOPs together when there is more than one.
    sections: list[ReportSection]

    @property
    def overall(self) -> ReportSection:
        """The section summing every WOP in the report."""
        return self.sections[-1]


def _groups(counts_of: Callable[[Measure], list[int]]) -> list[ReportGroup]:
    groups: dict[str, ReportGroup] = {}
    for measure in measures():
        heading = str(measure.group)
        group = groups.setdefault(heading, ReportGroup(heading=heading))
        group.rows.append(ReportRow(measure=measure, values=counts_of(measure)))
    return list(groups.values())


def figures_report(*, wops, start_month: date, end_month: date) -> Report:
    """The figures of ``wops`` (already limited to what the user may see) per
    measure and month from ``start_month`` to ``end_month`` (inclusive),
    with totals: a section per WOP, and one for all of them together when
    there are several. One query per measure."""
    wops = sorted(wops, key=lambda wop: (wop.title.lower(), wop.pk))
    months = months_between(start_month, end_month)
    wop_ids = [wop.pk for wop in wops]
    counts = {
        measure.key: (
            measure.count(wop_ids=wop_ids, start_month=months[0], end_month=months[-1])
            if wop_ids and months
            else {}
        )
        for measure in measures()
    }
    sections = [
        ReportSection(
            wop=wop,
            groups=_groups(
                lambda measure, wop=wop: [
                    counts[measure.key].get((wop.pk, month), 0) for month in months
                ]
            ),
        )
        for wop in wops
    ]
    if len(wops) != 1:
        sections.append(
            ReportSection(
                wop=None,
                groups=_groups(
                    lambda measure: [
                        sum(counts[measure.key].get((pk, month), 0) for pk in wop_ids)
                        for month in months
                    ]
                ),
            )
        )
    return Report(months=months, wops=wops, sections=sections)
