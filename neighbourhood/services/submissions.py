"""What every kind of submission shares: consent, staff to notify, withdrawal."""

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.utils import get_admin_base_url
from wagtail.log_actions import log
from wagtail.models import Site

from neighbourhood.models import (
    ConsentMethod,
    NeighbourhoodPage,
    PrivacySettings,
    Submission,
    WopRole,
)
from neighbourhood.services.access import COORDINATORS_GROUP


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
    """The absolute private withdraw link of ``submission``, for e-mail sent
    outside a request (the site's base URL is WAGTAILADMIN_BASE_URL)."""
    base = (get_admin_base_url() or "").rstrip("/")
    return base + reverse("neighbourhood:withdraw", args=[submission.token])


def wop_staff_emails(*, wop: NeighbourhoodPage) -> list[str]:
    """Whom to tell about news in ``wop``: its volunteers, or the coordinators
    when it has none yet."""
    from neighbourhood.models import User

    active = User.objects.filter(is_active=True).exclude(email="")
    volunteers = active.filter(
        groups__wop_role__wop=wop, groups__wop_role__role=WopRole.VOLUNTEERS
    )
    recipients = (
        volunteers
        if volunteers.exists()
        else active.filter(groups__name=COORDINATORS_GROUP)
    )
    return sorted(set(recipients.values_list("email", flat=True)))


def submission_anonymise(*, submission: Submission, by=None) -> Submission:
    """Erase the person from ``submission``; keep what the yearly figures count
    (WOP, kind, status, dates and the 4-digit postcode area)."""
    for name in submission.personal_fields:
        field = submission._meta.get_field(name)
        setattr(submission, name, [] if isinstance(field, models.JSONField) else "")
    submission.postcode = submission.postcode[:4]
    submission.anonymised_at = timezone.now()
    submission.save()
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
