"""Two WOPs' activities with an RSVP each, for the admin's tests: Samen eten
in Schollevaar (``meal``, ``occurrence``, ``own``) and Taalcafé in Oostgaarde
(``other_occurrence``, ``foreign``)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_event, make_event_index, make_rsvp


def _in_days(days):
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def meal(wop):
    """Samen eten in Schollevaar, the day after tomorrow: four places."""
    return make_event(
        index=make_event_index(parent=wop),
        title="Samen eten",
        signup_required=True,
        capacity=4,
        start_date=_in_days(2),
    )


@pytest.fixture
def occurrence(meal):
    return meal.occurrences.get()


@pytest.fixture
def other_occurrence(other_wop):
    """Taalcafé in Oostgaarde, tomorrow."""
    event = make_event(
        index=make_event_index(parent=other_wop),
        title="Taalcafé",
        signup_required=True,
        start_date=_in_days(1),
    )
    return event.occurrences.get()


@pytest.fixture
def own(occurrence):
    return make_rsvp(occurrence=occurrence, name="Hans de Vries", people=2)


@pytest.fixture
def foreign(other_occurrence):
    return make_rsvp(
        occurrence=other_occurrence, name="Zeynep Yilmaz", postcode="2903AB"
    )
