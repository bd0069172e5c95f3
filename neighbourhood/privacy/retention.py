"""The retention rule: personal data goes a set time after a submission ended.

Each kind of submission says when one ended (``registry.ended_before``):
handled, at its activity's date, or left unhandled for too long. The same
retention period (``PERSONAL_DATA_RETENTION_DAYS``) then runs for every kind.
Before an unhandled request or claim is erased, the WOP's volunteers are told
once, a notice period ahead, so they can still handle it.

Each submission is erased in a transaction of its own: one that fails is
logged (model and number, nothing about the person) and the rest go on.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from neighbourhood.models import (
    NeighbourhoodPage,
    OutboxEmail,
    PersonalDataLog,
    Submission,
)
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.privacy.services import submission_erase
from neighbourhood.submissions import registry
from neighbourhood.submissions.services import wop_staff_emails

logger = logging.getLogger(__name__)


@dataclass
class RetentionResult:
    # Erased (or, on a dry run, due) per model label: "neighbourhood.buddysignup".
    counts: dict[str, int] = field(default_factory=dict)
    # Submissions that could not be erased: (model label, id).
    failed: list[tuple[str, int]] = field(default_factory=list)
    # Unhandled submissions the volunteers were told about this time.
    warned: int = 0


def retention_cutoff(*, now: datetime | None = None) -> datetime:
    """What ended before this moment has been kept long enough."""
    return (now or timezone.now()) - registry.retention_periods().retention


# Told after its last change: a change since then (a volunteer took it up)
# calls for a new warning when it is due again.
_WARNING_VALID = models.Q(
    retention_warned_at__isnull=False,
    retention_warned_at__gte=models.F("updated_at"),
)


def _unwarned_open(model: type[Submission]):
    return model.objects.filter(
        anonymised_at__isnull=True, status__in=model.open_statuses
    ).exclude(_WARNING_VALID)


def _warned_in_time(submission: Submission, *, now: datetime) -> bool:
    """The volunteers were told about it since its last change, and the day
    they were given has come."""
    warned_at = submission.retention_warned_at
    notice = registry.retention_periods().notice
    return (
        warned_at is not None
        and warned_at >= submission.updated_at
        and timezone.localdate(warned_at + notice) <= timezone.localdate(now)
    )


def retention_warn(*, now: datetime | None = None) -> int:
    """Tell each WOP's volunteers which unhandled requests and claims will be
    erased within the notice period (once per submission). Returns how many
    submissions they were told about."""
    now = now or timezone.now()
    notice = registry.retention_periods().notice
    soon = retention_cutoff(now=now) + notice
    erase_on = timezone.localdate(now + notice)
    per_wop: dict[int, dict[type[Submission], int]] = defaultdict(dict)
    told = 0
    for model in registry.registered_models():
        if not registry.warns_volunteers(model):
            continue
        due = registry.ended_before(_unwarned_open(model), soon)
        ids = list(due.values_list("pk", flat=True))
        if not ids:
            continue
        for row in (
            model.objects.filter(pk__in=ids)
            .values("wop")
            .annotate(n=models.Count("pk"))
            .order_by()
        ):
            per_wop[row["wop"]][model] = row["n"]
        # update(): the warning is no change of the submission itself.
        model.objects.filter(pk__in=ids).update(retention_warned_at=now)
        told += len(ids)
    for wop in NeighbourhoodPage.objects.filter(pk__in=per_wop):
        _warning_send(wop=wop, counts=per_wop[wop.pk], erase_on=erase_on)
    return told


def _warning_send(
    *, wop: NeighbourhoodPage, counts: dict[type[Submission], int], erase_on: date
) -> None:
    staff = wop_staff_emails(wop=wop)
    if not staff:
        return
    lines = [
        f"{count} "
        + str(
            model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
        )
        for model, count in counts.items()
    ]
    email_enqueue(
        to=staff,
        subject=_("Oude aanvragen worden gewist op %(date)s")
        % {"date": formats.date_format(erase_on, "j F Y")},
        template="neighbourhood/email/retention_warning.txt",
        context={"wop": wop, "lines": lines, "erase_on": erase_on},
    )


def _waits_for_notice(submission: Submission, *, now: datetime) -> bool:
    """An unhandled one whose volunteers have not had their notice yet."""
    return (
        registry.warns_volunteers(type(submission))
        and registry.is_open(submission)
        and not _warned_in_time(submission, now=now)
    )


def _erase_one(submission: Submission, *, cutoff: datetime, now: datetime) -> bool:
    """Erase one submission, and the notes on its linked records (a buddy
    match), all or nothing.
    Looked at again under a lock: a volunteer may just have handled it.
    Returns whether it was erased."""
    model = type(submission)
    with transaction.atomic():
        current = model.objects.filter(pk=submission.pk, anonymised_at__isnull=True)
        submission = current.select_for_update().first()
        if (
            submission is None
            or not registry.ended_before(current, cutoff).exists()
            or _waits_for_notice(submission, now=now)
        ):
            return False
        submission_erase(submission=submission)
        registry.linked_scrub(submission)
    return True


def retention_enforce(
    *, now: datetime | None = None, dry_run: bool = False
) -> RetentionResult:
    """Erase every submission that ended more than the retention period ago,
    after warning the volunteers about unhandled ones, and delete e-mail sent
    (or given up on) that long ago. With ``dry_run`` only count. Logs one
    retention row per run."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now=now)
    result = RetentionResult()
    if not dry_run:
        result.warned = retention_warn(now=now)
    for model in registry.registered_models():
        label = model._meta.label_lower
        ended = registry.ended_before(
            model.objects.filter(anonymised_at__isnull=True), cutoff
        ).order_by("pk")
        due = [row for row in ended if not _waits_for_notice(row, now=now)]
        if dry_run:
            result.counts[label] = len(due)
            continue
        result.counts[label] = 0
        for submission in due:
            try:
                erased = _erase_one(submission, cutoff=cutoff, now=now)
            except Exception as error:  # one bad row must not stop the rest
                # The model and number only: an error's text may quote data.
                logger.error(
                    "Retention: %s %s could not be erased (%s)",
                    label,
                    submission.pk,
                    type(error).__name__,
                )
                result.failed.append((label, submission.pk))
            else:
                result.counts[label] += erased

    old_mail = OutboxEmail.objects.filter(
        models.Q(status=OutboxEmail.Status.SENT, sent_at__lt=cutoff)
        | models.Q(status=OutboxEmail.Status.FAILED, created_at__lt=cutoff)
    )
    result.counts[OutboxEmail._meta.label_lower] = old_mail.count()
    if not dry_run:
        old_mail.delete()
        failed = defaultdict(int)
        for label, _pk in result.failed:
            failed[label] += 1
        PersonalDataLog.objects.create(
            action=PersonalDataLog.Action.RETENTION,
            subject_hash="",
            subject_hint=_("bewaartermijn"),
            records=[
                {"model": label, "count": count}
                | ({"failed": failed[label]} if failed[label] else {})
                for label, count in result.counts.items()
            ],
        )
    return result
