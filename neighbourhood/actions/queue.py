"""The volunteers' queue of card, treat and wave-tile requests: the list, the
"Afhandelen" page with its steps, correcting a request, and entering one on a
resident's behalf. Scoped to the user's WOPs by ``neighbourhood.scoping.viewsets``;
each step goes through ``action_request_transition``.
"""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets.button import HeaderButton
from wagtail.coreutils import multigetattr

from neighbourhood.actions.admin_forms import ASSISTED_FORMS
from neighbourhood.actions.services import (
    TileAlreadyRequested,
    action_request_create,
    action_request_machine,
    action_request_transition,
    tiles_in_stock,
    treats_left_this_month,
)
from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    CardActionPage,
    Delivery,
    TreatActionPage,
    WaveTileActionPage,
)
from neighbourhood.scoping.permissions import policy_for
from neighbourhood.scoping.views import (
    WopOwnedEditView,
    WopOwnedHandleView,
    WopOwnedQueueIndexView,
)
from neighbourhood.submissions.on_behalf import (
    AssistedSubmissionView,
    wop_pages_for_user,
)
from neighbourhood.wops.postcodes import format_postcode

action_policy = policy_for(ActionRequest)


def action_description(request: ActionRequest) -> str:
    """What was asked for, in a few words: the card's design or the treat."""
    if request.kind == ActionKind.CARD:
        design = request.card_design.name if request.card_design else "–"
        if request.delivery == Delivery.SELF:
            return _("%(design)s (zelf bezorgd)") % {"design": design}
        return design
    if request.kind == ActionKind.TREAT:
        return request.treat
    return str(ActionKind.WAVE_TILE.label)


def action_street(request: ActionRequest) -> str:
    """Where the action happens: the neighbour's street for a card or treat,
    the requester's own for a wave tile."""
    if request.kind == ActionKind.WAVE_TILE:
        return " ".join(part for part in (request.street, request.house_number) if part)
    return " ".join(
        part
        for part in (request.recipient_street, request.recipient_house_number)
        if part
    )


def _recipient_address(request: ActionRequest) -> str:
    """The neighbour's address of a card or treat, for the envelope."""
    street = " ".join(
        part
        for part in (request.recipient_street, request.recipient_house_number)
        if part
    )
    return ", ".join(
        part for part in (street, format_postcode(request.recipient_postcode)) if part
    )


def done_label(request: ActionRequest) -> str:
    """The last step's name: a tile is placed, a card or treat delivered."""
    if request.kind == ActionKind.WAVE_TILE:
        return _("Geplaatst")
    return _("Bezorgd")


# The queue ---------------------------------------------------------------------


class ActionRequestIndexView(WopOwnedQueueIndexView):
    """Buurtacties: every request of the user's WOPs; a row opens its
    "Afhandelen" page."""

    title_field = "kind"
    title_label = gettext_lazy("Actie")
    title_accessor = "get_kind_display"
    print_url_name = None

    @cached_property
    def add_item_label(self):
        return _("Aanvraag invoeren namens bewoner")

    def to_row_dict(self, item):
        """The export's "Wat" and "Straat" are worked out like the columns."""
        row = {"description": action_description(item), "street": action_street(item)}
        return {
            field: row[field] if field in row else multigetattr(item, field)
            for field in self.list_export
        }

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Alle goedgekeurde kaarten afdrukken"),
                url=reverse(self.print_url_name),
                icon_name="doc-full",
            ),
        ]


class ActionRequestHandleView(WopOwnedHandleView):
    """Afhandelen: the whole request (the card's text too, before it is
    approved) with a button for each step it can take next."""

    model = ActionRequest
    permission_policy = action_policy
    template_name = "neighbourhood/admin/action_request_handle.html"
    status_machine = action_request_machine
    reason_label = gettext_lazy("Reden van afwijzing")
    reason_help_text = gettext_lazy("De aanvrager krijgt deze reden per e-mail.")

    def get_base_object_queryset(self):
        return self.get_scoped_queryset().select_related("card_design", "wop")

    def get_page_subtitle(self):
        return f"{self.object.get_kind_display()}: {action_description(self.object)}"

    def steps(self) -> list[dict]:
        """The steps this request can take next, in the order they come."""
        request = self.object
        allowed = self.allowed_steps()
        labels = {
            ActionStatus.APPROVED: _("Goedkeuren"),
            ActionStatus.PRINTED: _("Afgedrukt"),
            ActionStatus.DONE: done_label(request),
        }
        steps = []
        for to, label in labels.items():
            if to not in allowed:
                continue
            # Only a card a volunteer delivers is printed first.
            if to == ActionStatus.PRINTED and request.kind != ActionKind.CARD:
                continue
            steps.append({"to": to, "label": label, "with_date": to == "done"})
        return steps

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        request = self.object
        context.update(
            action_request=request,
            description=action_description(request),
            recipient_address=_recipient_address(request),
            steps=self.steps(),
            may_decline=ActionStatus.DECLINED in self.allowed_steps(),
            done_label=done_label(request),
        )
        return context

    def take_step(self, data) -> str:
        action_request_transition(
            request=self.object,
            to=data["to"],
            by=self.request.user,
            reason=data["reason"],
            on=data["on"],
        )
        return _("%(kind)s: nu ‘%(status)s’.") % {
            "kind": self.object.get_kind_display(),
            "status": ActionStatus(data["to"]).label,
        }


