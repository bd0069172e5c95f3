"""Writes for activities: their dates, and signing up for them."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.models import (
    EventOccurrence,
    EventPage,
    EventRSVP,
    RSVPStatus,
    occurrence_bounds,
)
from events.recurrence import occurrence_dates
from events.selectors import (
    occurrence_places_taken,
    places_open,
    waiting_list_moving_up,
)
from neighbourhood.models import NeighbourhoodPage
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.page_cache import page_cache_clear
from neighbourhood.submissions.services import (
    submission_anonymise,
    submission_withdraw_url,
)


class RSVPNotPossible(Exception):
    """Signing up for this date cannot be done; the message says why, in Dutch."""


def event_occurrences_sync(*, event: EventPage) -> list[EventOccurrence]:
    """Make the stored dates of ``event`` match its published schedule.

    New dates are added and changed times updated; an exception date is
    marked cancelled; a date that is no longer in the schedule is deleted,
    or kept as cancelled when people signed up for it. Places that a larger
    capacity frees go to the waiting lists.
    """
    wop = event.wop
    exceptions = event.exception_dates()
    wanted = occurrence_dates(event, exclude_exceptions=False)
    existing = {occurrence.date: occurrence for occurrence in event.occurrences.all()}
    to_create, to_update = [], []
    for day in wanted:
        starts_at, ends_at = occurrence_bounds(event, day)
        values = {
            "wop": wop,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "is_cancelled": day in exceptions,
        }
        occurrence = existing.pop(day, None)
        if occurrence is None:
            to_create.append(EventOccurrence(event=event, date=day, **values))
        elif any(getattr(occurrence, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(occurrence, name, value)
            to_update.append(occurrence)
    dropped = list(existing.values())
    with_rsvps = set(
        EventRSVP.objects.filter(occurrence__in=dropped).values_list(
            "occurrence_id", flat=True
        )
    )
    for occurrence in dropped:
        if occurrence.pk in with_rsvps:
            occurrence.is_cancelled = True
            to_update.append(occurrence)
    with transaction.atomic():
        EventOccurrence.objects.filter(
            pk__in=[o.pk for o in dropped if o.pk not in with_rsvps]
        ).delete()
        EventOccurrence.objects.bulk_create(to_create)
        EventOccurrence.objects.bulk_update(
            to_update, ["wop", "starts_at", "ends_at", "is_cancelled"]
        )
    event_waiting_lists_promote(event=event)
    return list(event.occurrences.order_by("starts_at"))


def event_waiting_lists_promote(*, event: EventPage) -> list[EventRSVP]:
    """Give the places that a larger capacity freed to the waiting lists of
    ``event``'s coming dates (``rsvps_promote``), each date locked in turn."""
    occurrence_ids = (
        event.occurrences.filter(
            is_cancelled=False,
            ends_at__gte=timezone.now(),
            rsvps__status=RSVPStatus.WAITING,
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    promoted = []
    for pk in occurrence_ids:
        with transaction.atomic():
            occurrence = EventOccurrence.objects.select_for_update().get(pk=pk)
            promoted += rsvps_promote(occurrence=occurrence)
    if promoted:
        page_cache_clear()
    return promoted


@transaction.atomic
def rsvp_create(
    *,
    occurrence: EventOccurrence,
    wop: NeighbourhoodPage,
    data: dict,
    consent: dict,
    registered_by=None,
    withdraw_url_for=submission_withdraw_url,
) -> EventRSVP:
    """Sign someone up for one date: a place if there is room and nobody
    waits (``places_open``), else the waiting list, behind those already on
    it. The occurrence row is locked while places are counted, so concurrent
    sign-ups never overbook nor jump the queue. Raises RSVPNotPossible for a
    past or cancelled date or too large a group.

    ``withdraw_url_for(rsvp)`` gives the absolute private cancel link for the
    confirmation e-mail (sent only when there is an e-mail address).
    """
    occurrence = EventOccurrence.objects.select_for_update().get(pk=occurrence.pk)
    event = EventPage.objects.get(pk=occurrence.event_id)
    if occurrence.is_cancelled:
        raise RSVPNotPossible(_("Deze keer gaat niet door. Kies een andere datum."))
    if occurrence.is_past:
        raise RSVPNotPossible(_("Deze keer is al voorbij. Kies een andere datum."))
    people = data.get("people", 1)
    if people > event.max_people_per_signup:
        raise RSVPNotPossible(
            _("U kunt met hoogstens %(count)s personen tegelijk aanmelden.")
            % {"count": event.max_people_per_signup}
        )
    confirmed, waiting = occurrence_places_taken(occurrence=occurrence)
    open_places = places_open(
        capacity=event.capacity,
        confirmed_people=confirmed,
        waiting_people=sum(rsvp.people for rsvp in waiting),
    )
    fits = open_places is None or people <= open_places
    rsvp = EventRSVP.objects.create(
        occurrence=occurrence,
        wop=wop,
        status=RSVPStatus.CONFIRMED if fits else RSVPStatus.WAITING,
        registered_by=registered_by,
        **consent,
        **data,
    )
    # The activity's page and the calendars show the places left.
    page_cache_clear()
    if rsvp.email:
        with translation.override(rsvp.language):
            email_enqueue(
                to=[rsvp.email],
                subject=(
                    _("U bent aangemeld: %(event)s")
                    if fits
                    else _("U staat op de wachtlijst: %(event)s")
                )
                % {"event": event.title},
                template="events/email/rsvp_confirmation.txt",
                context={
                    "rsvp": rsvp,
                    "event": event,
                    "occurrence": occurrence,
                    "cancel_url": withdraw_url_for(rsvp),
                },
            )
    return rsvp


@transaction.atomic
def rsvp_cancel(*, submission: EventRSVP, by=None) -> EventRSVP:
    """Cancel an RSVP (the resident's private link, or a volunteer): it is
    anonymised, and people on the waiting list move up in order, each whose
    party fits the free places (``rsvps_promote``). Those with an e-mail address
    are told; the others are left for a volunteer to call. After the date
    the RSVP is only anonymised: its status and attendance stay."""
    occurrence = EventOccurrence.objects.select_for_update().get(
        pk=submission.occurrence_id
    )
    rsvp = EventRSVP.objects.get(pk=submission.pk)
    if rsvp.status == RSVPStatus.CANCELLED:
        return rsvp
    if occurrence.is_past:
        # Nothing to free after the date: the sign-up stays as it was, so the
        # figures do not change; only the person is erased.
        if rsvp.anonymised_at is None:
            rsvp.withdrawn_at = timezone.now()
            submission_anonymise(submission=rsvp, by=by)
        return rsvp
    rsvp.status = RSVPStatus.CANCELLED
    rsvp.withdrawn_at = timezone.now()
    submission_anonymise(submission=rsvp, by=by)
    rsvps_promote(occurrence=occurrence)
    page_cache_clear()
    return rsvp


def rsvps_promote(*, occurrence: EventOccurrence) -> list[EventRSVP]:
    """Give the free places to the waiting list, in order: each one whose
    party fits what is still free moves up (``waiting_list_moving_up``) and
    is e-mailed, or left for a volunteer to call. Call with the occurrence
    row locked."""
    event = EventPage.objects.get(pk=occurrence.event_id)
    if occurrence.is_cancelled or occurrence.is_past:
        return []
    confirmed, waiting_list = occurrence_places_taken(occurrence=occurrence)
    free = None if event.capacity is None else event.capacity - confirmed
    promoted = []
    for waiting in waiting_list_moving_up(free=free, waiting=waiting_list):
        waiting.status = RSVPStatus.CONFIRMED
        waiting.promoted_at = timezone.now()
        waiting.promotion_told = bool(waiting.email)
        waiting.save(
            update_fields=["status", "promoted_at", "promotion_told", "updated_at"]
        )
        if waiting.email:
            with translation.override(waiting.language):
                email_enqueue(
                    to=[waiting.email],
                    subject=_("Er is plaats voor u: %(event)s")
                    % {"event": event.title},
                    template="events/email/rsvp_promoted.txt",
                    context={
                        "rsvp": waiting,
                        "event": event,
                        "occurrence": occurrence,
                        "cancel_url": submission_withdraw_url(waiting),
                    },
                )
        promoted.append(waiting)
    return promoted


class AttendanceNotPossible(Exception):
    """Attendance cannot be recorded like this; the message says why, in Dutch."""


def occurrence_attendance_recordable(*, occurrence: EventOccurrence, by):
    """The RSVPs of ``occurrence`` whose attendance ``by`` records: the
    confirmed ones of the WOPs ``by`` works in."""
    return EventRSVP.objects.for_user(by).filter(
        occurrence=occurrence, status=RSVPStatus.CONFIRMED
    )


@transaction.atomic
def occurrence_attendance_record(
    *,
    occurrence: EventOccurrence,
    attended_rsvp_ids,
    walk_ins: int | None,
    by,
) -> EventOccurrence:
    """Record who came to ``occurrence``: the confirmed RSVPs in
    ``attended_rsvp_ids`` came, the other confirmed RSVPs that ``by`` may see
    did not; ``walk_ins`` people came without signing up.

    Only on or after the date, and not for a date that did not take place.
    Walk-ins belong to the activity's WOP, so a city-wide date takes none
    (pass None); its RSVPs each count for their own WOP. Recording again
    replaces what was recorded before.
    """
    occurrence = EventOccurrence.objects.select_for_update().get(pk=occurrence.pk)
    if occurrence.is_cancelled:
        raise AttendanceNotPossible(_("Deze keer ging niet door."))
    if occurrence.date > timezone.localdate():
        raise AttendanceNotPossible(
            _("U kunt de aanwezigheid invullen op de dag zelf of daarna.")
        )
    recordable = occurrence_attendance_recordable(occurrence=occurrence, by=by)
    attended = {int(pk) for pk in attended_rsvp_ids}
    unknown = attended - set(recordable.values_list("pk", flat=True))
    if unknown:
        raise AttendanceNotPossible(
            _("Een of meer aanmeldingen horen niet bij deze keer.")
        )
    if walk_ins is not None:
        if occurrence.wop_id is None:
            raise AttendanceNotPossible(
                _(
                    "Bij een activiteit voor de hele stad telt u alleen wie "
                    "aangemeld was."
                )
            )
        if walk_ins < 0:
            raise AttendanceNotPossible(_("Vul 0 of meer in."))
        occurrence.walk_ins = walk_ins
        occurrence.save(update_fields=["walk_ins"])
    now = timezone.now()
    recordable.filter(pk__in=attended).update(attended=True, updated_at=now)
    recordable.exclude(pk__in=attended).update(attended=False, updated_at=now)
    return occurrence
