"""An activity's schedule as dates, and as an RFC 5545 recurrence rule.

dateutil's rrule does the calendar arithmetic (the n-th weekday of a month,
weekly on several days), so the dates listed here and the RRULE in the iCal
feed describe the same thing.
"""

from datetime import date, datetime

from dateutil import rrule

RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _rule(event) -> rrule.rrule | None:
    start = datetime.combine(event.start_date, datetime.min.time())
    until = datetime.combine(event.repeat_until, datetime.min.time())
    if event.repeat == "weekly" and event.weekdays:
        return rrule.rrule(
            rrule.WEEKLY,
            dtstart=start,
            until=until,
            byweekday=[RRULE_WEEKDAYS[day] for day in sorted(event.weekdays)],
        )
    if (
        event.repeat == "monthly"
        and event.monthly_week
        and event.monthly_weekday is not None
    ):
        weekday = RRULE_WEEKDAYS[event.monthly_weekday](event.monthly_week)
        return rrule.rrule(rrule.MONTHLY, dtstart=start, until=until, byweekday=weekday)
    return None


def occurrence_dates(event, *, exclude_exceptions: bool = True) -> list[date]:
    """Every date ``event`` takes place, first to last.

    A one-off activity has its start date; a repeating one every date of its
    rule up to ``repeat_until``, without the exception dates.
    """
    if event.repeat == "once" or event.repeat_until is None:
        dates = [event.start_date]
    else:
        rule = _rule(event)
        dates = [moment.date() for moment in rule] if rule else [event.start_date]
    if exclude_exceptions:
        skipped = event.exception_dates()
        dates = [day for day in dates if day not in skipped]
    return dates


def ical_rrule(event) -> dict | None:
    """The recurrence as an iCalendar RRULE value (for ``icalendar.vRecur``),
    or None for a one-off activity."""
    if event.repeat == "once" or event.repeat_until is None:
        return None
    until = event.repeat_until
    if event.repeat == "weekly" and event.weekdays:
        return {
            "FREQ": "WEEKLY",
            "BYDAY": [ICAL_WEEKDAYS[day] for day in sorted(event.weekdays)],
            "UNTIL": until,
        }
    if event.repeat == "monthly" and event.monthly_week:
        nth = event.monthly_week
        return {
            "FREQ": "MONTHLY",
            "BYDAY": [f"{nth}{ICAL_WEEKDAYS[event.monthly_weekday]}"],
            "UNTIL": until,
        }
    return None
