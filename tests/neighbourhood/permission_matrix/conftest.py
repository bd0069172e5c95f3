"""The permission matrix's fixtures: the two WOPs' world, and who asks."""

import pytest

from tests.factories import make_volunteer, make_wop_coordinator
from tests.neighbourhood.permission_matrix import _world

# Built once per module (see ``_world.world``).
world = _world.world


@pytest.fixture(params=["vrijwilliger", "coordinator"])
def user(request, world):
    own_wop = world["A"].wop
    if request.param == "vrijwilliger":
        return make_volunteer(own_wop, email="vrijwilliger-a@example.org")
    return make_wop_coordinator(own_wop, email="coordinator-a@example.org")
