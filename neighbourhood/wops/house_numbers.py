"""Dutch house numbers: how people type them and how we store them.

A house number is a number from 1 to 99999, written without leading zeros;
an addition is short, a few letters or digits (``A``, ``2``, ``bis``,
``2-hoog``). People type both in many ways (``012 b``, ``12-B``, ``12b``):
every form that asks for a house number reads it here, so one address is
stored, and compared, one way.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HOUSE_NUMBER_MAX = 99999
ADDITION_MAX_LENGTH = 6
# The longest number with its addition that fits the stored field.
COMBINED_MAX_LENGTH = 10

_NUMBER_RE = re.compile(r"^([0-9]+)(.*)$", re.DOTALL)
# Letters and digits, in parts joined by a dash or a space: "bis", "2-hoog".
_ADDITION_RE = re.compile(r"^[^\W_]+(?:[-\s][^\W_]+)*$")

NOT_A_NUMBER_MESSAGE = _(
    "Dit is geen huisnummer. Een huisnummer begint met een getal, bijvoorbeeld "
    "12 of 12 A."
)
NUMBER_RANGE_MESSAGE = _(
    "Dit huisnummer bestaat niet. Een huisnummer is een getal van 1 tot en met 99999."
)
ADDITION_MESSAGE = _(
    "Deze toevoeging kunnen we niet gebruiken. Een toevoeging is kort: een "
    "paar letters of cijfers, zoals A, 2 of bis."
)
TOO_LONG_MESSAGE = _(
    "Dit huisnummer met toevoeging is te lang. Schrijf het korter, bijvoorbeeld "
    "12 A of 12-2."
)


def normalise_addition(value: str) -> str:
    """``value`` as an addition (``b`` → ``B``, ``-1`` → ``1``, ``BIS`` →
    ``bis``), or raise ValidationError. An empty addition stays empty."""
    cleaned = " ".join((value or "").split()).lstrip("-/ ").strip()
    if not cleaned:
        return ""
    if (
        not cleaned.isascii()
        or not _ADDITION_RE.match(cleaned)
        or len(cleaned) > ADDITION_MAX_LENGTH
    ):
        raise ValidationError(ADDITION_MESSAGE, code="invalid_addition")
    # One letter is written as a capital (12A); longer ones in small letters.
    return cleaned.upper() if len(cleaned) == 1 else cleaned.lower()


def split_house_number(value: str) -> tuple[str, str]:
    """A house number as typed, possibly with its addition, as (number,
    addition): ``012 b`` → (``12``, ``B``). Raises ValidationError."""
    cleaned = (value or "").strip()
    match = _NUMBER_RE.match(cleaned)
    if not match:
        raise ValidationError(NOT_A_NUMBER_MESSAGE, code="invalid_house_number")
    digits = match.group(1).lstrip("0")
    if not digits or len(digits) > len(str(HOUSE_NUMBER_MAX)):
        raise ValidationError(NUMBER_RANGE_MESSAGE, code="house_number_range")
    return digits, normalise_addition(match.group(2))


def format_house_number(number: str, addition: str = "") -> str:
    """Number and addition as one: ``12A``, ``12-2``, ``12 bis``."""
    if not addition:
        return number
    if len(addition) == 1 and addition.isalpha():
        return f"{number}{addition}"
    separator = "-" if addition[0].isdigit() else " "
    return f"{number}{separator}{addition}"


def normalise_house_number(value: str) -> str:
    """A house number typed with its addition, as it is stored: ``012 b`` →
    ``12B``. Raises ValidationError."""
    combined = format_house_number(*split_house_number(value))
    if len(combined) > COMBINED_MAX_LENGTH:
        raise ValidationError(TOO_LONG_MESSAGE, code="house_number_too_long")
    return combined


def house_number_key(house_number: str, addition: str = "") -> str:
    """Number and addition as they compare: ``012``+``b``, ``12 B`` and
    ``12b`` are all ``12B``; ``12-1`` (``12``, addition ``1``) stays apart
    from ``121``. Something that is no house number is compared as typed,
    letters and digits only."""
    try:
        number, typed_addition = split_house_number(house_number)
        addition = normalise_addition(addition) or typed_addition
    except ValidationError:
        return "".join(ch for ch in f"{house_number}{addition}".upper() if ch.isalnum())
    addition = "".join(ch for ch in addition.upper() if ch.isalnum())
    separator = "-" if addition[:1].isdigit() else ""
    return f"{number}{separator}{addition}"


class HouseNumberField(forms.CharField):
    """A house number with its addition in one box (``12 A``), stored the
    one way (``12A``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return normalise_house_number(value) if value else value


class AdditionField(forms.CharField):
    """The addition to a house number, in a box of its own."""

    def clean(self, value):
        return normalise_addition(super().clean(value))
