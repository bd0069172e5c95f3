"""Activity calendars, activities with their dates, and RSVPs."""

from datetime import date, time, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Page

from events.forms import rsvp_consent_purpose
from events.models import EventIndexPage, EventOccurrence, EventPage, EventRSVP
from events.recurrence import occurrence_dates
from events.services import rsvp_cancel, rsvp_create
from home.demo import content
from home.demo.build.buddies import audiences_for
from home.demo.build.pages import page_update, page_upsert
from home.demo.build.submissions import registered_by_for
from home.models import HomePage, User
from neighbourhood.models import NeighbourhoodPage, Partner
from neighbourhood.submissions.services import consent_record


def event_index_upsert(*, parent: Page, title: str, slug: str, intro: str):
    """The one calendar under ``parent``: an existing one is kept, whatever
    its slug."""
    fields = {"title": title, "intro": intro}
    existing = EventIndexPage.objects.child_of(parent).first()
    if existing is not None:
        return page_update(existing, fields=fields)
    return page_upsert(
        parent=parent, page_class=EventIndexPage, slug=slug, fields=fields
    )


def _first_of_month(day: date, months_later: int = 0) -> date:
    month = day.month - 1 + months_later
    return date(day.year + month // 12, month % 12 + 1, 1)


def event_schedule(*, data: content.EventData, today: date) -> tuple[dict, list[dict]]:
    """A new activity's schedule fields and its dates off, counted from
    ``today``: a repeating one from the first of this month for
    ``data.months`` months, a one-off ``data.starts_in_days`` from today."""
    fields = {
        "start_time": time.fromisoformat(data.start_time),
        "end_time": time.fromisoformat(data.end_time),
        "repeat": data.repeat,
        "weekdays": list(data.weekdays),
        "monthly_week": data.monthly_week,
        "monthly_weekday": data.monthly_weekday,
    }
    if data.repeat == "once":
        fields |= {
            "start_date": today + timedelta(days=data.starts_in_days),
            "repeat_until": None,
        }
    else:
        start = _first_of_month(today)
        fields |= {
            "start_date": start,
            "repeat_until": _first_of_month(today, data.months) - timedelta(days=1),
        }
    exceptions = []
    if data.skip_after_days is not None:
        earliest = today + timedelta(days=data.skip_after_days)
        skipped = next(
            (day for day in occurrence_dates(EventPage(**fields)) if day >= earliest),
            None,
        )
        if skipped is not None:
            exceptions.append({"date": skipped, "reason": data.skip_reason})
    return fields, exceptions


def event_upsert(
    *, calendar: EventIndexPage, data: content.EventData, partners: dict
) -> EventPage:
    """An activity. What it is and where is brought up to date on every run;
    its schedule is set once, when it is created, and then left alone."""
    fields = {
        "title": data.title,
        "description": data.description,
        "place_name": data.place_name,
        "place_address": data.place_address,
        "kind": data.kind,
        "audiences": audiences_for(data.audiences),
        "organiser": partners[data.organiser] if data.organiser else None,
        "cost": Decimal(data.cost) if data.cost else None,
        "wheelchair_access": data.wheelchair_access,
        "hearing_loop": data.hearing_loop,
        "accessible_toilet": data.accessible_toilet,
        "signup_required": data.signup_required,
        "capacity": data.capacity,
        "max_people_per_signup": data.max_people_per_signup,
    }
    relations = None
    if not Page.objects.child_of(calendar).filter(slug=data.slug).exists():
        schedule, exceptions = event_schedule(data=data, today=timezone.localdate())
        fields |= schedule
        relations = {"exceptions": exceptions}
    return page_upsert(
        parent=calendar,
        page_class=EventPage,
        slug=data.slug,
        fields=fields,
        relations=relations,
    )


def events_upsert(
    *,
    home: HomePage,
    wops: dict[str, NeighbourhoodPage],
    partners: dict[str, Partner],
) -> tuple[list[EventIndexPage], dict[tuple[str | None, str], EventPage]]:
    """A calendar "Activiteiten" for every WOP and the city-wide "Agenda",
    with their activities keyed by (WOP slug or None, slug). Publishing an
    activity stores its dates."""
    calendars = {
        None: event_index_upsert(
            parent=home,
            title=content.CITY_CALENDAR_TITLE,
            slug=content.CITY_CALENDAR_SLUG,
            intro=content.CITY_CALENDAR_INTRO,
        )
    }
    for slug, wop in wops.items():
        calendars[slug] = event_index_upsert(
            parent=wop,
            title=content.EVENT_INDEX_TITLE,
            slug=content.EVENT_INDEX_SLUG,
            intro=content.EVENT_INDEX_INTRO,
        )
    events = {
        (data.wop, data.slug): event_upsert(
            calendar=calendars[data.wop], data=data, partners=partners
        )
        for data in content.EVENTS
    }
    return list(calendars.values()), events


def meal_rsvps_seed(*, event: EventPage, volunteer: User) -> None:
    """The RSVPs of the demo's "Samen eten" on its next two dates, made once
    (while it has none) and then left alone.

    Made through ``rsvp_create`` and ``rsvp_cancel``, as on the site, so the
    places, the waiting list and moving up are the real thing. Nobody is
    mailed: no cancel link is given, and whoever moves up has no e-mail
    address, so a volunteer has to call them. Registered on behalf (consent
    given verbally or on paper) means by the WOP's volunteer.
    """
    if EventRSVP.objects.filter(occurrence__event=event).exists():
        return
    dates = EventOccurrence.objects.upcoming().filter(event=event)[:2]
    for occurrence, rsvps in zip(
        dates, (content.MEAL_FULL_DATE, content.MEAL_NEXT_DATE), strict=False
    ):
        made = [
            (
                data,
                rsvp_create(
                    occurrence=occurrence,
                    wop=event.wop,
                    data={
                        "name": data.name,
                        "email": data.email,
                        "phone": data.phone,
                        "postcode": data.postcode,
                        "people": data.people,
                        "contact_preference": "phone" if data.phone else "email",
                    },
                    consent=consent_record(
                        text=rsvp_consent_purpose(event.title),
                        method=data.consent_method,
                    ),
                    registered_by=registered_by_for(data=data, volunteer=volunteer),
                ),
            )
            for data in rsvps
        ]
        for data, rsvp in made:
            if data.cancels:
                rsvp_cancel(submission=rsvp, by=volunteer)


def week_rsvps_seed(*, event: EventPage, rsvps, volunteer: User) -> None:
    """Sign-ups for the first coming date of ``event``, made once (while it
    has none) through ``rsvp_create``, as on the site; nobody is mailed."""
    if EventRSVP.objects.filter(occurrence__event=event).exists():
        return
    occurrence = EventOccurrence.objects.upcoming().filter(event=event).first()
    if occurrence is None:
        return
    for data in rsvps:
        rsvp_create(
            occurrence=occurrence,
            wop=event.wop,
            data={
                "name": data.name,
                "email": data.email,
                "phone": data.phone,
                "postcode": data.postcode,
                "people": data.people,
                "contact_preference": "phone" if data.phone else "email",
            },
            consent=consent_record(
                text=rsvp_consent_purpose(event.title), method=data.consent_method
            ),
            registered_by=registered_by_for(data=data, volunteer=volunteer),
        )


def meal_full_date_summary(*, event: EventPage) -> str:
    """ "Thursday 12 March: 12 of 12 places, 2 on the waiting list, 1 to call
    (…)" for the first coming date of ``event`` with a waiting list, or ""."""
    for occurrence in EventOccurrence.objects.upcoming().filter(event=event):
        rsvps = occurrence.rsvps.active()
        waiting = rsvps.filter(status="waiting").count()
        if not waiting:
            continue
        confirmed = sum(rsvps.confirmed().values_list("people", flat=True))
        to_call = rsvps.confirmed().filter(
            promoted_at__isnull=False, promotion_told=False
        )
        names = [rsvp.name for rsvp in to_call]
        return (
            f"{occurrence.date:%A %d %B}: {confirmed} of {event.capacity} places, "
            f"{waiting} on the waiting list, {len(names)} to call"
            + (f" ({', '.join(names)})" if names else "")
        )
    return ""
