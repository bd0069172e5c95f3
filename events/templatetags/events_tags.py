"""Wording for activities in listings and on posters: days, times, schedules,
costs and places left, the same everywhere."""

from datetime import date, datetime, time

from django import template
from django.utils import formats, timezone
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from events.models import WEEKDAY_CHOICES, MonthlyWeek, Repeat
from events.selectors import places_open

register = template.Library()

WEEKDAY_NAMES = dict(WEEKDAY_CHOICES)


@register.filter
def day_heading(day: date) -> str:
    """ "Dinsdag 1 december"; with the year when it is not this year."""
    if not day:
        return ""
    pattern = "l j F" if day.year == timezone.localdate().year else "l j F Y"
    return capfirst(formats.date_format(day, pattern))


def _clock(value: datetime | time) -> str:
    """ "19.30" in Dutch, "19:30" in English: as each language writes it."""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return formats.time_format(value, pgettext("time of day format", "H.i"))


@register.simple_tag
def time_range(start: datetime | time, end: datetime | time) -> str:
    """ "10.00 – 12.00 uur", in local time."""
    return _("%(start)s – %(end)s uur") % {"start": _clock(start), "end": _clock(end)}


@register.filter
def event_schedule(event) -> str:
    """When an activity happens, in words: "Elke dinsdag en donderdag",
    "Elke eerste vrijdag van de maand", or its one date."""
    if event.repeat == Repeat.WEEKLY and event.weekdays and event.repeat_until:
        days = [str(WEEKDAY_NAMES[day]) for day in sorted(event.weekdays)]
        return _("Elke %(days)s") % {"days": get_text_list(days, _("en"))}
    if (
        event.repeat == Repeat.MONTHLY
        and event.monthly_week
        and event.monthly_weekday is not None
        and event.repeat_until
    ):
        return _("Elke %(week)s %(day)s van de maand") % {
            "week": MonthlyWeek(event.monthly_week).label,
            "day": WEEKDAY_NAMES[event.monthly_weekday],
        }
    return day_heading(event.start_date)


@register.filter
def event_cost(event) -> str:
    """ "Gratis", or the cost in euros the Dutch way: "€ 2,50"."""
    if event.is_free:
        return _("Gratis")
    return "€ " + formats.number_format(event.cost, decimal_pos=2)


@register.filter
def places_left(occurrence) -> int | None:
    """Places a newcomer can get on this date (none while anyone waits), or
    None when there is no maximum.

    Reads ``confirmed_people`` and ``waiting_people`` as the listing
    selectors annotate them.
    """
    return places_open(
        capacity=occurrence.event.capacity,
        confirmed_people=getattr(occurrence, "confirmed_people", 0) or 0,
        waiting_people=getattr(occurrence, "waiting_people", 0) or 0,
    )


@register.filter
def waiting_list_first(occurrence) -> bool:
    """Places are free on this date, but people wait: the places go to them,
    and a newcomer joins the waiting list."""
    capacity = occurrence.event.capacity
    return (
        capacity is not None
        and bool(getattr(occurrence, "waiting_people", 0))
        and (getattr(occurrence, "confirmed_people", 0) or 0) < capacity
    )


@register.filter
def accessibility(event) -> list[str]:
    """What the place offers, as short phrases for people who need it."""
    features = [
        (event.wheelchair_access, _("Toegankelijk met rolstoel")),
        (event.hearing_loop, _("Ringleiding")),
        (event.accessible_toilet, _("Aangepast toilet")),
    ]
    return [label for present, label in features if present]
