"""Fixtures for the tests of the action pages: the pages, a card design, and
card images in a folder of the test's own."""

import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Card images go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def design(db):
    return factories.make_card_design()


@pytest.fixture
def card_page(wop):
    return factories.make_card_action(wop=wop)


@pytest.fixture
def treat_page(wop):
    return factories.make_treat_action(
        wop=wop, monthly_limit=2, treats=["Appeltaart", "Koekjes"]
    )


@pytest.fixture
def tile_page(wop):
    return factories.make_wave_tile_action(wop=wop)
