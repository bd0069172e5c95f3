"""Reads for activities: the places a newcomer can get and who on the
waiting list moves up, listings of upcoming dates, the dates of the attendee
lists, and the RSVPs per WOP that the dashboard counts."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import RSVP_TO_CALL, EventOccurrence, EventRSVP, RSVPStatus
from neighbourhood.models import NeighbourhoodPage
from neighbourhood.scoping.permissions import wop_ids_for_user


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def places_open(
    *, capacity: int | None, confirmed_people: int, waiting_people: int
) -> int | None:
    """The places a newcomer can get on a date: none while anyone waits,
    since free places go to the waiting list first; otherwise those not
    taken. None when the activity has no maximum.

    The one rule for signing up (``rsvp_create``) and for what the public
    pages and the admin say is left (``places_left``)."""
    if capacity is None:
        return None
    if waiting_people:
        return 0
    return max(capacity - confirmed_people, 0)


def waiting_list_moving_up(*, free: int | None, waiting) -> list[EventRSVP]:
    """Who of ``waiting`` (the waiting list, in order) gets the ``free``
    places: in turn, each one whose party fits in what is still free. A
    party that does not fit keeps its turn for when more places are free.
    ``free`` None (no maximum): everyone."""
    moving_up = []
    for rsvp in waiting:
        if free is not None:
            if rsvp.people > free:
                continue
            free -= rsvp.people
        moving_up.append(rsvp)
    return moving_up


def occurrence_places_taken(
    *, occurrence: EventOccurrence
) -> tuple[int, list[EventRSVP]]:
    """The people with a place on ``occurrence``, and its waiting list in
    order. Read with the occurrence row locked when places are handed out."""
    confirmed = sum(occurrence.rsvps.confirmed().values_list("people", flat=True))
    return confirmed, list(occurrence.rsvps.waiting())


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
    one means none). Each row carries ``confirmed_people`` and
    ``waiting_people`` so "places left" needs no query per row.
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
    return occurrences.select_related("event", "wop").with_places()


def event_occurrences_upcoming(*, wop: NeighbourhoodPage, weeks: int = 4) -> list:
    """The dates of ``wop``'s activities in the coming ``weeks`` weeks: for the
    WOP page, the welcome pack's printed flyer and the monthly poster."""
    today = timezone.localdate()
    return list(occurrences_upcoming(wop=wop, end=today + timedelta(weeks=weeks)))


def attendance_dates_upcoming(*, user, start: date, end: date) -> list[EventOccurrence]:
    """The coming dates from ``start`` to ``end`` (inclusive) of activities
    with sign-up that ``user`` works on, soonest first.

    Each carries ``confirmed_people``, ``waiting_people`` and ``to_call`` (the
    RSVPs moved up from the waiting list that still have to be called),
    counted over the RSVPs the user may see; three queries in all.
    """
    wop_ids = wop_ids_for_user(user)
    if not wop_ids:
        return []
    own_rsvps = EventRSVP.objects.for_user(user).filter(occurrence=OuterRef("pk"))
    mine = Q(rsvps__wop__in=wop_ids)
    occurrences = list(
        EventOccurrence.objects.for_user(user)
        .filter(
            Q(event__signup_required=True) | Exists(own_rsvps),
            event__live=True,
            is_cancelled=False,
            ends_at__gte=timezone.now(),
            starts_at__gte=_start_of(start),
            starts_at__lt=_start_of(end + timedelta(days=1)),
        )
        .select_related("event", "wop")
        .annotate(
            confirmed_people=Coalesce(
                Sum(
                    "rsvps__people",
                    filter=mine & Q(rsvps__status=RSVPStatus.CONFIRMED),
                ),
                0,
            ),
            waiting_people=Coalesce(
                Sum("rsvps__people", filter=mine & Q(rsvps__status=RSVPStatus.WAITING)),
                0,
            ),
        )
        .order_by("starts_at", "pk")
    )
    to_call = {}
    for rsvp in (
        EventRSVP.objects.for_user(user)
        .to_call()
        .filter(occurrence__in=occurrences)
        .order_by("promoted_at", "pk")
    ):
        to_call.setdefault(rsvp.occurrence_id, []).append(rsvp)
    for occurrence in occurrences:
        occurrence.to_call = to_call.get(occurrence.pk, [])
    return occurrences


