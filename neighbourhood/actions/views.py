"""Public views of the neighbour actions: an action's page with its request
form, the page after a request, and a self-delivered card to print.

Every response here holds a form (with its CSRF token) or something personal,
so none of them may be kept by a shared cache.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from neighbourhood.actions.forms import (
    CardRequestForm,
    TreatRequestForm,
    WaveTileRequestForm,
)
from neighbourhood.actions.selectors import tiles_placed_per_street
from neighbourhood.actions.services import (
    TileAlreadyRequested,
    action_request_create,
    tiles_in_stock,
    treats_left_this_month,
)
from neighbourhood.models import ActionKind, ActionRequest, ActionStatus, Delivery
from neighbourhood.page_cache import public_unless_personal
from neighbourhood.submissions.flow import PublicFormFlow

FORMS = {
    ActionKind.CARD: CardRequestForm,
    ActionKind.TREAT: TreatRequestForm,
    ActionKind.WAVE_TILE: WaveTileRequestForm,
}


class ActionRequestFlow(PublicFormFlow):
    """Asking for a card, a treat or a wave tile on the action's page."""

    # The thanks page reads this from the session: nothing personal, only
    # what it says next (and the private print token of a card to print).
    session_key = "neighbourhood:action_request"
    thanks_template = "neighbourhood/action_thanks.html"
    refusals = (TileAlreadyRequested,)

    def get_form_class(self):
        return FORMS[self.page.action_kind]

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "page": self.page, "wop": self.page.wop}

    def get_context(self) -> dict:
        """The treats left this month, or the tiles in stock and where tiles
        lie."""
        page, wop = self.page, self.page.wop
        if page.action_kind == ActionKind.TREAT:
            return {
                "treats_left": treats_left_this_month(
                    wop=wop, monthly_limit=page.monthly_limit
                )
            }
        if page.action_kind == ActionKind.WAVE_TILE:
            return {
                "tiles_in_stock": tiles_in_stock(wop=wop),
                "tiles_per_street": tiles_placed_per_street(wop=wop),
            }
        return {}

    def store(self, form, consent):
        return action_request_create(
            kind=self.page.action_kind,
            wop=form.wop,
            data=form.submission_data(),
            consent=consent,
            monthly_limit=getattr(self.page, "monthly_limit", None),
            withdraw_url_for=self.withdraw_url_for,
            print_url_for=self.print_url_for,
        )

    def refused(self, form, refused):
        # The rule only (one tile per address): never who asked or when.
        return self.render(form, tile_already_requested=True)

    def session_data(self, form, stored) -> dict:
        self_delivered = (
            stored.kind == ActionKind.CARD and stored.delivery == Delivery.SELF
        )
        return {
            "status": stored.status,
            "email_sent": bool(stored.email),
            "anonymous": stored.anonymous,
            "card_token": stored.print_token if self_delivered else "",
        }

    def thanks_context(self, kept):
        sent = kept or {}
        requested = kept is not None
        card_token = sent.get("card_token") if requested else ""
        return {
            "requested": requested,
            "waiting": requested and sent.get("status") == ActionStatus.WAITING,
            "email_sent": requested and sent.get("email_sent", False),
            "anonymous": requested and sent.get("anonymous", False),
            "print_url": self.card_print_path(card_token) if card_token else "",
        }

    def card_print_path(self, print_token) -> str:
        return self.page.get_url(self.request) + self.page.reverse_subpage(
            "printable_card", args=[print_token]
        )

    def print_url_for(self, card) -> str:
        """The print link for e-mail: on the site's public address."""
        return self.page.get_full_url(self.request) + self.page.reverse_subpage(
            "printable_card", args=[card.print_token]
        )


@public_unless_personal
def action_request(request, *, page):
    """An action's page with its request form (route "" of the page)."""
    return ActionRequestFlow(request, page).form_page()


@never_cache
def action_thanks(request, *, page):
    """After a request: what happens next (route "bedankt/" of the page)."""
    return ActionRequestFlow(request, page).thanks_page()


@never_cache
def card_print(request, *, page, token):
    """A card to print at home: front and message on one sheet (route
    "kaart/<token>/" of a card page). Only by the card's print token, never
    its withdraw token; only this WOP's cards; a withdrawn one is gone."""
    card = (
        ActionRequest.objects.of_kind(ActionKind.CARD)
        .active()
        .filter(wop=page.wop, print_token=token)
        .select_related("card_design__front_image")
        .first()
    )
    if card is None or card.card_design is None:
        raise Http404
    return TemplateResponse(
        request,
        "neighbourhood/card_print.html",
        {"page": page, "card": card},
    )
