"""Neighbour actions: requesting a card, a treat or a wave tile, and the
volunteers' steps from new to delivered or placed."""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    Delivery,
    NeighbourhoodPage,
    TileStock,
)
from neighbourhood.models.actions import TILE_CLAIMING_STATUSES
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.page_cache import page_cache_clear
from neighbourhood.submissions.services import (
    submission_withdraw_url,
    wop_staff_emails,
)
from neighbourhood.submissions.status import (
    StatusMachine,
    Step,
    TransitionNotAllowed,
)
from neighbourhood.wops.postcodes import address_key


class TileAlreadyRequested(Exception):
    """A wave tile was already requested for this address."""

    def __init__(self, earlier: ActionRequest):
        super().__init__("A wave tile was already requested for this address")
        self.earlier = earlier


def treats_left_this_month(*, wop: NeighbourhoodPage, monthly_limit: int) -> int:
    """How many treats ``wop`` can still give this month."""
    given = (
        ActionRequest.objects.of_kind(ActionKind.TREAT)
        .filter(wop=wop)
        .this_month()
        .exclude(
            status__in=[
                ActionStatus.WAITING,
                ActionStatus.DECLINED,
                ActionStatus.WITHDRAWN,
            ]
        )
        .count()
    )
    return max(monthly_limit - given, 0)


def tiles_in_stock(*, wop: NeighbourhoodPage) -> int:
    stock = TileStock.objects.filter(wop=wop).first()
    return stock.quantity if stock else 0


def earlier_tile_request(*, postcode: str, house_number: str) -> ActionRequest | None:
    """The request that already holds this address's wave tile, if any."""
    return (
        ActionRequest.objects.of_kind(ActionKind.WAVE_TILE)
        .filter(
            address_key=address_key(postcode, house_number),
            status__in=TILE_CLAIMING_STATUSES,
        )
        .first()
    )


def action_request_create(
    *,
    kind: str,
    wop: NeighbourhoodPage,
    data: dict,
    consent: dict,
    monthly_limit: int | None = None,
    registered_by=None,
    withdraw_url_for=submission_withdraw_url,
    print_url_for=None,
) -> ActionRequest:
    """Save a request in the WOP's queue and queue its e-mails, together.

    A self-delivered card is done at once (the sender prints it); a treat
    beyond the month's limit and a tile when none are in stock go on the
    waiting list. ``print_url_for(card)`` gives the absolute print link of a
    self-delivered card for its e-mail. Raises TileAlreadyRequested for a
    second tile at one address, also when two arrive at the same moment (the
    database refuses the second).
    """
    request = ActionRequest(
        kind=kind, wop=wop, registered_by=registered_by, **consent, **data
    )
    if kind == ActionKind.CARD and request.delivery == Delivery.SELF:
        request.status = ActionStatus.DONE
        request.handled_on = timezone.localdate()
    elif kind == ActionKind.TREAT and monthly_limit is not None:
        if not treats_left_this_month(wop=wop, monthly_limit=monthly_limit):
            request.status = ActionStatus.WAITING
    elif kind == ActionKind.WAVE_TILE:
        request.address_key = address_key(request.postcode, request.house_number)
        if not tiles_in_stock(wop=wop):
            request.status = ActionStatus.WAITING
    try:
        with transaction.atomic():
            request.save()
            log(instance=request, action="wagtail.create", user=registered_by)
            _notify(
                request,
                withdraw_url_for=withdraw_url_for,
                print_url_for=print_url_for,
            )
    except IntegrityError:
        earlier = earlier_tile_request(
            postcode=request.postcode, house_number=request.house_number
        )
        if kind == ActionKind.WAVE_TILE and earlier is not None:
            raise TileAlreadyRequested(earlier) from None
        raise
    if kind == ActionKind.TREAT:
        # The action's page shows how many treats are left this month.
        page_cache_clear()
    return request


