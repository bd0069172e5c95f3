"""The AVG (GDPR) rights of access and erasure (the retention rule is in
``retention``).

Erasing keeps the rows and what the yearly figures count (WOP, kind, status,
dates, the 4-digit postcode area) and takes the person out: names, contact
details, free text, the e-mail sent to them, the names in the admin history.
A resident's member account is deleted outright (not deactivated): an
account holds nothing but who they are, so an empty shell would serve no one.
Accounts of volunteers and coordinators are never erased here.
"""

import re
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from neighbourhood.models import (
    OutboxEmail,
    PersonalDataLog,
    Submission,
    profile_for,
)
from neighbourhood.privacy.records import PersonRecords, email_normalise
from neighbourhood.submissions import registry
from neighbourhood.submissions.services import log_entries_scrub, submission_anonymise

# Fields the export leaves out: internal, or the private withdraw token.
_EXPORT_SKIPPED = {
    "id",
    "wop",
    "token",
    "print_token",
    "address_key",
    "retention_warned_at",
}
_CONSENT_FIELDS = (
    "consent_text",
    "consent_privacy_version",
    "consent_at",
    "consent_method",
)


def field_display(instance, field) -> object:
    """A field's value as the person would read it, JSON-safe."""
    value = getattr(instance, field.attname)
    if value in (None, ""):
        return value
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    if isinstance(field, models.ForeignKey):
        if field.related_model is get_user_model():
            # Someone else's name: say who they were, not which one.
            return _("een vrijwilliger")
        return str(getattr(instance, field.name))
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _submission_export(submission: Submission) -> dict:
    fields = [
        field
        for field in submission._meta.concrete_fields
        if field.name not in _EXPORT_SKIPPED and field.name not in _CONSENT_FIELDS
    ]
    return {
        "soort": str(submission._meta.verbose_name),
        "nummer": submission.pk,
        "wijk": submission.wop.title,
        "waarvoor": str(registry.describe(submission)),
        "status": (
            str(submission.get_status_display())
            if hasattr(submission, "get_status_display")
            else None
        ),
        "gegevens": {
            str(field.verbose_name): field_display(submission, field)
            for field in fields
        },
        "toestemming": {
            str(submission._meta.get_field(name).verbose_name): field_display(
                submission, submission._meta.get_field(name)
            )
            for name in _CONSENT_FIELDS
        },
    }


def _email_export(message: OutboxEmail) -> dict:
    return {
        "aan": message.to,
        "onderwerp": message.subject,
        "tekst": message.body,
        "aangemaakt": timezone.localtime(message.created_at).isoformat(),
        "status": str(message.get_status_display()),
        "verstuurd": (
            timezone.localtime(message.sent_at).isoformat() if message.sent_at else None
        ),
    }


def _account_export(account) -> dict:
    # Names and dates as AbstractUser has them; a host's own user model may
    # leave some out (only ``email`` is required, check verbuurzamen.E008).
    profile = profile_for(account)
    joined = getattr(account, "date_joined", None)
    last_login = getattr(account, "last_login", None)
    return {
        "e-mailadres": account.email,
        "voornaam": getattr(account, "first_name", ""),
        "achternaam": getattr(account, "last_name", ""),
        "telefoonnummer": profile.phone,
        "eigen wijk": profile.home_wop.title if profile.home_wop else None,
        "aangemaakt": timezone.localtime(joined).isoformat() if joined else None,
        "laatst ingelogd": (
            timezone.localtime(last_login).isoformat() if last_login else None
        ),
    }


def _log_write(*, action: str, records: PersonRecords, by) -> PersonalDataLog:
    return PersonalDataLog.objects.create(
        action=action,
        by=by,
        subject_hash=records.subject_hash,
        subject_hint=records.subject_hint,
        records=records.log_records(),
    )


def person_data_export(*, records: PersonRecords, by) -> dict:
    """Everything stored about the person, for them to receive (right of
    access); logged as an export."""
    export = {
        "gemaakt_op": timezone.localtime().isoformat(),
        "aanvragen": [_submission_export(row) for row in records.submissions],
        "koppelingen": [
            registry.linked_export(row, records.submissions) for row in records.linked
        ],
        "e-mails": [_email_export(row) for row in records.emails],
        "accounts": [_account_export(row) for row in records.accounts],
    }
    _log_write(action=PersonalDataLog.Action.EXPORT, records=records, by=by)
    return export


