"""The permission matrix: every admin door, on another WOP's things, shows none."""

import pytest
from django.urls import reverse

from neighbourhood.models import StreetPage
from neighbourhood.scoping.visibility import pages_visible_to
from tests.factories import make_volunteer
from tests.neighbourhood.permission_matrix._checks import (
    _assert_no_secret,
    _assert_refused,
    _body,
)
from tests.neighbourhood.permission_matrix._listing_doors import LISTING_DOORS
from tests.neighbourhood.permission_matrix._object_doors import OBJECT_DOORS
from tests.neighbourhood.permission_matrix._world import SECRET

pytestmark = pytest.mark.django_db


# Doors known to be open, each with its reason, strict so that one fails once
# it is closed: none since neighbourhood.scoping.guards.
OPEN_DOORS = {}


def _params(doors):
    return [
        pytest.param(
            door,
            marks=pytest.mark.xfail(reason=OPEN_DOORS[door], strict=True)
            if door in OPEN_DOORS
            else (),
        )
        for door in sorted(doors)
    ]


@pytest.mark.parametrize("door", _params(OBJECT_DOORS))
def test_another_wops_thing_is_not_found_or_refused(client, world, user, door):
    client.force_login(user)

    response = client.get(OBJECT_DOORS[door](world["B"]))

    _assert_refused(response, door)
    _assert_no_secret(response, door)
    if response.status_code in (301, 302):
        # Wherever it leads, messages included.
        _assert_no_secret(client.get(response.url, follow=True), door)


@pytest.mark.parametrize("door", _params(LISTING_DOORS))
def test_listings_searches_choosers_and_exports_leave_out_another_wop(
    client, world, user, door
):
    client.force_login(user)

    # The search term is part of the marker: a search box repeats it.
    response = client.get(LISTING_DOORS[door](world["B"], "GEHEIM"), follow=True)

    _assert_no_secret(response, door)


# The page chooser ----------------------------------------------------------------


def test_chooser_offers_other_wops_published_pages_but_not_their_drafts(client, world):
    """To link to another WOP's page: its live, public pages, without a
    pending draft (whose title would give the draft away)."""
    other = world["B"]
    client.force_login(make_volunteer(world["A"].wop))

    wops = client.get(
        reverse("wagtailadmin_choose_page_child", args=[other.wop.get_parent().pk])
    )
    inside = client.get(reverse("wagtailadmin_choose_page_child", args=[other.wop.pk]))

    assert "Oostgaarde" in _body(wops)
    assert f"Maatjes {other.wop.title}" in _body(inside)
    assert SECRET not in _body(inside)
    assert "Straat van Oostgaarde" not in _body(inside)


def test_page_types_usage_counts_only_the_pages_one_may_see(client, world):
    """Not the city's count of street pages: A's, and other WOPs' public ones."""
    volunteer = make_volunteer(world["A"].wop)
    client.force_login(volunteer)

    response = client.get(reverse("wagtailadmin_reports:page_types_usage"))

    counts = {row.model: row.count for row in response.context["object_list"]}
    visible = pages_visible_to(volunteer, StreetPage.objects.all()).count()
    assert counts["streetpage"] == visible < StreetPage.objects.count()
