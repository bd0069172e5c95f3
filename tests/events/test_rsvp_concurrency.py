"""Many people signing up (and cancelling) for the same date at the same
moment never get more places than there are.

``rsvp_create`` and ``rsvp_cancel`` lock the date's row while they count;
only PostgreSQL shows whether that holds, with real concurrent transactions.
"""

import threading

import pytest
from django.db import connection

from events.models import EventOccurrence, EventRSVP, RSVPStatus
from events.services import rsvp_cancel, rsvp_create
from neighbourhood.submissions.services import consent_record
from tests import factories

# serialized_rollback: the flush between tests empties what the migrations
# made (the site, its home page), which the next test needs again.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
]

CAPACITY = 5


@pytest.fixture
def occurrence(wop):
    event = factories.make_event(
        index=factories.make_event_index(parent=wop),
        signup_required=True,
        capacity=CAPACITY,
        max_people_per_signup=3,
    )
    return event.occurrences.get()


def sign_up(occurrence, *, name, people=1) -> EventRSVP:
    return rsvp_create(
        occurrence=occurrence,
        wop=occurrence.wop,
        data={"name": name, "phone": "010-123 45 67", "people": people},
        consent=consent_record(text="Ik geef toestemming."),
    )


def at_once(jobs) -> None:
    """Run each job in its own thread (its own database connection), all
    released at the same moment; re-raise the first failure."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait(timeout=30)
            job()
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    if errors:
        raise errors[0]


def confirmed_people(occurrence) -> int:
    return sum(
        EventRSVP.objects.filter(
            occurrence=occurrence, status=RSVPStatus.CONFIRMED
        ).values_list("people", flat=True)
    )


def test_twelve_people_signing_up_at_once_for_five_places(occurrence):
    at_once(
        [
            lambda number=number: sign_up(occurrence, name=f"Buurtbewoner {number}")
            for number in range(12)
        ]
    )

    rsvps = EventRSVP.objects.filter(occurrence=occurrence)
    assert rsvps.count() == 12
    assert rsvps.filter(status=RSVPStatus.CONFIRMED).count() == CAPACITY
    assert rsvps.filter(status=RSVPStatus.WAITING).count() == 7


def test_groups_of_different_sizes_at_once_never_overbook(occurrence):
    sizes = [3, 1, 2, 3, 1, 2, 1, 3, 2, 1, 1, 2]

    at_once(
        [
            lambda number=number, size=size: sign_up(
                occurrence, name=f"Groep {number}", people=size
            )
            for number, size in enumerate(sizes)
        ]
    )

    assert EventRSVP.objects.filter(occurrence=occurrence).count() == len(sizes)
    assert confirmed_people(occurrence) <= CAPACITY
    # Nobody jumps the queue: the first to wait did not fit, and everyone
    # after them waits too.
    free = CAPACITY - confirmed_people(occurrence)
    in_order = list(
        EventRSVP.objects.filter(occurrence=occurrence).order_by("created_at", "pk")
    )
    statuses = [rsvp.status for rsvp in in_order]
    first_waiting = statuses.index(RSVPStatus.WAITING)
    assert in_order[first_waiting].people > free
    assert set(statuses[first_waiting:]) == {RSVPStatus.WAITING}


def test_cancelling_and_signing_up_at_once_gives_freed_places_to_the_waiting_list(
    occurrence,
):
    booked = [sign_up(occurrence, name=f"Aangemeld {n}") for n in range(CAPACITY)]
    waiting = [sign_up(occurrence, name=f"Wachtend {n}") for n in range(3)]
    assert all(rsvp.status == RSVPStatus.WAITING for rsvp in waiting)

    at_once(
        [lambda rsvp=rsvp: rsvp_cancel(submission=rsvp) for rsvp in booked[:3]]
        + [
            lambda number=number: sign_up(occurrence, name=f"Nieuw {number}")
            for number in range(6)
        ]
    )

    assert confirmed_people(occurrence) == CAPACITY
    # A freed place goes straight to the first in line, in the same locked
    # transaction, so newcomers never jump the queue.
    for rsvp in waiting:
        rsvp.refresh_from_db()
        assert rsvp.status == RSVPStatus.CONFIRMED
    newcomers = EventRSVP.objects.filter(name__startswith="Nieuw")
    assert newcomers.count() == 6
    assert set(newcomers.values_list("status", flat=True)) == {RSVPStatus.WAITING}
    assert (
        EventRSVP.objects.filter(
            status=RSVPStatus.CANCELLED, anonymised_at__isnull=False
        ).count()
        == 3
    )
    assert EventOccurrence.objects.filter(pk=occurrence.pk).exists()