def attendance_dates_to_record(
    *, user, start: date, end: date
) -> list[EventOccurrence]:
    """The dates from ``start`` to ``end`` (inclusive) that took place, of
    activities in the user's WOPs and of city-wide ones with RSVPs from
    them, latest first: those whose attendance the user records.

    Each carries ``confirmed_people``, ``attended_people`` and
    ``recorded_rsvps`` (confirmed RSVPs with attendance filled in), counted
    over the RSVPs the user may see; one query.
    """
    wop_ids = wop_ids_for_user(user)
    if not wop_ids:
        return []
    confirmed = Q(rsvps__wop__in=wop_ids, rsvps__status=RSVPStatus.CONFIRMED)
    return list(
        EventOccurrence.objects.for_user(user)
        .filter(
            event__live=True,
            is_cancelled=False,
            date__gte=start,
            date__lte=min(end, timezone.localdate()),
        )
        .select_related("event", "wop")
        .annotate(
            confirmed_people=Coalesce(Sum("rsvps__people", filter=confirmed), 0),
            attended_people=Coalesce(
                Sum("rsvps__people", filter=confirmed & Q(rsvps__attended=True)), 0
            ),
            recorded_rsvps=Count(
                "rsvps", filter=confirmed & Q(rsvps__attended__isnull=False)
            ),
        )
        .order_by("-starts_at", "-pk")
    )


def rsvp_counts_per_wop(*, wop_ids, today: date, days: int) -> dict[int, dict]:
    """Per WOP of ``wop_ids``: the dates in the ``days`` days from ``today``
    with confirmed RSVPs of that WOP (``dates``) and how many people that is
    (``people``), and the RSVPs of coming dates moved up from the waiting
    list that a volunteer still has to call (``to_call``). One query."""
    in_days = Q(
        status=RSVPStatus.CONFIRMED,
        occurrence__starts_at__lt=_start_of(today + timedelta(days=days)),
    )
    return {
        row.pop("wop"): row
        for row in EventRSVP.objects.filter(
            wop__in=wop_ids,
            occurrence__event__live=True,
            occurrence__is_cancelled=False,
            occurrence__ends_at__gte=timezone.now(),
            occurrence__starts_at__gte=_start_of(today),
        )
        .values("wop")
        .annotate(
            dates=Count("occurrence", filter=in_days, distinct=True),
            people=Coalesce(Sum("people", filter=in_days), 0),
            to_call=Count("pk", filter=RSVP_TO_CALL),
        )
        .order_by()
    }


def activities_grouped(occurrences, *, limit: int | None = None) -> dict:
    """``occurrences`` (soonest first) as a printed list reads them: each
    repeating activity once, with its next date (``repeating``: dicts of
    ``event`` and ``next``), and the one-off dates in order (``once``).

    With ``limit``, at most that many entries in all (repeating ones first);
    ``left_out`` counts the activities that did not fit.
    """
    repeating, once, seen = [], [], set()
    for occurrence in occurrences:
        event = occurrence.event
        if event.repeat == "once" or event.repeat_until is None:
            once.append(occurrence)
        elif event.pk not in seen:
            seen.add(event.pk)
            repeating.append({"event": event, "next": occurrence})
    left_out = 0
    if limit is not None:
        left_out = max(len(repeating) + len(once) - limit, 0)
        repeating = repeating[:limit]
        once = once[: max(limit - len(repeating), 0)]
    return {"repeating": repeating, "once": once, "left_out": left_out}
