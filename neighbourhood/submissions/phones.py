"""Dutch phone numbers as people type them."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MALFORMED_MESSAGE = _(
    "Dit is geen geldig telefoonnummer. Vul 10 cijfers in, bijvoorbeeld "
    "010-123 45 67 of 06-12345678."
)


def phone_digits(value: str) -> str:
    """The number reduced to digits in national form: ``+31 6 1234 5678`` →
    ``0612345678``. Used to recognise the same number typed two ways."""
    digits = re.sub(r"\D", "", value or "")
    if value.strip().startswith("+31") or digits.startswith("0031"):
        digits = "0" + digits.removeprefix("00").removeprefix("31")
    return digits


def validate_phone(value: str) -> str:
    """Return ``value`` tidied, or raise ValidationError with a Dutch message."""
    cleaned = " ".join((value or "").split())
    if re.search(r"[^\d\s()+\-.]", cleaned):
        raise ValidationError(MALFORMED_MESSAGE, code="invalid_phone")
    digits = phone_digits(cleaned)
    if cleaned.startswith("+") and not cleaned.startswith("+31"):
        if not 8 <= len(digits) <= 15:
            raise ValidationError(MALFORMED_MESSAGE, code="invalid_phone")
    elif len(digits) != 10 or not digits.startswith("0"):
        raise ValidationError(MALFORMED_MESSAGE, code="invalid_phone")
    return cleaned
