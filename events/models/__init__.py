from events.models.occurrences import EventOccurrence, occurrence_bounds
from events.models.pages import (
    WEEKDAY_CHOICES,
    EventException,
    EventIndexPage,
    EventKind,
    EventPage,
    MonthlyWeek,
    Repeat,
)
from events.models.rsvps import RSVP_TO_CALL, EventRSVP, RSVPStatus

__all__ = [
    "RSVP_TO_CALL",
    "WEEKDAY_CHOICES",
    "EventException",
    "EventIndexPage",
    "EventKind",
    "EventOccurrence",
    "EventPage",
    "EventRSVP",
    "MonthlyWeek",
    "RSVPStatus",
    "Repeat",
    "occurrence_bounds",
]
