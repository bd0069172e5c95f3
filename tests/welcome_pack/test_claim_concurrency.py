"""Many claims at the same moment: one pack per address, and never more
presents given out than there are.

``welcome_pack_claim`` locks the present's row while it takes one, and the
address key is unique; only PostgreSQL shows whether that holds, with real
concurrent transactions.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from neighbourhood.submissions.services import consent_record
from tests import factories
from welcome_pack.models import Present, WelcomePackClaim
from welcome_pack.services import AlreadyClaimed, PresentGone, welcome_pack_claim

# serialized_rollback: the flush between tests empties what the migrations
# made (the site, its home page), which the next test needs again.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
]

CLAIMS = 20


def claim(wop, *, name, house_number, present=None):
    return welcome_pack_claim(
        wop=wop,
        data={
            "name": name,
            "phone": "06-12345678",
            "street": "Maasstraat",
            "house_number": house_number,
            "postcode": "2906AB",
            "moved_in_on": timezone.localdate() - timedelta(days=30),
            "household_size": 2,
        },
        consent=consent_record(text="Ik geef toestemming."),
        present=present,
    )


def at_once(jobs) -> list[Exception]:
    """Run each job in its own thread (its own database connection), all
    released at the same moment; return what they raised."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait(timeout=30)
            job()
        except Exception as error:  # checked by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return errors


def test_twenty_claims_for_one_address_at_once_store_exactly_one(wop):
    present = factories.make_present(wop=wop, stock=CLAIMS)

    errors = at_once(
        [
            lambda number=number: claim(
                wop,
                name=f"Bewoner {number}",
                # The same address, written in different ways.
                house_number="12 a" if number % 2 else "12A",
                present=present,
            )
            for number in range(CLAIMS)
        ]
    )

    assert WelcomePackClaim.objects.count() == 1
    assert len(errors) == CLAIMS - 1
    assert all(isinstance(error, AlreadyClaimed) for error in errors)
    present.refresh_from_db()
    # The refused claims gave their present back: nothing was stored.
    assert present.stock == CLAIMS - 1


def test_twenty_claims_for_the_last_three_presents_give_out_exactly_three(wop):
    present = factories.make_present(wop=wop, stock=3)

    errors = at_once(
        [
            lambda number=number: claim(
                wop,
                name=f"Bewoner {number}",
                house_number=str(number + 1),
                present=present,
            )
            for number in range(CLAIMS)
        ]
    )

    assert WelcomePackClaim.objects.filter(present=present).count() == 3
    assert WelcomePackClaim.objects.count() == 3
    assert len(errors) == CLAIMS - 3
    assert all(isinstance(error, PresentGone) for error in errors)
    assert Present.objects.get(pk=present.pk).stock == 0
