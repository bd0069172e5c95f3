"""The permission matrix's writes: a POST on another WOP's things changes nothing."""

import pytest
from wagtail.images import get_image_model

from neighbourhood.buddies.viewsets import buddy_signup_viewset
from neighbourhood.models import BuddySignup, KeyFigure, StreetPage
from tests.factories import make_wop_coordinator
from tests.neighbourhood.permission_matrix._checks import _assert_refused, _body
from tests.neighbourhood.permission_matrix._object_doors import (
    _bulk,
    _page,
    _snippet,
    _viewset_url,
)
from tests.neighbourhood.permission_matrix._world import VISIBLE
from tests.neighbourhood.permission_matrix._writes import (
    CROSS_POST_DOORS,
    POST_DOORS,
    _post,
    _state,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("door", sorted(POST_DOORS))
def test_a_post_on_another_wops_thing_changes_nothing(client, world, user, door):
    other = world["B"]
    before = _state(other)
    client.force_login(user)

    url, data = POST_DOORS[door].request(other)
    response = _post(client, url, data, door)

    if POST_DOORS[door].by_url:
        _assert_refused(response, door)
    assert _state(other) == before, f"{door}: B's things changed"


@pytest.mark.parametrize("door", sorted(CROSS_POST_DOORS))
def test_a_post_mixing_own_and_another_wops_things_changes_nothing(
    client, world, user, door
):
    own, other = world["A"], world["B"]
    before = (_state(own), _state(other))
    client.force_login(user)

    _post(client, *CROSS_POST_DOORS[door](own, other), door)

    assert (_state(own), _state(other)) == before, f"{door}: something changed"


@pytest.mark.parametrize("door", sorted(POST_DOORS))
def test_the_same_post_on_own_wops_thing_works(client, world, user, door, request):
    spec = POST_DOORS[door]
    if (
        request.node.callspec.params["user"] == "vrijwilliger"
        and not spec.for_volunteers
    ):
        pytest.skip("shut for this role by model permission")
    own = world["A"]
    before = _state(own)
    client.force_login(user)

    url, data = spec.request(own)
    response = client.post(url, data, follow=True)

    assert response.status_code == 200, f"{door}: {response.status_code}"
    if spec.control == "shows":
        assert VISIBLE in _body(response), f"{door}: A's things not shown"
    else:
        assert _state(own) != before, f"{door}: nothing changed in A"


def test_another_wops_things_survive_every_write_by_url(client, world):
    """A coordinator of A may delete, lock and bulk-delete in A: not in B."""
    other = world["B"]
    client.force_login(make_wop_coordinator(world["A"].wop))

    client.post(_snippet("delete", other.key_figure))
    client.post(_bulk("neighbourhood", "keyfigure", "delete", other.key_figure))
    client.post(_bulk("wagtailimages", "image", "delete", other.image))
    client.post(_bulk("wagtailcore", "page", "delete", other.draft))
    client.post(_viewset_url(buddy_signup_viewset, "delete", other.seeker))
    client.post(_page("lock", other.street))
    client.post(_page("delete", other.draft))

    assert KeyFigure.objects.filter(pk=other.key_figure.pk).exists()
    assert get_image_model().objects.filter(pk=other.image.pk).exists()
    assert StreetPage.objects.filter(pk=other.draft.pk).exists()
    assert BuddySignup.objects.filter(pk=other.seeker.pk).exists()
    assert not StreetPage.objects.get(pk=other.street.pk).locked


def test_own_key_figure_is_bulk_deleted(client, world):
    """The positive control of the bulk fence: it still works in A."""
    client.force_login(make_wop_coordinator(world["A"].wop))

    client.post(_bulk("neighbourhood", "keyfigure", "delete", world["A"].key_figure))

    assert not KeyFigure.objects.filter(pk=world["A"].key_figure.pk).exists()
