"""Calendars (event indexes) of the two WOPs and of the city."""

import pytest

from tests.factories import make_event_index


@pytest.fixture
def wop_calendar(wop):
    return make_event_index(parent=wop)


@pytest.fixture
def other_calendar(other_wop):
    return make_event_index(parent=other_wop)


@pytest.fixture
def city_calendar(home):
    return make_event_index(parent=home, title="Agenda")
