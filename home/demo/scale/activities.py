"""The scale data set's activities and their dates."""

from datetime import date, time, timedelta
from decimal import Decimal

from django.utils.text import slugify

from events.models import (
    EventException,
    EventKind,
    EventOccurrence,
    EventPage,
    occurrence_bounds,
)
from events.recurrence import occurrence_dates
from home.demo.scale.common import (
    BATCH_SIZE,
    HISTORY_DAYS,
    STREET_STEMS,
    ScaleWop,
    batched_create,
    pages_bulk_add,
    spread,
)
from neighbourhood.models import Audience

ACTIVITIES = (
    "Koffieochtend", "Samen eten", "Wandelgroep", "Taalcafé", "Breiclub",
    "Repair Café", "Spelletjesmiddag", "Buurtmoestuin", "Schaakclub",
    "Muziekmiddag", "Computerspreekuur", "Kookclub", "Buurtbingo", "Yoga op de stoel",
)  # fmt: skip
PLACES = (
    "Buurthuis De Schakel", "Wijkcentrum Het Anker", "Bibliotheek", "De Ontmoeting",
    "Kerkzaal", "Speeltuingebouw", "Huiskamer van de wijk",
)  # fmt: skip


def _schedule(*, rng, today: date) -> dict:
    """A one-off (half), weekly or monthly activity from two years back to
    half a year ahead."""
    start = today + timedelta(days=rng.randint(-HISTORY_DAYS, 180))
    starts_at = rng.choice((time(10), time(14), time(19, 30)))
    fields = {
        "start_date": start,
        "start_time": starts_at,
        "end_time": time(starts_at.hour + 2, starts_at.minute),
        "weekdays": [],
        "monthly_week": None,
        "monthly_weekday": None,
        "repeat_until": None,
    }
    roll = rng.random()
    if roll < 0.5:
        return fields | {"repeat": "once"}
    if roll < 0.85:
        days = rng.sample(range(7), 1 if rng.random() < 0.8 else 2)
        return fields | {
            "repeat": "weekly",
            "weekdays": sorted(days),
            "repeat_until": start + timedelta(weeks=rng.randint(4, 26)),
        }
    return fields | {
        "repeat": "monthly",
        "monthly_week": rng.choice((1, 2, 3, 4, -1)),
        "monthly_weekday": rng.randrange(7),
        "repeat_until": start + timedelta(days=30 * rng.randint(3, 12)),
    }


def events_create(
    *, wops: list[ScaleWop], city_calendar, count: int, rng, today: date, now
) -> list[EventPage]:
    """``count`` activities: one in fifty on the city-wide calendar, the rest
    spread over the WOPs' calendars. Some take sign-ups, with a capacity."""
    city_count = count // 50
    per_calendar = [(city_calendar, None, city_count)] + [
        (wop.calendar, wop.page, n)
        for wop, n in zip(wops, spread(count - city_count, len(wops)), strict=True)
    ]
    audiences = list(Audience.objects.values_list("pk", flat=True))
    kinds = list(EventKind.values)
    events, exceptions, audience_rows = [], [], []
    serial = 0
    for calendar, wop, n in per_calendar:
        made = []
        for _ in range(n):
            serial += 1
            activity = rng.choice(ACTIVITIES)
            place = rng.choice(PLACES)
            signup = rng.random() < 0.4
            event = EventPage(
                title=f"{activity} in {place}",
                slug=f"{slugify(activity)}-{serial}",
                description=f"<p>{activity}: iedereen is welkom, u hoeft niets mee "
                "te nemen.</p>",
                place_name=place,
                place_address=f"{rng.choice(STREET_STEMS)}straat {rng.randint(1, 80)}",
                wheelchair_access=rng.random() < 0.7,
                hearing_loop=rng.random() < 0.3,
                accessible_toilet=rng.random() < 0.5,
                kind=rng.choice(kinds),
                cost=Decimal("2.50") if rng.random() < 0.3 else None,
                signup_required=signup,
                capacity=rng.choice((12, 20, 40)) if signup else None,
                **_schedule(rng=rng, today=today),
            )
            event.scale_wop = wop
            made.append(event)
        pages_bulk_add(parent=calendar, pages=made, published_at=now)
        events += made
    for event in events:
        if audiences and rng.random() < 0.5:
            for audience in rng.sample(audiences, min(2, len(audiences))):
                audience_rows.append(
                    EventPage.audiences.through(
                        eventpage_id=event.pk, audience_id=audience
                    )
                )
        if event.repeat != "once" and rng.random() < 0.1:
            dates = occurrence_dates(event, exclude_exceptions=False)
            event.scale_skipped = rng.choice(dates)
            exceptions.append(
                EventException(
                    page_id=event.pk, date=event.scale_skipped, reason="Vakantie"
                )
            )
    batched_create(EventException, exceptions)
    EventPage.audiences.through.objects.bulk_create(
        audience_rows, batch_size=BATCH_SIZE
    )
    return events


def occurrences_create(*, events: list[EventPage]) -> list[EventOccurrence]:
    """Each activity's dates, as ``event_occurrences_sync`` stores them on
    publishing: an exception date is kept, marked cancelled."""
    rows = []
    for event in events:
        skipped = getattr(event, "scale_skipped", None)
        for day in occurrence_dates(event, exclude_exceptions=False):
            starts_at, ends_at = occurrence_bounds(event, day)
            rows.append(
                EventOccurrence(
                    event_id=event.pk,
                    wop=event.scale_wop,
                    date=day,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    is_cancelled=day == skipped,
                )
            )
    return batched_create(EventOccurrence, rows)
