"""Everything stored about one person, found by e-mail address or phone number.

For the AVG (GDPR) rights of access and erasure: a coordinator asks for a
person and gets every submission of every registered kind in their WOPs,
the records linked to those (a buddy match), and, for coordinators of every WOP, the
e-mail in the outbox to that person and their member account. Things that
belong to no WOP (e-mail, accounts) could tell a WOP coordinator about
another WOP, so only coordinators of every WOP see them.

The person is logged as a keyed hash and a masked hint, never the address
or number itself (``subject_hash``, ``subject_hint``).
"""

import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import F, Value
from django.db.models.functions import Replace

from neighbourhood.models import (
    NeighbourhoodPage,
    OutboxEmail,
    Submission,
    VolunteerProfile,
)
from neighbourhood.scoping.permissions import (
    wop_ids_for_user_with,
    wops_for_user_with,
)
from neighbourhood.submissions import registry
from neighbourhood.submissions.phones import phone_digits

PERSONAL_DATA_PERMISSION = "neighbourhood.manage_personal_data"

# Characters people put between the digits of a phone number.
_PHONE_SEPARATORS = " -().+/"


def email_normalise(value: str) -> str:
    return (value or "").strip().lower()


def subject_hash(value: str) -> str:
    """A keyed hash (HMAC-SHA256 with SECRET_KEY) of a normalised e-mail
    address or phone number: the log can say "this person" without keeping
    who."""
    return hmac.new(
        settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256
    ).hexdigest()


def subject_hint(*, email: str = "", phone: str = "") -> str:
    """A masked form a coordinator recognises: ``h***@example.org``,
    ``06-****5678``."""
    if email:
        local, _at, domain = email.partition("@")
        return f"{local[:1]}***@{domain}"
    if len(phone) > 6:
        return f"{phone[:2]}-****{phone[-4:]}"
    return "****"


def is_staff_account(user) -> bool:
    """Volunteers and coordinators: accounts that are not a resident's own."""
    return user.is_staff or user.is_superuser or user.groups.exists()


def sees_every_wop(user) -> bool:
    """Whether ``user`` handles personal data in every WOP (a city-wide
    coordinator)."""
    every = set(NeighbourhoodPage.objects.values_list("pk", flat=True))
    return every <= wop_ids_for_user_with(user, PERSONAL_DATA_PERMISSION)


@dataclass
class PersonRecords:
    """What is stored about one person, as far as the asking user may see."""

    email: str = ""
    phone: str = ""
    submissions: list[Submission] = field(default_factory=list)
    # Records that hold the person through their submissions (a buddy match).
    linked: list = field(default_factory=list)
    emails: list[OutboxEmail] = field(default_factory=list)
    # Residents' own accounts (members), which erasing deletes.
    accounts: list[AbstractBaseUser] = field(default_factory=list)
    # Accounts of volunteers or coordinators with this address or number:
    # shown, never erased here.
    staff_accounts: list[AbstractBaseUser] = field(default_factory=list)
    # False for WOP coordinators: e-mail and accounts were not looked at.
    includes_unscoped: bool = False

    @property
    def subject(self) -> str:
        return self.email or self.phone

    @property
    def subject_hash(self) -> str:
        return subject_hash(self.subject)

    @property
    def subject_hint(self) -> str:
        return subject_hint(email=self.email, phone=self.phone)

    @property
    def is_empty(self) -> bool:
        return not (
            self.submissions
            or self.linked
            or self.emails
            or self.accounts
            or self.staff_accounts
        )

    def groups(self) -> list[dict]:
        """The submissions by kind, then WOP: ``[{"kind", "wop", "records"}]``,
        each record as ``{"submission", "about"}`` (what it was for)."""
        grouped = defaultdict(list)
        for submission in self.submissions:
            kind = submission._meta.verbose_name_plural
            grouped[(str(kind).capitalize(), submission.wop.title)].append(
                {"submission": submission, "about": registry.describe(submission)}
            )
        return [
            {"kind": kind, "wop": wop, "records": records}
            for (kind, wop), records in sorted(grouped.items())
        ]

    def keys(self) -> list[str]:
        """One key per record, ``"<model label>:<pk>"``: what the confirmation
        step showed, so erasing touches exactly that."""
        rows = [*self.submissions, *self.linked, *self.emails, *self.accounts]
        return [record_key(row) for row in rows]

    def log_records(self) -> list[dict]:
        """What the personal-data log keeps: kinds, ids and WOPs, no content."""
        rows = [
            {"model": row._meta.label_lower, "id": row.pk, "wop": row.wop_id}
            for row in [*self.submissions, *self.linked]
        ]
        rows += [
            {"model": row._meta.label_lower, "id": row.pk}
            for row in [*self.emails, *self.accounts]
        ]
        return rows

    def only(self, keys) -> "PersonRecords":
        """These records cut down to those whose key is in ``keys``."""
        keys = set(keys)

        def keep(rows):
            return [row for row in rows if record_key(row) in keys]

        return PersonRecords(
            email=self.email,
            phone=self.phone,
            submissions=keep(self.submissions),
            linked=keep(self.linked),
            emails=keep(self.emails),
            accounts=keep(self.accounts),
            staff_accounts=self.staff_accounts,
            includes_unscoped=self.includes_unscoped,
        )


