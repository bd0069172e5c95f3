"""The services behind neighbour actions: limits, stock and the queue's steps."""

import pytest

from neighbourhood.actions.services import (
    TileAlreadyRequested,
    action_request_create,
    action_request_transition,
    treats_left_this_month,
)
from neighbourhood.models import ActionKind, ActionStatus, TileStock
from neighbourhood.submissions.services import consent_record
from neighbourhood.submissions.status import TransitionNotAllowed


def _create(wop, kind, **data):
    data.setdefault("name", "Truus de Groot")
    data.setdefault("phone", "010-123 45 67")
    data.setdefault("postcode", "2906AB")
    data.setdefault("street", "Maasstraat")
    data.setdefault("house_number", "12")
    monthly_limit = data.pop("monthly_limit", None)
    return action_request_create(
        kind=kind,
        wop=wop,
        data=data,
        consent=consent_record(text="Akkoord"),
        monthly_limit=monthly_limit,
    )


def test_treats_beyond_the_monthly_limit_go_on_the_waiting_list(wop):
    first = _create(wop, ActionKind.TREAT, treat="Appeltaart", monthly_limit=2)
    second = _create(wop, ActionKind.TREAT, treat="Koekjes", monthly_limit=2)
    third = _create(wop, ActionKind.TREAT, treat="Koekjes", monthly_limit=2)

    assert [first.status, second.status] == [ActionStatus.NEW, ActionStatus.NEW]
    assert third.status == ActionStatus.WAITING
    assert treats_left_this_month(wop=wop, monthly_limit=2) == 0


def test_a_second_tile_for_the_same_address_is_refused_with_the_first(wop):
    TileStock.objects.create(wop=wop, quantity=5)
    first = _create(wop, ActionKind.WAVE_TILE, house_number="12 a")

    with pytest.raises(TileAlreadyRequested) as refused:
        _create(wop, ActionKind.WAVE_TILE, house_number="12A", name="Iemand anders")

    assert refused.value.earlier == first


def test_a_declined_tile_frees_the_address_for_a_new_request(wop, volunteer):
    TileStock.objects.create(wop=wop, quantity=5)
    first = _create(wop, ActionKind.WAVE_TILE)
    action_request_transition(
        request=first, to=ActionStatus.DECLINED, by=volunteer, reason="Stoep te smal"
    )

    second = _create(wop, ActionKind.WAVE_TILE)

    assert second.status == ActionStatus.NEW


def test_without_tiles_in_stock_a_request_waits(wop):
    assert _create(wop, ActionKind.WAVE_TILE).status == ActionStatus.WAITING


def test_approving_a_tile_takes_one_from_stock_and_declining_returns_it(wop, volunteer):
    stock = TileStock.objects.create(wop=wop, quantity=1)
    request = _create(wop, ActionKind.WAVE_TILE)

    action_request_transition(request=request, to=ActionStatus.APPROVED, by=volunteer)
    stock.refresh_from_db()
    assert stock.quantity == 0

    other = _create(wop, ActionKind.WAVE_TILE, house_number="14")
    with pytest.raises(TransitionNotAllowed, match="geen zwaaitegels"):
        action_request_transition(request=other, to=ActionStatus.APPROVED, by=volunteer)

    action_request_transition(
        request=request,
        to=ActionStatus.DECLINED,
        by=volunteer,
        reason="Bewoner verhuist",
    )
    stock.refresh_from_db()
    assert stock.quantity == 1


def test_a_placed_tile_keeps_its_date_and_cannot_step_back(wop, volunteer):
    TileStock.objects.create(wop=wop, quantity=1)
    request = _create(wop, ActionKind.WAVE_TILE)
    action_request_transition(request=request, to=ActionStatus.APPROVED, by=volunteer)

    placed = action_request_transition(
        request=request, to=ActionStatus.DONE, by=volunteer
    )

    assert placed.handled_on is not None
    with pytest.raises(TransitionNotAllowed):
        action_request_transition(
            request=placed, to=ActionStatus.APPROVED, by=volunteer
        )


def test_declining_needs_a_reason_and_tells_a_sender_with_email(
    wop, volunteer, mailoutbox
):
    request = _create(wop, ActionKind.CARD, email="truus@example.org", message="Hoi!")
    mailoutbox.clear()

    with pytest.raises(TransitionNotAllowed, match="waarom"):
        action_request_transition(
            request=request, to=ActionStatus.DECLINED, by=volunteer
        )
    action_request_transition(
        request=request, to=ActionStatus.DECLINED, by=volunteer, reason="Te persoonlijk"
    )

    [mail] = mailoutbox
    assert mail.to == ["truus@example.org"]
    assert "Te persoonlijk" in mail.body


def test_self_delivered_card_is_done_at_once_and_bothers_no_volunteer(
    wop, volunteer, mailoutbox
):
    request = _create(
        wop,
        ActionKind.CARD,
        delivery="self",
        message="Gefeliciteerd!",
        phone="",
        name="",
    )

    assert request.status == ActionStatus.DONE
    assert mailoutbox == []


def test_self_delivered_card_confirmation_does_not_promise_a_volunteer(wop, mailoutbox):
    action_request_create(
        kind=ActionKind.CARD,
        wop=wop,
        data={
            "name": "Nick",
            "email": "nick@example.org",
            "delivery": "self",
            "message": "Hoi",
        },
        consent=consent_record(text="Akkoord"),
        withdraw_url_for=lambda request: (
            f"http://testserver/intrekken/{request.token}/"
        ),
    )

    [mail] = mailoutbox
    assert "U bezorgt het zelf" in mail.body
    assert "Een vrijwilliger" not in mail.body