# How ``field_display`` writes a date or a moment.
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T[\d:.+-]+)?$")


def export_context(export: dict) -> dict:
    """``person_data_export``'s answer for the page to read and print: the
    same sections, each value as text ("–" when empty)."""

    def readable(value) -> str:
        if value in (None, "", []):
            return "–"
        if isinstance(value, bool):
            return str(_("ja") if value else _("nee"))
        if isinstance(value, list):
            return ", ".join(readable(item) for item in value)
        if isinstance(value, str) and _ISO_DATE.match(value):
            moment = datetime.fromisoformat(value)
            return date_format(moment, "j F Y, H.i" if "T" in value else "j F Y")
        return str(value)

    def rows(mapping: dict) -> list[tuple[str, str]]:
        return [(key, readable(value)) for key, value in mapping.items()]

    return {
        "made_at": readable(export["gemaakt_op"]),
        "submissions": [
            {
                "kind": row["soort"],
                "wop": row["wijk"],
                "about": row["waarvoor"],
                "status": readable(row["status"]),
                "data": rows(row["gegevens"]),
                "consent": rows(row["toestemming"]),
            }
            for row in export["aanvragen"]
        ],
        "linked": [rows(row) for row in export["koppelingen"]],
        "emails": [rows(row) for row in export["e-mails"]],
        "accounts": [rows(row) for row in export["accounts"]],
    }


def list_export_log(*, queryset, by) -> PersonalDataLog:
    """An admin listing downloaded as a spreadsheet holds many people's data:
    log who took which list, when, and how many rows."""
    count = queryset.count()
    hint = _("Lijst: %(name)s (%(count)s)") % {
        "name": queryset.model._meta.verbose_name_plural,
        "count": count,
    }
    return PersonalDataLog.objects.create(
        action=PersonalDataLog.Action.EXPORT,
        by=by,
        subject_hash="",
        subject_hint=hint[:100],
        records=[{"model": queryset.model._meta.label_lower, "count": count}],
    )


def submission_erase(*, submission: Submission, by=None) -> str:
    """Take the person out of one submission: one that still waits for
    something is withdrawn the way its kind needs (an RSVP frees its place,
    a claim returns its present); one that is done with is anonymised as it
    was done, so the figures keep it. Returns "withdrawn" or "anonymised"."""
    if registry.is_open(submission):
        registry.withdraw(submission, by=by)
        return "withdrawn"
    submission_anonymise(submission=submission, by=by)
    return "anonymised"


@transaction.atomic
def person_data_erase(*, records: PersonRecords, by) -> dict:
    """Erase the person (right to erasure) and log it. An active submission
    is withdrawn the way its kind needs (an RSVP frees its place, a claim
    returns its present); a finished one is anonymised so the figures keep
    it. Returns what was done, in counts."""
    summary = {
        "withdrawn": 0,
        "anonymised": 0,
        "matches": 0,
        "emails": 0,
        "accounts": 0,
        "log_entries": 0,
    }
    # Before anonymising: the addresses their e-mail went to.
    addresses = {email_normalise(row.email) for row in records.submissions} | {
        records.email
    }
    for submission in records.submissions:
        summary[submission_erase(submission=submission, by=by)] += 1

    for record in records.linked:
        # One of them has left: the record ends, for the others too.
        registry.linked_end(record, by=by)
        summary["matches"] += 1

    for message in records.emails:
        message.to = [to for to in message.to if email_normalise(to) not in addresses]
        if message.to:
            message.save(update_fields=["to"])
        else:
            message.delete()
        summary["emails"] += 1

    summary["log_entries"] = log_entries_scrub(
        instances=[*records.submissions, *records.linked, *records.accounts]
    )
    for account in records.accounts:
        account.delete()
        summary["accounts"] += 1

    _log_write(action=PersonalDataLog.Action.ERASE, records=records, by=by)
    return summary