class ActionRequestEditView(WopOwnedEditView):
    """Correct what the resident filled in; the fields shown follow the
    request's kind. Steps are taken on the "Afhandelen" page."""

    kind_panels = None
    handle_url_name = None

    def _panel(self):
        return self.kind_panels[self.object.kind]

    def get_form_class(self):
        return self._panel().get_form_class()

    def get_bound_panel(self, form):
        return self._panel().get_bound_panel(
            request=self.request, instance=form.instance, form=form
        )

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Afhandelen"),
                url=reverse(self.handle_url_name, args=[quote(self.object.pk)]),
                icon_name="tasks",
            )
        ]


# Entering a request on a resident's behalf -----------------------------------------


class ActionRequestCreateView(AssistedSubmissionView):
    """Aanvraag invoeren namens bewoner: the volunteer chooses one of the
    action pages in their WOPs, then enters what the resident asks for; it
    goes through the same service as the action's page, so the monthly limit,
    the tile stock and one tile per address count alike."""

    model = ActionRequest
    permission_policy = action_policy
    header_icon = "tasks"
    page_title = gettext_lazy("Aanvraag invoeren namens bewoner")
    choose_label = gettext_lazy("Welke buurtactie wil de bewoner?")
    no_pages_message = gettext_lazy(
        "Uw wijk heeft nog geen buurtactie online: geen kaartje, traktatie of "
        "zwaaitegel. Een actie komt erbij als iemand de pagina ervan onder de "
        "wijk zet."
    )
    submit_button_label = gettext_lazy("Aanvraag opslaan")
    refusals = (TileAlreadyRequested,)

    def get_pages(self):
        return wop_pages_for_user(
            user=self.request.user,
            page_models=(CardActionPage, TreatActionPage, WaveTileActionPage),
        )

    def page_label(self, page) -> str:
        return _("%(kind)s: %(title)s (%(wop)s)") % {
            "kind": ActionKind(page.action_kind).label,
            "title": page.title,
            "wop": page.wop.title,
        }

    def get_form_class(self, page):
        return ASSISTED_FORMS[page.action_kind]

    def intro_for(self, page) -> str:
        if page.action_kind == ActionKind.CARD:
            return _("Een vrijwilliger van de wijk bezorgt de kaart.")
        if page.action_kind == ActionKind.TREAT:
            return _(
                "Deze maand kan de wijk nog %(count)s traktatie(s) geven. Daarna "
                "komt de aanvraag op de wachtlijst."
            ) % {
                "count": treats_left_this_month(
                    wop=page.wop, monthly_limit=page.monthly_limit
                )
            }
        return _(
            "Zwaaitegels op voorraad: %(count)s. Zijn ze op, dan komt de aanvraag "
            "op de wachtlijst. Er komt één tegel per adres."
        ) % {"count": tiles_in_stock(wop=page.wop)}

    def create(self, form, **on_behalf):
        return action_request_create(
            kind=self.page.action_kind,
            wop=form.wop,
            data=form.submission_data(),
            monthly_limit=getattr(self.page, "monthly_limit", None),
            withdraw_url_for=self.withdraw_url_for,
            **on_behalf,
        )

    def refuse(self, form, refused):
        # Only the date: the address's earlier requester is not named.
        form.add_error(
            None,
            _(
                "Voor dit adres is al een zwaaitegel aangevraagd, op %(date)s. Er "
                "komt één zwaaitegel per adres."
            )
            % {
                "date": date_format(
                    timezone.localtime(refused.earlier.created_at), "j F Y"
                )
            },
        )

    def success_message(self, submission) -> str:
        values = {"kind": submission.get_kind_display(), "name": submission.name}
        if submission.status == ActionStatus.WAITING:
            message = _(
                "%(kind)s voor %(name)s staat op de wachtlijst: er is nu niets "
                "meer over. De vrijwilligers van de wijk krijgen bericht."
            )
        else:
            message = _(
                "%(kind)s voor %(name)s is aangevraagd. De vrijwilligers van de "
                "wijk krijgen bericht."
            )
        if submission.email:
            more = _("%(name)s krijgt een bevestiging per e-mail.")
        else:
            more = _("%(name)s heeft geen e-mailadres: vertel zelf wat er nu gebeurt.")
        return f"{message % values} {more % values}"
