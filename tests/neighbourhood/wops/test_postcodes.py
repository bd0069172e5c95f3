import pytest
from django.core.exceptions import ValidationError

from neighbourhood.wops.postcodes import (
    format_postcode,
    normalise_postcode,
    normalise_range_bound,
)


@pytest.mark.parametrize(
    "typed", ["2903ab", "2903 AB", " 2903  ab ", "2903\tAb", "2903AB"]
)
def test_postcode_is_accepted_the_way_people_type_it(typed):
    assert normalise_postcode(typed) == "2903AB"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "2903",
        "290 AB",
        "29033AB",
        "0903 AB",
        "2903 A1",
        "AB 2903",
        "2903 ABC",
        "2903-AB",
        "2903 SS",
        "2903 SA",
        "2903 SD",
    ],
)
def test_malformed_postcode_is_refused_with_a_dutch_message(typed):
    with pytest.raises(ValidationError) as error:
        normalise_postcode(typed)
    assert "4 cijfers en 2 letters" in error.value.messages[0]


def test_postcode_is_shown_with_a_space():
    assert format_postcode("2903AB") == "2903 AB"


def test_four_digit_area_spans_aa_to_zz():
    assert normalise_range_bound("2903", upper=False) == "2903AA"
    assert normalise_range_bound(" 2903 ", upper=True) == "2903ZZ"


def test_full_postcode_is_its_own_bound():
    assert normalise_range_bound("2903 mz", upper=True) == "2903MZ"


def test_malformed_area_bound_is_refused():
    with pytest.raises(ValidationError) as error:
        normalise_range_bound("29", upper=False)
    assert "postcodegebied" in error.value.messages[0]
