"""Claiming a welcome pack: one per household, presents from stock."""

from datetime import timedelta

import pytest
from django.utils import timezone

from neighbourhood.submissions.services import consent_record
from neighbourhood.submissions.status import TransitionNotAllowed
from welcome_pack.models import ClaimStatus, Present, WelcomePackClaim
from welcome_pack.services import (
    AlreadyClaimed,
    PresentGone,
    claim_transition,
    claim_withdraw,
    welcome_pack_claim,
)


def _claim(wop, present=None, **data):
    data.setdefault("name", "Patricia Jansen")
    data.setdefault("phone", "06-12345678")
    data.setdefault("street", "Maasstraat")
    data.setdefault("house_number", "12")
    data.setdefault("postcode", "2906AB")
    data.setdefault("moved_in_on", timezone.localdate() - timedelta(days=30))
    data.setdefault("household_size", 3)
    return welcome_pack_claim(
        wop=wop, data=data, consent=consent_record(text="Akkoord"), present=present
    )


def test_one_pack_per_household_whatever_the_spelling_of_the_number(wop):
    first = _claim(wop, house_number="12", house_number_addition="a")

    with pytest.raises(AlreadyClaimed) as refused:
        _claim(wop, house_number="12 A", name="Iemand anders")

    assert refused.value.earlier == first
    assert WelcomePackClaim.objects.count() == 1


def test_a_present_is_taken_from_stock_and_the_last_one_only_once(wop):
    present = Present.objects.create(wop=wop, name="Bloemzaadjes", stock=1)

    _claim(wop, present=present)
    with pytest.raises(PresentGone):
        _claim(wop, present=present, house_number="14")

    present.refresh_from_db()
    assert present.stock == 0
    assert WelcomePackClaim.objects.count() == 1


def test_a_refused_claim_gives_its_present_back(wop):
    present = Present.objects.create(wop=wop, name="Bloemzaadjes", stock=2)
    _claim(wop)

    with pytest.raises(AlreadyClaimed):
        _claim(wop, present=present)

    present.refresh_from_db()
    assert present.stock == 2


def test_withdrawing_anonymises_returns_the_present_and_frees_the_address(wop):
    present = Present.objects.create(wop=wop, name="Bloemzaadjes", stock=1)
    claim = _claim(wop, present=present)

    claim_withdraw(submission=claim)

    claim.refresh_from_db()
    present.refresh_from_db()
    assert claim.status == ClaimStatus.WITHDRAWN
    assert (claim.name, claim.phone, claim.street, claim.address_key) == (
        "",
        "",
        "",
        "",
    )
    assert claim.postcode == "2906"
    assert present.stock == 1
    assert _claim(wop).status == ClaimStatus.NEW


def test_delivery_records_date_and_volunteer_and_not_delivered_needs_a_reason(
    wop, volunteer
):
    claim = _claim(wop)

    claim_transition(claim=claim, to=ClaimStatus.PACKED, by=volunteer)
    with pytest.raises(TransitionNotAllowed, match="waarom"):
        claim_transition(claim=claim, to=ClaimStatus.NOT_DELIVERED, by=volunteer)
    delivered = claim_transition(claim=claim, to=ClaimStatus.DELIVERED, by=volunteer)

    assert delivered.delivered_by == volunteer
    assert delivered.delivered_on == timezone.localdate()
    with pytest.raises(TransitionNotAllowed):
        claim_transition(claim=delivered, to=ClaimStatus.PACKED, by=volunteer)


def test_wop_page_invites_new_residents_only_where_a_pack_is_offered(
    client, wop, other_wop
):
    from tests.factories import make_welcome_pack

    make_welcome_pack(wop=wop)

    with_pack = client.get(wop.url).content.decode()
    without_pack = client.get(other_wop.url).content.decode()

    assert "Vraag het welkomstpakket aan" in with_pack
    assert "Vraag het welkomstpakket aan" not in without_pack
