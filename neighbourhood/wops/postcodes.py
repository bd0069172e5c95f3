"""Dutch postcodes: how people type them and how we store them.

A postcode is four digits (the first not 0) and two letters; we store it as
six characters without a space (``2903AB``) so that ranges compare as plain
strings, and show it with a space (``2903 AB``).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from neighbourhood.wops.house_numbers import house_number_key

POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})\s*([A-Z]{2})$")
AREA_RE = re.compile(r"^[1-9][0-9]{3}$")
# Letter pairs PostNL never uses.
UNUSED_LETTERS = {"SA", "SD", "SS"}

MALFORMED_MESSAGE = _(
    "Dit is geen geldige postcode. Een postcode heeft 4 cijfers en 2 letters, "
    "bijvoorbeeld 2903 AB."
)


def normalise_postcode(value: str) -> str:
    """Return ``value`` as a six-character postcode, or raise ValidationError."""
    cleaned = " ".join((value or "").split()).upper()
    match = POSTCODE_RE.match(cleaned)
    if not match or match.group(2) in UNUSED_LETTERS:
        raise ValidationError(MALFORMED_MESSAGE, code="invalid_postcode")
    return match.group(1) + match.group(2)


def format_postcode(value: str) -> str:
    """``2903AB`` → ``2903 AB``."""
    return f"{value[:4]} {value[4:]}" if len(value) == 6 else value


def normalise_range_bound(value: str, *, upper: bool) -> str:
    """A bound of a postcode area: a full postcode, or a 4-digit area.

    A 4-digit area stands for all of it, so as the lower bound it becomes
    ``…AA`` and as the upper bound ``…ZZ``.
    """
    cleaned = "".join((value or "").split())
    if AREA_RE.match(cleaned):
        return cleaned + ("ZZ" if upper else "AA")
    try:
        return normalise_postcode(value)
    except ValidationError:
        raise ValidationError(
            _(
                "Vul een postcodegebied in (4 cijfers, zoals 2903) of een "
                "volledige postcode (zoals 2903 AB)."
            ),
            code="invalid_postcode_area",
        ) from None


def address_key(postcode: str, house_number: str, addition: str = "") -> str:
    """One household's address as a comparable key: ``2903AB|12A``.

    ``house_number`` (with ``addition``, or with the addition typed after
    it) is taken as people type it: ``012 b``, ``12-B`` and ``12B`` are the
    same address (neighbourhood.wops.house_numbers). ``postcode`` must
    already be normalised.
    """
    return f"{postcode}|{house_number_key(house_number, addition)}"
