"""The welcome pack claims in the admin: the volunteers' list with its
filters, handling one claim (packed, delivered, could not deliver) and
entering one on a resident's behalf.

The claims are scoped to the user's WOPs by ``neighbourhood.scoping.viewsets``;
each step goes through ``claim_transition``.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from neighbourhood.scoping.permissions import policy_for
from neighbourhood.scoping.views import (
    WopOwnedFilterSet,
    WopOwnedHandleView,
    WopOwnedQueueIndexView,
)
from neighbourhood.submissions.on_behalf import (
    AssistedSubmissionView,
    wop_pages_for_user,
)
from neighbourhood.wops.house_numbers import format_house_number
from welcome_pack.forms import PRESENT_GONE_MESSAGE, AssistedClaimForm
from welcome_pack.models import (
    ClaimStatus,
    FurtherInterest,
    WelcomePackClaim,
    WelcomePackPage,
)
from welcome_pack.selectors import claim_is_overdue, overdue_q
from welcome_pack.services import (
    AlreadyClaimed,
    PresentGone,
    claim_machine,
    claim_transition,
    welcome_pack_claim,
)

claim_policy = policy_for(WelcomePackClaim)


def address_line(claim: WelcomePackClaim) -> str:
    """Street and house number with its addition: where the pack goes."""
    number = format_house_number(claim.house_number, claim.house_number_addition)
    return " ".join(part for part in (claim.street, number) if part)


def interests_hint(claim: WelcomePackClaim) -> str:
    """ "Wil ook: een maatje, vrijwilligerswerk", or "" when nothing more."""
    labels = dict(FurtherInterest.choices)
    wanted = [
        str(labels[value]).lower() for value in claim.interests if value in labels
    ]
    if not wanted:
        return ""
    return _("Wil ook: %(interests)s") % {"interests": ", ".join(wanted)}


# The list ---------------------------------------------------------------------


class OverdueColumn(Column):
    """ "Te laat" when the claim was not delivered within the delivery days;
    worked out from the row itself, so no query per row."""

    def get_value(self, instance):
        return _("Te laat") if claim_is_overdue(instance) else ""


class WelcomePackClaimFilterSet(WopOwnedFilterSet):
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("Te laat"),
        method="filter_overdue",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = WelcomePackClaim
        fields = ["status", "overdue", "wop"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(overdue_q()) if value else queryset.exclude(overdue_q())


class WelcomePackClaimIndexView(WopOwnedQueueIndexView):
    """Welkomstpakketten: every claim of the user's WOPs; a row opens its
    "Afhandelen" page."""

    title_field = "name"
    title_label = gettext_lazy("Naam")
    print_url_name = None

    @cached_property
    def add_item_label(self):
        return _("Aanvraag invoeren namens bewoner")

    def get_list_more_buttons(self, instance):
        handle, *others = super().get_list_more_buttons(instance)
        return [
            handle,
            ListingButton(
                _("Pakket afdrukken"),
                url=reverse(self.print_url_name, args=[quote(instance.pk)]),
                icon_name="doc-full",
                priority=6,
            ),
            *others,
        ]


# Handling one claim -------------------------------------------------------------


class WelcomePackClaimHandleView(WopOwnedHandleView):
    """Afhandelen: the claim, the address and the chosen present, with a
    button for each step it can take next."""

    model = WelcomePackClaim
    permission_policy = claim_policy
    template_name = "welcome_pack/admin/claim_handle.html"
    status_machine = claim_machine
    on_label = gettext_lazy("Bezorgd op")
    reason_label = gettext_lazy("Waarom lukte het niet?")
    reason_help_text = gettext_lazy(
        "Bijvoorbeeld: drie keer niemand thuis, of het adres bestaat niet."
    )
    print_url_name = None

    def get_base_object_queryset(self):
        return self.get_scoped_queryset().select_related(
            "wop", "present", "delivered_by"
        )

    def get_page_subtitle(self):
        return str(self.object.name or self.object)

    def get_index_label(self) -> str:
        return _("Welkomstpakketten")

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Pakket afdrukken"),
                url=reverse(self.print_url_name, args=[quote(self.object.pk)]),
                icon_name="doc-full",
            ),
            *super().header_buttons,
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        claim = self.object
        allowed = self.allowed_steps()
        context.update(
            claim=claim,
            address=address_line(claim),
            interests=interests_hint(claim),
            overdue=claim_is_overdue(claim),
            may_pack=ClaimStatus.PACKED in allowed,
            may_deliver=ClaimStatus.DELIVERED in allowed,
            may_fail=ClaimStatus.NOT_DELIVERED in allowed,
        )
        return context

    def take_step(self, data) -> str:
        claim_transition(
            claim=self.object,
            to=data["to"],
            by=self.request.user,
            on=data["on"],
            reason=data["reason"],
        )
        return _("Welkomstpakket voor %(name)s: nu ‘%(status)s’.") % {
            "name": self.object.name,
            "status": ClaimStatus(data["to"]).label,
        }


# Entering a claim on a resident's behalf ------------------------------------------


class WelcomePackClaimCreateView(AssistedSubmissionView):
    """Aanvraag invoeren namens bewoner: the volunteer chooses the welcome
    pack of one of their WOPs, then enters the new resident's answers; it
    goes through the same service as the pack's page, so one claim per
    address and the presents' stock count alike."""

    model = WelcomePackClaim
    permission_policy = claim_policy
    header_icon = "mail"
    page_title = gettext_lazy("Welkomstpakket aanvragen namens bewoner")
    choose_label = gettext_lazy("Welk welkomstpakket?")
    no_pages_message = gettext_lazy(
        "Uw wijk heeft nog geen welkomstpakket online. Het komt erbij als "
        "iemand de pagina ervan onder de wijk zet."
    )
    submit_button_label = gettext_lazy("Aanvraag opslaan")
    refusals = (AlreadyClaimed, PresentGone)

    def get_pages(self):
        return wop_pages_for_user(
            user=self.request.user, page_models=(WelcomePackPage,)
        )

    def page_label(self, page) -> str:
        return _("%(title)s (%(wop)s)") % {"title": page.title, "wop": page.wop.title}

    def get_form_class(self, page):
        return AssistedClaimForm

    def create(self, form, **on_behalf):
        return welcome_pack_claim(
            wop=form.wop,
            data=form.submission_data(),
            present=form.chosen_present(),
            withdraw_url_for=self.withdraw_url_for,
            **on_behalf,
        )

    def refuse(self, form, refused):
        if isinstance(refused, PresentGone):
            # Asked again: the present that ran out is no longer offered.
            form = self.get_form(form.page, self.request.POST)
            if form.is_valid() and form.offers_present:
                form.add_error("present", PRESENT_GONE_MESSAGE)
            return form
        # The rule only: not who claimed it, nor when.
        form.add_error(
            None,
            _(
                "Voor dit adres is al een welkomstpakket aangevraagd. Er is één "
                "pakket per adres. Heeft de bewoner een vraag? Neem dan contact op "
                "met wijk %(wop)s."
            )
            % {"wop": form.wop.title},
        )
        return form

    def success_message(self, claim) -> str:
        values = {"name": claim.name, "present": claim.present}
        message = (
            _("Welkomstpakket voor %(name)s aangevraagd, met %(present)s.")
            if claim.present
            else _("Welkomstpakket voor %(name)s aangevraagd.")
        ) % values
        message += " " + _("De vrijwilligers van de wijk krijgen bericht.")
        if claim.email:
            more = _("%(name)s krijgt een bevestiging per e-mail.")
        else:
            more = _("%(name)s heeft geen e-mailadres: vertel zelf wat er nu gebeurt.")
        return f"{message} {more % values}"
