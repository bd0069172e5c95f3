"""What every kind of submission shares: consent, staff to notify, withdrawal."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Site

from neighbourhood.addresses import absolute_url
from neighbourhood.models import (
    COORDINATORS_GROUP,
    ConsentMethod,
    NeighbourhoodPage,
    PrivacySettings,
    Submission,
    WopRole,
)


def consent_record(*, text: str, method: str = ConsentMethod.ONLINE, site=None) -> dict:
    """The consent fields for a new submission: what, which statement, when, how."""
    site = site or Site.objects.filter(is_default_site=True).first()
    version = (
        PrivacySettings.for_site(site).statement_version()
        if site is not None
        else "geen site ingesteld"
    )
    return {
        "consent_text": str(text),
        "consent_privacy_version": version,
        "consent_at": timezone.now(),
        "consent_method": method,
    }


def submission_withdraw_url(submission: Submission) -> str:
    """The absolute private withdraw link of ``submission``, for its e-mail:
    on the site's public address (``neighbourhood.addresses``), whichever
    host the form was sent from.

    The one builder of the link: services take it as ``withdraw_url_for``."""
    return absolute_url(reverse("neighbourhood:withdraw", args=[submission.token]))


def wop_staff_emails(*, wop: NeighbourhoodPage, except_user=None) -> list[str]:
    """Whom to tell about news in ``wop``: its volunteers, or the coordinators
    when it has none yet. Never ``except_user``, who brought the news (a
    volunteer who entered a submission for a resident knows of it)."""
    active = get_user_model().objects.filter(is_active=True).exclude(email="")
    volunteers = active.filter(
        groups__wop_role__wop=wop, groups__wop_role__role=WopRole.VOLUNTEERS
    )
    recipients = (
        volunteers
        if volunteers.exists()
        else active.filter(groups__name=COORDINATORS_GROUP)
    )
    if except_user is not None and except_user.pk is not None:
        recipients = recipients.exclude(pk=except_user.pk)
    return sorted(set(recipients.values_list("email", flat=True)))


# What a log entry may keep of its data once its record is anonymised:
# status changes and follow-up outcomes, never free text.
_LOG_DATA_KEPT = ("from", "to", "outcome")


def anonymised_label() -> str:
    return gettext("(geanonimiseerd)")


def log_entries_scrub(*, instances) -> int:
    """Replace the person's name in the admin history of ``instances``
    (Wagtail stores ``str(instance)`` as each entry's label) and drop any
    free text from the entries' data. Returns how many entries changed."""
    by_type: dict[ContentType, list[str]] = {}
    for instance in instances:
        content_type = ContentType.objects.get_for_model(
            instance, for_concrete_model=False
        )
        by_type.setdefault(content_type, []).append(str(instance.pk))
    label = anonymised_label()
    changed = 0
    for content_type, ids in by_type.items():
        entries = ModelLogEntry.objects.filter(
            content_type=content_type, object_id__in=ids
        )
        for entry in entries:
            data = {key: entry.data[key] for key in _LOG_DATA_KEPT if key in entry.data}
            if entry.label == label and data == entry.data:
                continue
            entry.label, entry.data = label, data
            entry.save(update_fields=["label", "data"])
            changed += 1
    return changed


def submission_anonymise(*, submission: Submission, by=None) -> Submission:
    """Erase the person from ``submission``; keep what the yearly figures count
    (WOP, kind, status, dates and the 4-digit postcode area)."""
    for name in submission.personal_fields:
        field = submission._meta.get_field(name)
        setattr(submission, name, [] if isinstance(field, models.JSONField) else "")
    submission.postcode = submission.postcode[:4]
    submission.anonymised_at = timezone.now()
    submission.save()
    # The history named the person too (each entry's label is str(submission)).
    log_entries_scrub(instances=[submission])
    log(instance=submission, action="verbuurzamen.anonymise", user=by)
    return submission


@transaction.atomic
def submission_withdraw(*, submission: Submission, by=None) -> Submission:
    """The resident withdraws: status withdrawn, then anonymised."""
    if submission.anonymised_at is not None:
        return submission
    submission.withdrawn_at = timezone.now()
    if hasattr(submission, "withdrawn_status"):
        submission.status = submission.withdrawn_status
    return submission_anonymise(submission=submission, by=by)
