"""Activities as iCalendar (RFC 5545) for people's own agenda apps: a feed per
calendar to subscribe to, and a file per activity to add it once.

A repeating activity is one VEVENT with its RRULE and EXDATEs, not a list of
dates, so the agenda shows it as a series and follows later changes.
"""

import re
from datetime import UTC, date, datetime, timedelta
from html import unescape
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from events.calendar import cache_publicly
from events.models import EventIndexPage, EventPage, Repeat
from events.recurrence import ical_rrule, occurrence_dates
from events.templatetags.events_tags import event_cost
from neighbourhood.addresses import public_base_url

PRODID = "-//Verbuurzamen//Activiteiten//NL"
# An activity stays in the feed this long after its last date.
KEEP_AFTER_LAST_DATE = timedelta(days=90)
# Agenda apps ask again every few hours; a shared cache may keep it this long.
CACHE_SECONDS = 15 * 60

_BLOCK_END = re.compile(r"</(p|h\d|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """Rich text as plain text: one line per paragraph or list item."""
    text = unescape(strip_tags(_BLOCK_END.sub("\n", html or "")))
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def calendar_feed(request, *, page: EventIndexPage) -> HttpResponse:
    """Every published activity of the calendar's WOP (or of all WOPs)."""
    wop = page.wop
    cutoff = timezone.localdate() - KEEP_AFTER_LAST_DATE
    events = (
        EventPage.objects.live()
        .public()
        .filter(
            Q(start_date__gte=cutoff)
            | Q(repeat__in=[Repeat.WEEKLY, Repeat.MONTHLY], repeat_until__gte=cutoff)
        )
        .prefetch_related("exceptions")
        .order_by("start_date", "pk")
    )
    if wop is not None:
        events = events.descendant_of(wop)
        name = _("Activiteiten in %(wop)s") % {"wop": wop.title}
    else:
        name = page.title
    calendar = _calendar(
        request,
        events,
        name=name,
        url=page.get_full_url(request),
        uid_part=f"calendar-{page.pk}",
    )
    return _response(calendar, filename=f"{slugify(name) or 'agenda'}.ics", page=page)


def event_ics(request, *, page: EventPage) -> HttpResponse:
    """One activity, with all its dates, to add to an agenda."""
    calendar = _calendar(
        request,
        [page],
        name=page.title,
        url=page.get_full_url(request),
        uid_part=f"calendar-event-{page.pk}",
    )
    return _response(calendar, filename=f"{page.slug}.ics", page=page)


def _calendar(request, events, *, name, url, uid_part) -> icalendar.Calendar:
    host = urlsplit(url or public_base_url()).hostname or "localhost"
    calendar = icalendar.Calendar.new(
        name=name, prodid=PRODID, uid=f"{uid_part}@{host}", url=url
    )
    tz = ZoneInfo(settings.TIME_ZONE)
    first, last = None, None
    for event in events:
        dates = occurrence_dates(event, exclude_exceptions=False) or [event.start_date]
        calendar.add_component(_vevent(request, event, dates=dates, tz=tz, host=host))
        first = min(first or dates[0], dates[0])
        last = max(last or dates[-1], dates[-1])
    if first is not None:
        # Transitions for the span used, not icalendar's default 1970-2038.
        calendar.add_missing_timezones(
            first_date=first - timedelta(days=1),
            last_date=last + timedelta(days=366),
        )
    return calendar


def _vevent(request, event: EventPage, *, dates: list[date], tz, host: str):
    """The activity as one VEVENT; ``dates`` its schedule, exceptions included.

    DTSTART is the first date of the rule (RFC 5545 leaves a DTSTART outside
    the rule undefined); UNTIL is in UTC, as the standard asks when DTSTART
    has a time zone.
    """
    url = event.get_full_url(request)
    first = dates[0]
    vevent = icalendar.Event.new(
        uid=f"event-{event.pk}@{host}",
        stamp=event.last_published_at or timezone.now(),
        start=datetime.combine(first, event.start_time, tzinfo=tz),
        end=datetime.combine(first, event.end_time, tzinfo=tz),
        summary=event.title,
        location=f"{event.place_name}, {event.place_address}",
        description=_description(event, url),
        url=url,
    )
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    exceptions = event.exception_dates()
    rule = ical_rrule(event)
    if rule:
        rule = dict(rule)
        until = datetime.combine(rule["UNTIL"], event.start_time, tzinfo=tz)
        rule["UNTIL"] = until.astimezone(UTC)
        vevent.add("rrule", rule)
        skipped = sorted(exceptions.intersection(dates))
        if skipped:
            vevent.add(
                "exdate",
                [datetime.combine(day, event.start_time, tzinfo=tz) for day in skipped],
            )
    elif first in exceptions:
        vevent.add("status", "CANCELLED")
    return vevent


def _description(event: EventPage, url: str) -> str:
    lines = [plain_text(event.description), ""]
    lines.append(_("Kosten: %(cost)s") % {"cost": event_cost(event)})
    if event.signup_required:
        lines.append(_("Aanmelden is nodig."))
    lines.append(_("Meer informatie: %(url)s") % {"url": url})
    return "\n".join(lines).strip()


def _response(calendar, *, filename: str, page) -> HttpResponse:
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return cache_publicly(response, page=page, max_age=CACHE_SECONDS)
