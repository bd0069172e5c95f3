"""Several requests for a wave tile at the same address at the same moment:
exactly one is stored, the others hear that the address already has one.

The partial unique constraint decides, not a check before the insert; only
PostgreSQL shows whether that holds, with real concurrent transactions.
"""

import threading

import pytest
from django.db import connection

from neighbourhood.actions.services import TileAlreadyRequested, action_request_create
from neighbourhood.models import ActionKind, ActionRequest
from neighbourhood.submissions.services import consent_record
from tests import factories

# serialized_rollback: the flush between tests empties what the migrations
# made (the site, its home page), which the next test needs again.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
]

REQUESTERS = 6


def request_tile(wop, *, name, house_number="12 a") -> ActionRequest:
    return action_request_create(
        kind=ActionKind.WAVE_TILE,
        wop=wop,
        data={
            "name": name,
            "phone": "010-123 45 67",
            "street": "Maasstraat",
            "house_number": house_number,
            "postcode": "2906AB",
        },
        consent=consent_record(text="Ik geef toestemming."),
    )


def at_once(jobs) -> tuple[list, list]:
    """Run each job in its own thread (its own database connection), all
    released at the same moment; return what they returned and raised."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [], []

    def run(job):
        try:
            barrier.wait(timeout=30)
            results.append(job())
        except Exception as error:  # inspected by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results, errors


def test_same_address_at_the_same_moment_stores_exactly_one_tile(wop):
    factories.make_tile_stock(wop=wop, quantity=10)
    # "12 a", "12A", "12-a": one address, however it is typed.
    spellings = ["12 a", "12A", "12-a"]

    results, errors = at_once(
        [
            lambda number=number: request_tile(
                wop,
                name=f"Buurtbewoner {number}",
                house_number=spellings[number % len(spellings)],
            )
            for number in range(REQUESTERS)
        ]
    )

    assert len(results) == 1
    assert len(errors) == REQUESTERS - 1
    assert all(isinstance(error, TileAlreadyRequested) for error in errors)
    stored = ActionRequest.objects.get(kind=ActionKind.WAVE_TILE)
    assert stored == results[0]
    assert all(error.earlier == stored for error in errors)


def test_different_addresses_at_the_same_moment_are_all_stored(wop):
    factories.make_tile_stock(wop=wop, quantity=10)

    results, errors = at_once(
        [
            lambda number=number: request_tile(
                wop, name=f"Buurtbewoner {number}", house_number=str(number + 1)
            )
            for number in range(REQUESTERS)
        ]
    )

    assert errors == []
    assert len(results) == REQUESTERS
    assert ActionRequest.objects.filter(kind=ActionKind.WAVE_TILE).count() == REQUESTERS
