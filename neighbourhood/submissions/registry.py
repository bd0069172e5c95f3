"""The kinds of submission a resident can withdraw with their private link.

One withdraw link works for every kind: each submission model registers
here, and ``find_by_token`` looks a token up in all of them. An app (or a
room of this one: ``neighbourhood.buddies.kind``) with a submission model of
its own registers it in its ``AppConfig.ready()``::

    from neighbourhood.submissions import registry
    registry.register(
        EventRSVP, ended_before=..., describe=..., withdraw=rsvp_cancel
    )

``withdraw`` is what withdrawing does for that kind (default: mark it
withdrawn and anonymise it); a kind whose withdrawal frees a place, such as
an RSVP, passes its own.

``ended_before(queryset, moment)`` is where a kind says when a submission
ended: it narrows a queryset of that kind to the submissions that ended
before ``moment``. Every submission ends somewhere: when it was handled
(delivered, placed, declined, a match stopped), at the date of its activity,
or, when nobody handled it, a set time after its last change
(``retention_periods``). The retention rule erases a submission the same
retention period after it ended, whatever the kind. With
``warn_volunteers`` the WOP's volunteers are told before an unhandled one is
erased. A model's ``open_statuses`` are those in which a submission still
waits for something: erasing one of those withdraws it (``is_open``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Q, QuerySet

from neighbourhood.conf import verbuurzamen_settings
from neighbourhood.models import Submission
from neighbourhood.submissions.services import submission_withdraw


@dataclass(frozen=True)
class LinkedRecords:
    """Records that are no submission but hold a person through their
    submissions (a buddy match holds both sign-ups): found, exported and
    erased with them (AVG)."""

    model: type
    # find(submissions, wops): the records of these submissions in these WOPs.
    find: Callable[[list[Submission], QuerySet], list]
    # export(record, submissions): the record as the person may receive it.
    export: Callable[[object, list[Submission]], dict]
    # end(record, by=...): the person leaves; the record ends, its notes go.
    end: Callable[..., None]
    # scrub(submissions): the notes on the records of these submissions go.
    scrub: Callable[[list[Submission]], list]


@dataclass(frozen=True)
class SubmissionKind:
    model: type[Submission]
    # What the resident signed up for, in a few words: "maatjesproject ‘X’".
    describe: Callable[[Submission], str]
    # Called as withdraw(submission=..., by=...).
    withdraw: Callable[..., Submission]
    # ended_before(queryset, moment): those of queryset that ended before moment.
    ended_before: Callable[[QuerySet, datetime], QuerySet]
    # Whether the WOP's volunteers are told before an unhandled one is erased
    # (the model then has a ``retention_warned_at`` field).
    warn_volunteers: bool = False
    linked: LinkedRecords | None = None


@dataclass(frozen=True)
class RetentionPeriods:
    """How long personal data is kept; each is a setting with a default."""

    # After a submission ended (PERSONAL_DATA_RETENTION_DAYS).
    retention: timedelta
    # A buddy sign-up never matched ends this long after its last change
    # (PERSONAL_DATA_UNMATCHED_SIGNUP_MONTHS).
    unmatched_signup: relativedelta
    # A request or claim nobody handled ends this long after its last change
    # (PERSONAL_DATA_UNHANDLED_REQUEST_MONTHS).
    unhandled_request: relativedelta
    # The volunteers are told this long before an unhandled one is erased
    # (PERSONAL_DATA_RETENTION_NOTICE_DAYS).
    notice: timedelta


def retention_periods() -> RetentionPeriods:
    """The retention settings, read here and nowhere else."""
    return RetentionPeriods(
        retention=timedelta(days=verbuurzamen_settings.PERSONAL_DATA_RETENTION_DAYS),
        unmatched_signup=relativedelta(
            months=verbuurzamen_settings.PERSONAL_DATA_UNMATCHED_SIGNUP_MONTHS
        ),
        unhandled_request=relativedelta(
            months=verbuurzamen_settings.PERSONAL_DATA_UNHANDLED_REQUEST_MONTHS
        ),
        notice=timedelta(
            days=verbuurzamen_settings.PERSONAL_DATA_RETENTION_NOTICE_DAYS
        ),
    )


_kinds: dict[type[Submission], SubmissionKind] = {}


def register(
    model: type[Submission],
    *,
    ended_before,
    describe=None,
    withdraw=None,
    warn_volunteers=False,
    linked=None,
) -> type[Submission]:
    """Make ``model``'s submissions withdrawable by their token, and say when
    one has ended (``ended_before``, for the retention rule) and which
    ``LinkedRecords`` hold the person through one (``linked``)."""
    _kinds[model] = SubmissionKind(
        model=model,
        describe=describe or (lambda s: str(model._meta.verbose_name)),
        withdraw=withdraw or submission_withdraw,
        ended_before=ended_before,
        warn_volunteers=warn_volunteers,
        linked=linked,
    )
    return model


def registered_models() -> list[type[Submission]]:
    return list(_kinds)


def _linked() -> list[tuple[type[Submission], LinkedRecords]]:
    return [(model, kind.linked) for model, kind in _kinds.items() if kind.linked]


def linked_models() -> list[type]:
    """The models of every kind's ``LinkedRecords``."""
    return [linked.model for _model, linked in _linked()]


