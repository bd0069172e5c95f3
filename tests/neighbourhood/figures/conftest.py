"""The records the figures tests count (``seeded``): March and April 2025 in
Schollevaar and Oostgaarde."""

from datetime import date

import pytest

from events.models import RSVPStatus
from neighbourhood.models import BuddyMatch
from tests.factories import (
    make_action_request,
    make_buddy_signup,
    make_claim,
    make_event,
    make_event_index,
    make_rsvp,
)
from tests.neighbourhood.figures._support import APRIL, MARCH, _at


@pytest.fixture
def seeded(home, wop, other_wop, buddy_project, other_buddy_project):
    """March and April 2025 in Schollevaar and Oostgaarde, and a few records
    just outside 2025. Returns the records the tests withdraw or erase."""
    # Buddy projects. The third sign-up is late on 31 March, local time (in
    # UTC it is still March too); the fourth just after midnight on 1 April
    # (in UTC still 31 March).
    seeker = make_buddy_signup(project=buddy_project, created_at=_at(MARCH, 10))
    buddy = make_buddy_signup(
        project=buddy_project, role="buddy", created_at=_at(date(2025, 3, 10))
    )
    make_buddy_signup(project=buddy_project, created_at=_at(date(2025, 3, 31), 23, 30))
    make_buddy_signup(project=buddy_project, created_at=_at(APRIL, 0, 30))
    make_buddy_signup(project=buddy_project, created_at=_at(date(2024, 12, 31), 12))
    make_buddy_signup(project=buddy_project, created_at=_at(date(2026, 1, 1), 0, 10))
    make_buddy_signup(project=other_buddy_project, created_at=_at(date(2025, 3, 15)))
    BuddyMatch.objects.create(
        wop=wop,
        seeker=seeker,
        buddy=buddy,
        started_on=date(2025, 3, 25),
        follow_up_on=date(2025, 5, 6),
    )

    # Neighbour actions: requested by creation, done by the day handled.
    card = make_action_request(
        wop=wop,
        created_at=_at(date(2025, 3, 4)),
        status="done",
        handled_on=date(2025, 4, 2),
    )
    make_action_request(wop=wop, created_at=_at(date(2025, 3, 18)))
    make_action_request(
        wop=wop,
        created_at=_at(date(2025, 4, 9)),
        status="declined",
        decline_reason="Adres bestaat niet.",
    )
    treat = make_action_request(
        wop=wop,
        kind="treat",
        treat="Appeltaart",
        treat_for="neighbour",
        created_at=_at(date(2025, 3, 7)),
        status="done",
        handled_on=date(2025, 3, 28),
    )
    make_action_request(
        wop=wop,
        kind="wave_tile",
        address_key="2906AB|12",
        created_at=_at(date(2025, 4, 3)),
        status="done",
        handled_on=date(2025, 4, 15),
    )
    make_action_request(wop=other_wop, created_at=_at(date(2025, 4, 20)))

    # Activities: people by the date of the activity.
    calendar = make_event_index(parent=wop)
    march = make_event(
        index=calendar, title="Koffieochtend", start_date=date(2025, 3, 14)
    ).occurrences.get()
    april = make_event(
        index=calendar, title="Samen eten", start_date=date(2025, 4, 11)
    ).occurrences.get()
    came = make_rsvp(occurrence=march, people=2, attended=True)
    make_rsvp(occurrence=march, attended=False, name="Nick Bakker")
    make_rsvp(occurrence=march, status=RSVPStatus.WAITING, name="Wachtend")
    make_rsvp(occurrence=march, status=RSVPStatus.CANCELLED, name="Afgemeld")
    march.walk_ins = 3
    march.save()
    group = make_rsvp(occurrence=april, people=3, attended=True, name="Familie Ali")
    city_wide = make_event(
        index=make_event_index(parent=home, title="Agenda", slug="agenda"),
        title="Buurtfeest",
        start_date=date(2025, 4, 26),
    ).occurrences.get()
    from_oostgaarde = make_rsvp(
        occurrence=city_wide, wop=other_wop, attended=True, postcode="2903AB"
    )

    # Welcome packs: claimed by creation, delivered by the delivery date.
    delivered = make_claim(
        wop=wop,
        created_at=_at(date(2025, 3, 5)),
        status="delivered",
        delivered_on=date(2025, 3, 30),
    )
    make_claim(
        wop=wop,
        created_at=_at(date(2025, 3, 12)),
        status="delivered",
        delivered_on=date(2025, 4, 5),
    )
    make_claim(wop=wop, created_at=_at(date(2025, 4, 8)))

    return {
        "seeker": seeker,
        "buddy": buddy,
        "card": card,
        "treat": treat,
        "came": came,
        "group": group,
        "from_oostgaarde": from_oostgaarde,
        "delivered": delivered,
    }
