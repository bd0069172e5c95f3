"""Public views of the neighbour actions: an action's page with its request
form, the page after a request, and a self-delivered card to print.

Every response here holds a form (with its CSRF token) or something personal,
so none of them may be kept by a shared cache.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from wagtail.models import Site

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
from neighbourhood.privacy.selectors import privacy_statement_url
from neighbourhood.submissions.guard import (
    first_sending,
    public_form_refusal,
    refusal_status,
)
from neighbourhood.submissions.services import consent_record

# The thanks page reads this from the session: nothing personal, only what
# it says next (and the private print token of a card to print).
ACTION_SESSION_KEY = "neighbourhood:action_request"

FORMS = {
    ActionKind.CARD: CardRequestForm,
    ActionKind.TREAT: TreatRequestForm,
    ActionKind.WAVE_TILE: WaveTileRequestForm,
}


def _action_context(page, wop) -> dict:
    """What an action's page shows besides its form: the treats left this
    month, or the tiles in stock and where tiles lie."""
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


def _card_print_url(request, page, print_token) -> str:
    return page.get_url(request) + page.reverse_subpage(
        "printable_card", args=[print_token]
    )


def _card_print_full_url(request, page, print_token) -> str:
    """The print link for e-mail: on the site's public address."""
    return page.get_full_url(request) + page.reverse_subpage(
        "printable_card", args=[print_token]
    )


@public_unless_personal
def action_request(request, *, page):
    """An action's page with its request form (route "" of the page)."""
    wop = page.wop
    form_class = FORMS[page.action_kind]
    form_kwargs = {
        "page": page,
        "wop": wop,
        "privacy_url": privacy_statement_url(request),
    }
    context = _action_context(page, wop)
    if request.method != "POST":
        form = form_class(initial=form_class.initial_for(request.user), **form_kwargs)
        return page.render(request, context_overrides={**context, "form": form})

    form = form_class(request.POST, **form_kwargs)
    refusal = public_form_refusal(request, form)
    if refusal:
        response = page.render(
            request,
            context_overrides={
                **context,
                "form": form.unchecked_copy(),
                "refusal": refusal,
            },
        )
        response.status_code = refusal_status(refusal)
        return response
    if not form.is_valid():
        return page.render(request, context_overrides={**context, "form": form})

    with first_sending(request) as first:
        if not first:  # a double click or a resend: stored once
            return redirect(page.get_url(request) + page.reverse_subpage("thanks"))
        try:
            action = action_request_create(
                kind=page.action_kind,
                wop=form.wop,
                data=form.submission_data(),
                consent=consent_record(
                    text=form.consent_text(), site=Site.find_for_request(request)
                ),
                monthly_limit=getattr(page, "monthly_limit", None),
                withdraw_url_for=lambda submission: request.build_absolute_uri(
                    reverse("neighbourhood:withdraw", args=[submission.token])
                ),
                print_url_for=lambda card: _card_print_full_url(
                    request, page, card.print_token
                ),
            )
        except TileAlreadyRequested:
            # The rule only (one tile per address): never who asked or when.
            return page.render(
                request,
                context_overrides={
                    **context,
                    "form": form,
                    "tile_already_requested": True,
                },
            )

        self_delivered = (
            action.kind == ActionKind.CARD and action.delivery == Delivery.SELF
        )
        request.session[ACTION_SESSION_KEY] = {
            "page": page.pk,
            "status": action.status,
            "email_sent": bool(action.email),
            "anonymous": action.anonymous,
            "card_token": action.print_token if self_delivered else "",
        }
        return redirect(page.get_url(request) + page.reverse_subpage("thanks"))


@never_cache
def action_thanks(request, *, page):
    """After a request: what happens next (route "bedankt/" of the page)."""
    sent = request.session.get(ACTION_SESSION_KEY) or {}
    requested = sent.get("page") == page.pk
    card_token = sent.get("card_token") if requested else ""
    return page.render(
        request,
        template="neighbourhood/action_thanks.html",
        context_overrides={
            "requested": requested,
            "waiting": requested and sent.get("status") == ActionStatus.WAITING,
            "email_sent": requested and sent.get("email_sent", False),
            "anonymous": requested and sent.get("anonymous", False),
            "print_url": (
                _card_print_url(request, page, card_token) if card_token else ""
            ),
        },
    )


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
