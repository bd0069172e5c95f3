"""Buddy projects: sign-ups, status changes, matches and follow-ups."""

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log

from neighbourhood.addresses import absolute_url
from neighbourhood.models import (
    BuddyMatch,
    BuddyProjectPage,
    BuddySignup,
    BuddySignupStatus,
    FollowUpOutcome,
    NeighbourhoodPage,
)
from neighbourhood.models.buddies import FOLLOW_UP_AFTER, MATCHABLE_STATUSES
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.submissions.phones import phone_digits
from neighbourhood.submissions.services import (
    submission_withdraw_url,
    wop_staff_emails,
)

DUPLICATE_WINDOW = timedelta(days=1)


def buddy_signup_duplicate(
    *, project: BuddyProjectPage, email: str = "", phone: str = ""
) -> BuddySignup | None:
    """An earlier sign-up of the same person (same e-mail or phone) for
    ``project`` within the last day, if there is one."""
    recent = BuddySignup.objects.active().filter(
        project=project, created_at__gte=timezone.now() - DUPLICATE_WINDOW
    )
    if email:
        match = recent.filter(email__iexact=email).first()
        if match is not None:
            return match
    digits = phone_digits(phone) if phone else ""
    if digits:
        for signup in recent.exclude(phone="").only("pk", "phone", "created_at"):
            if phone_digits(signup.phone) == digits:
                return signup
    return None


@transaction.atomic
def buddy_signup_create(
    *,
    project: BuddyProjectPage,
    wop: NeighbourhoodPage,
    data: dict,
    consent: dict,
    registered_by=None,
    withdraw_url_for=submission_withdraw_url,
) -> BuddySignup:
    """Save a sign-up and queue its e-mails in the same transaction.

    ``data`` holds the sign-up's own fields; ``consent`` comes from
    ``consent_record``. ``withdraw_url_for(signup)`` gives the absolute
    withdraw link for the confirmation e-mail (only sent when there is an
    e-mail address); without a request, on the site's base URL.
    """
    signup = BuddySignup.objects.create(
        project=project, wop=wop, registered_by=registered_by, **consent, **data
    )
    log(instance=signup, action="wagtail.create", user=registered_by)
    # Absolute: the link is followed from an e-mail.
    admin_url = absolute_url(
        AdminURLFinder().get_edit_url(signup) or reverse("wagtailadmin_home")
    )
    staff = wop_staff_emails(wop=wop, except_user=registered_by)
    if staff:
        email_enqueue(
            to=staff,
            subject=_("Nieuwe aanmelding voor %(project)s")
            % {"project": project.title},
            template="neighbourhood/email/buddy_signup_staff.txt",
            context={
                "signup": signup,
                "project": project,
                "wop": wop,
                "admin_url": admin_url,
            },
        )
    if signup.email:
        with translation.override(signup.language):
            email_enqueue(
                to=[signup.email],
                subject=_("Uw aanmelding voor %(project)s")
                % {"project": project.title},
                template="neighbourhood/email/buddy_signup_confirmation.txt",
                context={
                    "signup": signup,
                    "project": project,
                    "wop": wop,
                    "withdraw_url": withdraw_url_for(signup),
                },
            )
    return signup


def buddy_signup_repeated(
    *,
    earlier: BuddySignup,
    project: BuddyProjectPage,
    withdraw_url_for=submission_withdraw_url,
) -> bool:
    """Someone signed up again with the details of ``earlier``: nothing is
    stored, and the address on file (if any) is told, with its own withdraw
    link, so the form never tells a visitor who already signed up. Returns
    whether an e-mail was queued."""
    if not earlier.email:
        return False
    with translation.override(earlier.language):
        email_enqueue(
            to=[earlier.email],
            subject=_("Nog een aanmelding voor %(project)s")
            % {"project": project.title},
            template="neighbourhood/email/buddy_signup_repeated.txt",
            context={
                "signup": earlier,
                "project": project,
                "wop": earlier.wop,
                "withdraw_url": withdraw_url_for(earlier),
            },
        )
    return True


def buddy_signup_status_change(*, signup: BuddySignup, status: str, by) -> BuddySignup:
    """Move a sign-up to ``status``, logging who did it and when."""
    previous = signup.status
    if previous == status:
        return signup
    signup.status = status
    signup.save(update_fields=["status", "updated_at"])
    log(
        instance=signup,
        action="verbuurzamen.status",
        user=by,
        data={"from": previous, "to": status},
    )
    return signup


class NotMatchable(Exception):
    """A sign-up that is already matched, ended or withdrawn."""

    def __init__(self, signup: BuddySignup):
        super().__init__(f"Sign-up {signup.pk} cannot be matched")
        self.signup = signup


def buddy_signup_matchable(signup: BuddySignup) -> bool:
    return signup.anonymised_at is None and signup.status in MATCHABLE_STATUSES


@transaction.atomic
def match_confirm(
    *, seeker: BuddySignup, buddy: BuddySignup, by, started_on: date | None = None
) -> BuddyMatch:
    """Bring ``seeker`` and ``buddy`` together: record the match, mark both as
    matched and set the follow-up date.

    Both rows are locked and read again first, so two coordinators cannot
    match the same person twice; raises NotMatchable if either is taken.
    """
    locked = BuddySignup.objects.select_for_update().in_bulk([seeker.pk, buddy.pk])
    seeker, buddy = locked[seeker.pk], locked[buddy.pk]
    for signup in (seeker, buddy):
        if not buddy_signup_matchable(signup):
            raise NotMatchable(signup)
    started_on = started_on or timezone.localdate()
    match = BuddyMatch.objects.create(
        wop=seeker.wop,
        seeker=seeker,
        buddy=buddy,
        started_on=started_on,
        follow_up_on=started_on + FOLLOW_UP_AFTER,
        created_by=by,
    )
    for signup in (seeker, buddy):
        buddy_signup_status_change(
            signup=signup, status=BuddySignupStatus.MATCHED, by=by
        )
    log(instance=match, action="wagtail.create", user=by)
    return match


@transaction.atomic
def match_follow_up_record(
    *,
    match: BuddyMatch,
    outcome: str,
    by,
    note: str = "",
    next_follow_up_on: date | None = None,
) -> BuddyMatch:
    """Record how a match is going; an ended match ends both sign-ups, any
    other outcome gets a next follow-up date (six weeks on by default)."""
    match.follow_up_outcome = outcome
    match.follow_up_note = note
    match.followed_up_at = timezone.now()
    if outcome == FollowUpOutcome.ENDED:
        match.ended_on = timezone.localdate()
        for signup in (match.seeker, match.buddy):
            buddy_signup_status_change(
                signup=signup, status=BuddySignupStatus.ENDED, by=by
            )
    else:
        match.follow_up_on = next_follow_up_on or timezone.localdate() + FOLLOW_UP_AFTER
    match.save()
    log(
        instance=match,
        action="verbuurzamen.follow_up",
        user=by,
        data={"outcome": outcome},
    )
    return match
