"""Reads for activities: listings of upcoming dates."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from events.models import EventOccurrence
from neighbourhood.models import NeighbourhoodPage


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def occurrences_upcoming(
    *,
    wop: NeighbourhoodPage | None = None,
    start: date | None = None,
    end: date | None = None,
    audiences=(),
    kinds=(),
    wops=None,
):
    """Upcoming dates of published activities, soonest first, filtered.

    ``wop`` limits to one WOP's activities (None: all, the city-wide view);
    ``start``/``end`` are inclusive dates; ``audiences`` are Audience slugs,
    ``kinds`` EventKind values, ``wops`` WOP pages or ids (an empty
    one means none). Each row carries
    ``confirmed_people`` so "places left" needs no query per row.
    """
    occurrences = EventOccurrence.objects.upcoming()
    if wop is not None:
        occurrences = occurrences.filter(wop=wop)
    if wops is not None:
        occurrences = occurrences.filter(wop__in=wops)
    if start is not None:
        occurrences = occurrences.filter(starts_at__gte=_start_of(start))
    if end is not None:
        occurrences = occurrences.filter(
            starts_at__lt=_start_of(end + timedelta(days=1))
        )
    if kinds:
        occurrences = occurrences.filter(event__kind__in=kinds)
    if audiences:
        occurrences = occurrences.filter(
            event__in=EventOccurrence.objects.filter(
                event__audiences__slug__in=audiences
            ).values("event")
        )
    return occurrences.select_related("event", "wop").with_confirmed_people()


def event_occurrences_upcoming(*, wop: NeighbourhoodPage, weeks: int = 4) -> list:
    """The dates of ``wop``'s activities in the coming ``weeks`` weeks: for the
    WOP page, the welcome pack's printed flyer and the monthly poster."""
    today = timezone.localdate()
    return list(occurrences_upcoming(wop=wop, end=today + timedelta(weeks=weeks)))