def _notify(request: ActionRequest, *, withdraw_url_for, print_url_for) -> None:
    if request.status != ActionStatus.DONE:
        staff = wop_staff_emails(wop=request.wop, except_user=request.registered_by)
        if staff:
            email_enqueue(
                to=staff,
                subject=_("Nieuwe aanvraag: %(kind)s")
                % {"kind": request.get_kind_display()},
                template="neighbourhood/email/action_request_staff.txt",
                context={"request": request},
            )
    if request.email:
        self_delivered = (
            request.kind == ActionKind.CARD and request.delivery == Delivery.SELF
        )
        with translation.override(request.language):
            email_enqueue(
                to=[request.email],
                subject=_("Uw aanvraag: %(kind)s")
                % {"kind": request.get_kind_display()},
                template="neighbourhood/email/action_request_confirmation.txt",
                context={
                    "request": request,
                    "withdraw_url": withdraw_url_for(request),
                    "print_url": (
                        print_url_for(request)
                        if self_delivered and print_url_for is not None
                        else ""
                    ),
                },
            )


def _move_tile_stock(request: ActionRequest, *, previous: str) -> None:
    """Approving a wave tile takes one from the WOP's stock; declining an
    approved tile puts it back."""
    if request.kind != ActionKind.WAVE_TILE:
        return
    reserved = {ActionStatus.APPROVED, ActionStatus.PRINTED}
    stock, _created = TileStock.objects.select_for_update().get_or_create(
        wop=request.wop
    )
    if request.status == ActionStatus.APPROVED:
        if stock.quantity < 1:
            raise TransitionNotAllowed(
                _(
                    "Er zijn geen zwaaitegels meer op voorraad. Vul eerst de "
                    "voorraad aan."
                )
            )
        stock.quantity -= 1
        stock.save(update_fields=["quantity"])
    elif request.status == ActionStatus.DECLINED and previous in reserved:
        stock.quantity += 1
        stock.save(update_fields=["quantity"])


def _after_step(request: ActionRequest, *, previous: str) -> None:
    if request.kind == ActionKind.TREAT or (
        request.kind == ActionKind.WAVE_TILE
        and ActionStatus.DONE in (previous, request.status)
    ):
        # The public page counts treats left this month and tiles placed.
        page_cache_clear()
    if (
        request.kind == ActionKind.CARD
        and request.status == ActionStatus.DONE
        and request.delivery == Delivery.VOLUNTEER
        and request.email
    ):
        # The card form promises: with an e-mail address, you hear it arrived.
        with translation.override(request.language):
            email_enqueue(
                to=[request.email],
                subject=_("Uw kaartje is bezorgd"),
                template="neighbourhood/email/card_delivered.txt",
                context={
                    "request": request,
                    "withdraw_url": submission_withdraw_url(request),
                },
            )
    if request.status == ActionStatus.DECLINED and request.email:
        with translation.override(request.language):
            email_enqueue(
                to=[request.email],
                subject=_("Uw aanvraag is niet doorgegaan"),
                template="neighbourhood/email/action_request_declined.txt",
                context={"request": request},
            )


# The queue's steps. Declining is possible until it is done.
action_request_machine = StatusMachine(
    model=ActionRequest,
    transitions={
        ActionStatus.NEW: {ActionStatus.APPROVED, ActionStatus.DECLINED},
        ActionStatus.WAITING: {ActionStatus.APPROVED, ActionStatus.DECLINED},
        ActionStatus.APPROVED: {
            ActionStatus.PRINTED,
            ActionStatus.DONE,
            ActionStatus.DECLINED,
        },
        ActionStatus.PRINTED: {ActionStatus.DONE, ActionStatus.DECLINED},
    },
    steps={
        ActionStatus.DONE: Step(date_field="handled_on"),
        ActionStatus.DECLINED: Step(
            note_field="decline_reason",
            note_missing=gettext_lazy("Schrijf erbij waarom de aanvraag is afgewezen."),
        ),
    },
    before_save=_move_tile_stock,
    after_save=_after_step,
)


def action_request_transition(
    *, request: ActionRequest, to: str, by, reason: str = "", on=None
) -> ActionRequest:
    """Take one step in the queue (approve, printed, delivered/placed on
    ``on``, decline with a reason), logged with who and when.

    Approving a wave tile takes one from the WOP's stock; declining an
    approved tile puts it back. A declined request's sender is told why, and a
    delivered card's sender that it arrived, when they left an e-mail
    address. Raises TransitionNotAllowed.
    """
    return action_request_machine.transition(request, to=to, by=by, note=reason, on=on)
