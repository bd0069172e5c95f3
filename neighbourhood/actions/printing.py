"""Alle goedgekeurde kaarten afdrukken: the approved cards a volunteer
delivers, one to a page, and marking the printed ones."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from neighbourhood.actions.queue import action_policy
from neighbourhood.actions.services import action_request_transition
from neighbourhood.models import ActionKind, ActionRequest, ActionStatus, Delivery
from neighbourhood.submissions.status import TransitionNotAllowed
from neighbourhood.wops.postcodes import format_postcode


@method_decorator(never_cache, name="dispatch")
class ApprovedCardsPrintView(PermissionCheckedMixin, TemplateView):
    """Alle goedgekeurde kaarten afdrukken: every approved card a volunteer
    delivers, in the user's WOPs (or one of them with ``?wop=``), one to a
    page, without the admin around it. "Markeer als afgedrukt" moves the
    printed ones on."""

    permission_policy = action_policy
    any_permission_required = ["view", "change"]
    template_name = "neighbourhood/admin/action_cards_print.html"
    index_url_name = None

    def cards(self, *, pks=None):
        cards = (
            ActionRequest.objects.for_user(self.request.user)
            .filter(
                kind=ActionKind.CARD,
                status=ActionStatus.APPROVED,
                delivery=Delivery.VOLUNTEER,
            )
            .select_related("card_design__front_image", "wop")
            .order_by("wop__title", "created_at", "pk")
        )
        wop = self.request.GET.get("wop") or self.request.POST.get("wop")
        if wop:
            cards = cards.filter(wop_id=wop if wop.isdigit() else None)
        if pks is not None:
            cards = cards.filter(pk__in=pks)
        return cards

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cards = list(self.cards())
        context.update(
            cards=[
                {"card": card, "postcode": format_postcode(card.recipient_postcode)}
                for card in cards
            ],
            wop=self.request.GET.get("wop", ""),
            may_mark=action_policy.user_has_permission(self.request.user, "change"),
            admin_url=reverse(self.index_url_name),
            printed_at=timezone.localtime(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not action_policy.user_has_permission(request.user, "change"):
            return redirect("wagtailadmin_home")
        # Only the cards that were on the printed page: one approved since
        # has not been printed yet.
        pks = [pk for pk in request.POST.getlist("card") if pk.isdigit()]
        marked = 0
        for card in self.cards(pks=pks):
            try:
                action_request_transition(
                    request=card, to=ActionStatus.PRINTED, by=request.user
                )
            except TransitionNotAllowed as refused:
                messages.error(request, str(refused))
            else:
                marked += 1
        messages.success(
            request,
            _("%(count)s kaart(en) gemarkeerd als afgedrukt.") % {"count": marked},
        )
        return redirect(
            reverse(self.index_url_name) + f"?kind=card&status={ActionStatus.PRINTED}"
        )
