"""The activities the RSVP tests sign up for: Samen eten (``event``, its one
date ``occurrence``) and the weekly Taalcafé (``weekly``), in Schollevaar's
calendar."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories


@pytest.fixture
def calendar(wop):
    return factories.make_event_index(parent=wop)


@pytest.fixture
def event(calendar):
    """Samen eten in Schollevaar, a week from now: three places, at most two
    people per sign-up."""
    return factories.make_event(
        index=calendar,
        title="Samen eten",
        signup_required=True,
        capacity=3,
        max_people_per_signup=2,
    )


@pytest.fixture
def occurrence(event):
    return event.occurrences.get()


@pytest.fixture
def weekly(calendar):
    """Taalcafé every week on yesterday's weekday: one date past, three ahead."""
    yesterday = timezone.localdate() - timedelta(days=1)
    return factories.make_event(
        index=calendar,
        title="Taalcafé",
        signup_required=True,
        start_date=yesterday,
        repeat="weekly",
        weekdays=[yesterday.weekday()],
        repeat_until=yesterday + timedelta(days=21),
    )