def record_key(row) -> str:
    return f"{row._meta.label_lower}:{row.pk}"


def _digits_expression(field_name: str):
    expression = F(field_name)
    for char in _PHONE_SEPARATORS:
        expression = Replace(expression, Value(char), Value(""))
    return expression


def _with_phone(queryset, field_name: str, digits: str) -> list:
    """Rows of ``queryset`` whose ``field_name`` is the number ``digits``
    however it was typed: narrowed in the database, confirmed here."""
    candidates = queryset.alias(_digits=_digits_expression(field_name)).filter(
        _digits__endswith=digits.lstrip("0")
    )
    return [
        row for row in candidates if phone_digits(getattr(row, field_name)) == digits
    ]


def _by_email_or_phone(queryset, *, email: str, digits: str) -> list:
    found = {}
    if email:
        found.update((row.pk, row) for row in queryset.filter(email__iexact=email))
    if digits:
        found.update((row.pk, row) for row in _with_phone(queryset, "phone", digits))
    return list(found.values())


def _accounts_find(*, email: str, digits: str) -> list:
    """Accounts with this e-mail address, or with this phone number in their
    profile (the host's user model has no phone of its own)."""
    found = {}
    if email:
        accounts = get_user_model().objects.filter(email__iexact=email)
        found.update((account.pk, account) for account in accounts)
    if digits:
        profiles = VolunteerProfile.objects.select_related("user")
        for profile in _with_phone(profiles, "phone", digits):
            found[profile.user.pk] = profile.user
    return list(found.values())


def _addressed_to(addresses: set[str]) -> list[OutboxEmail]:
    found = {}
    for address in addresses:
        for message in OutboxEmail.objects.filter(to__icontains=address):
            if address in {email_normalise(to) for to in message.to}:
                found[message.pk] = message
    return sorted(found.values(), key=lambda message: message.created_at)


def person_records_find(*, email: str = "", phone: str = "", user) -> PersonRecords:
    """Every record about the person with this e-mail address or phone number
    that ``user`` may see. E-mail compares case-insensitively, phone numbers on
    their digits (``06-12345678`` is ``+31 6 12345678``). Anonymised records
    are no longer about anyone and are left out."""
    email = email_normalise(email)
    digits = phone_digits(phone) if phone else ""
    records = PersonRecords(email=email, phone=digits)
    if not (email or digits):
        return records

    wops = wops_for_user_with(user, PERSONAL_DATA_PERMISSION)
    for model in registry.registered_models():
        queryset = model.objects.filter(wop__in=wops, anonymised_at__isnull=True)
        queryset = queryset.select_related("wop")
        found = _by_email_or_phone(queryset, email=email, digits=digits)
        records.submissions += sorted(found, key=lambda row: row.created_at)

    records.linked = registry.linked_find(records.submissions, wops)

    records.includes_unscoped = sees_every_wop(user)
    if records.includes_unscoped:
        # Mail about the records found counts too, whichever address it went to.
        addresses = {email} | {
            email_normalise(row.email) for row in records.submissions if row.email
        }
        records.emails = _addressed_to(addresses - {""})
        accounts = _accounts_find(email=email, digits=digits)
        for account in accounts:
            if is_staff_account(account):
                records.staff_accounts.append(account)
            else:
                records.accounts.append(account)
    return records
