"""Fixtures of the volunteer-admin tests: a logged-in city-wide coordinator
and someone with an account of their own."""

import pytest

from tests import factories


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def existing(db):
    """Someone with an account of their own, in no WOP."""
    return factories.make_user(
        email="truus@example.org", first_name="Geertruida", last_name="Verborgen"
    )
