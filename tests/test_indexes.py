"""The volunteers' lists and the calendars read through their indexes (issue 9,
item 5), as PostgreSQL's planner sees it.

Each test builds a few thousand rows, runs ``ANALYZE`` and reads the plan of
the query the page makes. Sequential scans are switched off so the planner's
choice does not depend on how small the test tables are; without the index
the plan still names another index or a sort, and the test fails.
"""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from events.models import EventOccurrence, RSVPStatus
from events.selectors import occurrences_upcoming
from neighbourhood.models import ActionStatus, BuddySignupStatus
from tests import factories
from welcome_pack.models import ClaimStatus

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ROWS = 3000


@pytest.fixture
def wops():
    return [
        factories.make_wop(title=f"Wijk {number}", areas=[f"{2900 + number}"])
        for number in range(3)
    ]


def _plan(queryset) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


def _analyze(model):
    with connection.cursor() as cursor:
        cursor.execute(f'ANALYZE "{model._meta.db_table}"')


def _copies(submission, *, wops, statuses):
    """``ROWS`` copies of ``submission`` over ``statuses``, one a minute back
    in time, inserted in one go: one in twenty in ``wops[1]``, as one WOP's
    share of a city's (the scale data set has fifty), the rest in the others."""
    model = type(submission)
    fields = {
        field.attname: getattr(submission, field.attname)
        for field in model._meta.concrete_fields
        if field.name not in ("id", "token", "print_token", "address_key")
    }
    now = timezone.now()
    model.objects.bulk_create(
        model(
            **{
                **fields,
                "wop_id": (wops[1] if number % 20 == 0 else wops[number % 2 * 2]).pk,
                "status": statuses[number // 20 % len(statuses)],
                "created_at": now - timedelta(minutes=number),
            }
        )
        for number in range(ROWS)
    )
    _analyze(model)
    return model


def _buddy_signup(wops):
    project = factories.make_buddy_project(parent=wops[0])
    return factories.make_buddy_signup(project=project), list(BuddySignupStatus)


def _action_request(wops):
    return factories.make_action_request(wop=wops[0]), list(ActionStatus)


def _claim(wops):
    return factories.make_claim(wop=wops[0]), list(ClaimStatus)


def _rsvp(wops):
    calendar = factories.make_event_index(parent=wops[0])
    event = factories.make_event(index=calendar, signup_required=True)
    return factories.make_rsvp(occurrence=event.occurrences.get()), list(RSVPStatus)


SUBMISSIONS = {
    "buddy_signups": _buddy_signup,
    "action_requests": _action_request,
    "welcome_pack_claims": _claim,
    "rsvps": _rsvp,
}


@pytest.mark.parametrize("kind", SUBMISSIONS)
def test_volunteer_list_of_one_status_reads_the_wop_status_created_index(wops, kind):
    submission, statuses = SUBMISSIONS[kind](wops)
    model = _copies(submission, wops=wops, statuses=statuses)
    volunteer = factories.make_volunteer(wops[1], email="vrijwilliger@example.org")

    # The admin list with its WOP and status filters chosen, newest first.
    listing = (
        model.objects.for_user(volunteer)
        .filter(wop=wops[1], status=statuses[0])
        .order_by("-created_at")[:20]
    )
    plan = _plan(listing)

    index_name = f"{model._meta.model_name}_wop_st_cre"
    assert index_name in plan, plan
    assert len(listing) == 20


@pytest.fixture
def dates(wops):
    """Two activities per WOP with a date every day for two years back and
    two years ahead: most rows lie in the past, as on a site in use."""
    events = []
    for wop in wops:
        calendar = factories.make_event_index(parent=wop)
        for number in range(2):
            events.append(
                factories.make_event(index=calendar, title=f"Koffie {number}")
            )
    EventOccurrence.objects.all().delete()
    today = timezone.localdate()
    made = []
    for event in events:
        for offset in range(-730, 730, 3):
            starts_at = timezone.make_aware(
                datetime.combine(today + timedelta(days=offset), event.start_time)
            )
            made.append(
                EventOccurrence(
                    event=event,
                    wop_id=event.wop.pk,
                    date=starts_at.date(),
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(hours=1, minutes=30),
                )
            )
    EventOccurrence.objects.bulk_create(made)
    _analyze(EventOccurrence)
    return made


def test_wop_calendar_reads_its_dates_in_order_from_the_wop_start_index(wops, dates):
    upcoming = occurrences_upcoming(wop=wops[1])[:20]

    plan = _plan(upcoming)

    assert "occurrence_wop_starts_at" in plan, plan
    assert [o.starts_at for o in upcoming] == sorted(o.starts_at for o in upcoming)


def test_city_calendar_starts_reading_at_today_on_the_start_index(wops, dates):
    upcoming = occurrences_upcoming()[:20]

    plan = _plan(upcoming)

    start_scans = [
        line for line in plan.splitlines() if "events_eventoccurrence_starts_at" in line
    ]
    assert start_scans and "Index" in start_scans[0], plan
    # The scan is bounded below, not a walk through the years gone by.
    assert "starts_at >=" in plan, plan
    assert min(o.starts_at for o in upcoming) >= timezone.now() - timedelta(days=1)
