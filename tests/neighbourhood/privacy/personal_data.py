"""What the privacy tests look at: the personal data a submission holds, and
whether the personal-data log holds a person's contact details."""

import json

from events.models import EventRSVP
from neighbourhood.models import ActionRequest, BuddySignup, PersonalDataLog
from welcome_pack.models import WelcomePackClaim

# Per kind, every field that says who someone is or what they or a volunteer
# wrote about them. Listed here, not taken from the models' own
# ``personal_fields``: a field dropped from those must make a test fail.
PERSONAL_FIELDS = {
    BuddySignup: (
        "name",
        "email",
        "phone",
        "street",
        "house_number",
        "interests",
        "interests_other",
        "availability",
        "languages",
        "languages_other",
        "meeting_needs",
        "message",
    ),
    ActionRequest: (
        "name",
        "email",
        "phone",
        "street",
        "house_number",
        "message",
        "recipient_street",
        "recipient_house_number",
        "recipient_postcode",
        "address_key",
        "decline_reason",
    ),
    WelcomePackClaim: (
        "name",
        "email",
        "phone",
        "street",
        "house_number",
        "house_number_addition",
        "address_key",
        "not_delivered_reason",
    ),
    EventRSVP: ("name", "email", "phone", "street", "house_number"),
}


def personal_data_left(record) -> dict:
    """The personal data ``record`` still holds, as stored now: ``{}`` when
    none. The postcode may keep its four digits (the area), no more."""
    record = type(record).objects.get(pk=record.pk)
    left = {
        name: getattr(record, name)
        for name in PERSONAL_FIELDS[type(record)]
        if getattr(record, name)
    }
    if len(record.postcode) > 4:
        left["postcode"] = record.postcode
    return left


# What people put between the digits of a phone number.
_SEPARATORS = " -().+/"


def _digits_only(text: str) -> str:
    for character in _SEPARATORS:
        text = text.replace(character, "")
    return text


def log_holds_contact(*, email: str = "", phone: str = "") -> list[str]:
    """Every column of every personal-data log row that holds ``email`` (any
    case) or ``phone`` in any notation (06-…, +31 6 …, 0031 6 …), as
    ``"<id>.<column>"``."""
    # The number without its trunk or country code: 612345678.
    national = _digits_only(phone)[-9:] if phone else ""
    found = []
    for row in PersonalDataLog.objects.all():
        for column in PersonalDataLog._meta.concrete_fields:
            value = getattr(row, column.attname)
            text = value if isinstance(value, str) else json.dumps(value, default=str)
            if email and email.lower() in text.lower():
                found.append(f"{row.pk}.{column.name}")
            elif national and national in _digits_only(text):
                found.append(f"{row.pk}.{column.name}")
    return found
