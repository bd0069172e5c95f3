import pytest
from django.core.exceptions import ValidationError

from neighbourhood.wops.selectors import wop_for_postcode
from tests.factories import make_wop


@pytest.mark.parametrize("typed", ["2906ab", "2906 AB", " 2906  ab ", "2907 ZZ"])
def test_postcode_in_a_four_digit_area_finds_its_wop(wop, typed):
    assert wop_for_postcode(postcode=typed) == wop


def test_postcode_ranges_split_one_area_between_two_wops(neighbourhood_index):
    north = make_wop(title="Noord", areas=[("2903 AA", "2903 MZ")])
    south = make_wop(title="Zuid", areas=[("2903 NA", "2903 ZZ")])

    assert wop_for_postcode(postcode="2903 AA") == north
    assert wop_for_postcode(postcode="2903 mz") == north
    assert wop_for_postcode(postcode="2903 NA") == south
    assert wop_for_postcode(postcode="2903ZZ") == south


def test_postcode_no_wop_covers_finds_nothing(wop):
    assert wop_for_postcode(postcode="3011 AB") is None


def test_unpublished_wop_is_not_found(neighbourhood_index):
    make_wop(title="Concept", areas=["2908"], live=False)

    assert wop_for_postcode(postcode="2908 AB") is None


def test_malformed_postcode_is_refused(wop):
    with pytest.raises(ValidationError):
        wop_for_postcode(postcode="29 AB")


def test_lookup_is_a_single_query(wop, django_assert_num_queries):
    with django_assert_num_queries(1):
        wop_for_postcode(postcode="2906 AB")
