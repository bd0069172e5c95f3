"""House numbers as people type them (neighbourhood/wops/house_numbers.py)."""

import pytest
from django.core.exceptions import ValidationError

from neighbourhood.wops.house_numbers import normalise_house_number
from neighbourhood.wops.postcodes import address_key


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12", "12"),
        ("012 b", "12B"),
        ("12-B", "12B"),
        ("12 bis", "12 bis"),
        ("12-1", "12-1"),
        ("99999", "99999"),
    ],
)
def test_a_house_number_is_stored_one_way(typed, stored):
    assert normalise_house_number(typed) == stored


@pytest.mark.parametrize(
    "typed", ["abc", "0", "99999999", "12 <b>", "١٢", "12 heel-lange-toevoeging"]
)
def test_what_is_no_house_number_is_refused(typed):
    with pytest.raises(ValidationError):
        normalise_house_number(typed)


def test_one_address_has_one_key_however_it_is_typed():
    keys = {
        address_key("2906AB", "012", "b"),
        address_key("2906AB", "12b"),
        address_key("2906AB", "12 B"),
        address_key("2906AB", "12", "B"),
    }
    assert keys == {"2906AB|12B"}
    assert address_key("2906AB", "12", "1") != address_key("2906AB", "121")
