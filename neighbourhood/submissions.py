"""The kinds of submission a resident can withdraw with their private link.

One withdraw link works for every kind: each submission model registers
here, and ``find_by_token`` looks a token up in all of them. An app with a
submission model of its own registers it in its ``AppConfig.ready()``::

    from neighbourhood import submissions
    submissions.register(EventRSVP, describe=..., withdraw=rsvp_cancel)

``withdraw`` is what withdrawing does for that kind (default: mark it
withdrawn and anonymise it); a kind whose withdrawal frees a place, such as
an RSVP, passes its own. ``closed_before(queryset, cutoff)`` narrows a
queryset of that kind to the submissions that were over (ended, delivered,
declined, past) before ``cutoff``: the retention rule erases those once the
retention period has passed. A kind without it is never over by itself.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import (
    ActionRequest,
    ActionStatus,
    BuddySignup,
    BuddySignupStatus,
    Submission,
)
from neighbourhood.services import submission_withdraw


@dataclass(frozen=True)
class SubmissionKind:
    model: type[Submission]
    # What the resident signed up for, in a few words: "maatjesproject ‘X’".
    describe: Callable[[Submission], str]
    # Called as withdraw(submission=..., by=...).
    withdraw: Callable[..., Submission]
    # closed_before(queryset, cutoff): those of queryset over before cutoff.
    closed_before: Callable[[QuerySet, datetime], QuerySet]


_kinds: dict[type[Submission], SubmissionKind] = {}


def _never_closed(queryset: QuerySet, cutoff: datetime) -> QuerySet:
    return queryset.none()


def register(
    model: type[Submission], *, describe=None, withdraw=None, closed_before=None
) -> type[Submission]:
    """Make ``model``'s submissions withdrawable by their token."""
    _kinds[model] = SubmissionKind(
        model=model,
        describe=describe or (lambda s: str(model._meta.verbose_name)),
        withdraw=withdraw or submission_withdraw,
        closed_before=closed_before or _never_closed,
    )
    return model


def registered_models() -> list[type[Submission]]:
    return list(_kinds)


def find_by_token(token: str) -> Submission | None:
    """The submission whose private withdraw token this is, of any kind."""
    for model in _kinds:
        submission = model.objects.filter(token=token).first()
        if submission is not None:
            return submission
    return None


def closed_before(queryset: QuerySet, cutoff: datetime) -> QuerySet:
    """The submissions in ``queryset`` (of one kind) that were over before
    ``cutoff``."""
    return _kinds[queryset.model].closed_before(queryset, cutoff)


def is_closed(submission: Submission, *, now: datetime | None = None) -> bool:
    """Whether ``submission`` is over (ended, delivered, declined, past)."""
    queryset = type(submission).objects.filter(pk=submission.pk)
    return closed_before(queryset, now or timezone.now()).exists()


def describe(submission: Submission) -> str:
    """What ``submission`` was for, for the resident withdrawing it."""
    return _kinds[type(submission)].describe(submission)


def withdraw(submission: Submission, *, by=None) -> Submission:
    """Withdraw ``submission`` the way its kind needs."""
    return _kinds[type(submission)].withdraw(submission=submission, by=by)


def _describe_buddy_signup(signup: BuddySignup) -> str:
    if signup.project is None:
        return str(_("een maatjesproject"))
    return _("het maatjesproject ‘%(title)s’") % {"title": signup.project.title}


def _describe_action_request(request: ActionRequest) -> str:
    return _("uw aanvraag (%(kind)s)") % {"kind": request.get_kind_display().lower()}


def _buddy_signups_closed_before(queryset: QuerySet, cutoff: datetime) -> QuerySet:
    """Ended sign-ups, from the last change on."""
    return queryset.filter(status=BuddySignupStatus.ENDED, updated_at__lt=cutoff)


def _action_requests_closed_before(queryset: QuerySet, cutoff: datetime) -> QuerySet:
    """Delivered or placed (on or before the cutoff's day) and declined requests."""
    day = timezone.localdate(cutoff)
    done = Q(status=ActionStatus.DONE) & (
        Q(handled_on__lte=day) | Q(handled_on__isnull=True, updated_at__lt=cutoff)
    )
    declined = Q(status=ActionStatus.DECLINED, updated_at__lt=cutoff)
    return queryset.filter(done | declined)


register(
    BuddySignup,
    describe=_describe_buddy_signup,
    closed_before=_buddy_signups_closed_before,
)
register(
    ActionRequest,
    describe=_describe_action_request,
    closed_before=_action_requests_closed_before,
)