def linked_find(submissions: list[Submission], wops: QuerySet) -> list:
    """The linked records of ``submissions`` (of any kinds) in ``wops``."""
    found = []
    for model, linked in _linked():
        own = [row for row in submissions if type(row) is model]
        if own:
            found += linked.find(own, wops)
    return found


def _linked_of(record) -> LinkedRecords:
    return next(linked for _model, linked in _linked() if type(record) is linked.model)


def linked_export(record, submissions: list[Submission]) -> dict:
    """``record`` as the person it holds through ``submissions`` may receive
    it."""
    return _linked_of(record).export(record, submissions)


def linked_end(record, *, by=None) -> None:
    """The person leaves ``record``: it ends, and its notes go."""
    _linked_of(record).end(record, by=by)


def linked_scrub(submission: Submission) -> list:
    """The notes on the records linked to ``submission`` go; returns those
    records."""
    linked = _kinds[type(submission)].linked
    return linked.scrub([submission]) if linked else []


def find_by_token(token: str) -> Submission | None:
    """The submission whose private withdraw token this is, of any kind."""
    for model in _kinds:
        submission = model.objects.filter(token=token).first()
        if submission is not None:
            return submission
    return None


def ended_before(queryset: QuerySet, moment: datetime) -> QuerySet:
    """The submissions in ``queryset`` (of one kind) that ended before
    ``moment``."""
    return _kinds[queryset.model].ended_before(queryset, moment)


def warns_volunteers(model: type[Submission]) -> bool:
    return _kinds[model].warn_volunteers


def is_open(submission: Submission) -> bool:
    """Whether ``submission`` still waits for something (a volunteer, a
    match, its date): erasing it withdraws it the way its kind needs; one
    that is done with is only anonymised, so it stays as it was done."""
    return submission.status in submission.open_statuses


def describe(submission: Submission) -> str:
    """What ``submission`` was for, for the resident withdrawing it."""
    return _kinds[type(submission)].describe(submission)


def withdraw(submission: Submission, *, by=None) -> Submission:
    """Withdraw ``submission`` the way its kind needs."""
    return _kinds[type(submission)].withdraw(submission=submission, by=by)


def unhandled_ended_before(model: type[Submission], moment: datetime) -> Q:
    """Requests and claims nobody handled: they end a set time after their
    last change (``retention_periods().unhandled_request``)."""
    given_up = moment - retention_periods().unhandled_request
    return Q(status__in=model.open_statuses, updated_at__lt=given_up)
