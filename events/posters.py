"""Printable A4 posters for the notice board at the supermarket, the library
or the community centre: one activity, or a month of them.

Large type, a QR code to the page and the address printed beside it for
those without a smartphone. Plain HTML with print CSS: the browser prints
it, no PDF library and no JavaScript needed.
"""

import re
from datetime import date, timedelta

import segno
from django.template.response import TemplateResponse
from django.utils import timezone

from events.calendar import cache_publicly
from events.models import EventIndexPage, EventPage
from events.selectors import activities_grouped, occurrences_upcoming
from neighbourhood.programme import programme_identity

# A poster changes when an editor publishes; an hour in a shared cache is fine.
CACHE_SECONDS = 60 * 60
MONTH_PARAMETER = re.compile(r"^(\d{4})-(\d{1,2})$")
# How far back or ahead ?maand= may point.
MONTH_YEARS_AROUND = 5
# The rows that fit on the month poster's one A4 below its large QR code; a
# city-wide row also names its WOP, a line more.
MONTH_POSTER_ROWS = 9
CITY_MONTH_POSTER_ROWS = 5


def qr_data_uri(url: str) -> str:
    """A QR code for ``url`` as an inline PNG, ready for ``<img src>``."""
    return segno.make(url, error="m").png_data_uri(scale=8, border=4)


def event_poster(request, *, page: EventPage):
    """One activity on an A4: what, when, where, for whom, cost, access,
    how to join, and a QR code to its page."""
    url = page.get_full_url(request)
    coming = list(
        page.occurrences.filter(ends_at__gte=timezone.now()).order_by("starts_at")[:8]
    )
    wop = page.wop
    organiser = page.organiser
    phone = (organiser.phone if organiser else "") or (wop.contact_phone if wop else "")
    context = {
        "page": page,
        "url": url,
        "qr": qr_data_uri(url),
        "wop": wop,
        "organiser": organiser,
        "phone": phone,
        "next_dates": [o for o in coming if not o.is_cancelled][:4],
        "cancelled_dates": [o for o in coming if o.is_cancelled],
        "audiences": [a for a in page.audiences.all() if a.slug != "everyone"],
    }
    response = TemplateResponse(request, "events/poster_event.html", context)
    return cache_publicly(response, page=page, max_age=CACHE_SECONDS)


def month_poster(request, *, page: EventIndexPage):
    """ "Deze maand in <WOP>": the coming dates of one month (``?maand=2026-12``,
    this month when missing or malformed), a repeating activity once with its
    rule, on one A4 with a QR code to the calendar."""
    today = timezone.localdate()
    requested = request.GET.get("maand")
    month = parse_month(requested, today=today)
    unknown_month = bool(requested) and month is None
    month = month or today.replace(day=1)
    next_month = (month + timedelta(days=32)).replace(day=1)
    wop = page.wop
    occurrences = occurrences_upcoming(
        wop=wop, start=month, end=next_month - timedelta(days=1)
    )
    url = page.get_full_url(request)
    context = {
        "page": page,
        "wop": wop,
        "place": wop.title if wop else page.get_parent().title,
        "month": month,
        "is_this_month": month == today.replace(day=1),
        "next_month": next_month,
        "unknown_month": unknown_month,
        "activities": activities_grouped(
            occurrences,
            limit=MONTH_POSTER_ROWS if wop else CITY_MONTH_POSTER_ROWS,
        ),
        "url": url,
        "qr": qr_data_uri(url),
        "programme": programme_identity(),
    }
    response = TemplateResponse(request, "events/poster_month.html", context)
    return cache_publicly(response, page=page, max_age=CACHE_SECONDS)


def parse_month(value: str | None, *, today: date) -> date | None:
    """The first day of the month ``value`` ("2026-12") names, or None when it
    is missing, malformed or more than a few years away."""
    match = MONTH_PARAMETER.match(value or "")
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12 or abs(year - today.year) > MONTH_YEARS_AROUND:
        return None
    return date(year, month, 1)
