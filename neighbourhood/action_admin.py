"""The neighbour actions' admin: the volunteers' queue of card, treat and
wave-tile requests with its steps, entering a request on a resident's behalf,
the printable approved cards, the WOPs' tile stock and the card designs
(the dashboard's counts are in ``dashboard.contributions``).

Every view of requests and stock is scoped to the user's WOPs by
``viewsets``; each step goes through ``action_request_transition``.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.coreutils import multigetattr
from wagtail.snippets.views.snippets import SnippetViewSet

from neighbourhood.action_forms import ASSISTED_FORMS
from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    CardActionPage,
    CardDesign,
    Delivery,
    TileStock,
    TreatActionPage,
    WaveTileActionPage,
)
from neighbourhood.scoping.permissions import WopOwnedPermissionPolicy
from neighbourhood.scoping.views import (
    WopOwnedEditView,
    WopOwnedHandleView,
    WopOwnedQueueIndexView,
)
from neighbourhood.scoping.viewsets import (
    FormlessSnippetChooserViewSet,
    WopOwnedViewSet,
)
from neighbourhood.services import (
    TileAlreadyRequested,
    TransitionNotAllowed,
    action_request_create,
    action_request_transition,
    tiles_in_stock,
    treats_left_this_month,
)
from neighbourhood.services.actions import TRANSITIONS
from neighbourhood.submissions.on_behalf import (
    AssistedSubmissionView,
    wop_pages_for_user,
)
from neighbourhood.submissions.services import consent_record
from neighbourhood.wops.postcodes import format_postcode

action_policy = WopOwnedPermissionPolicy(ActionRequest)


def _description(request: ActionRequest) -> str:
    """What was asked for, in a few words: the card's design or the treat."""
    if request.kind == ActionKind.CARD:
        design = request.card_design.name if request.card_design else "–"
        if request.delivery == Delivery.SELF:
            return _("%(design)s (zelf bezorgd)") % {"design": design}
        return design
    if request.kind == ActionKind.TREAT:
        return request.treat
    return str(ActionKind.WAVE_TILE.label)


def _street(request: ActionRequest) -> str:
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
        row = {"description": _description(item), "street": _street(item)}
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


class TransitionForm(forms.Form):
    """One step for one request; the service decides whether it may be taken."""

    to = forms.ChoiceField(
        choices=[
            (status, status.label)
            for status in (
                ActionStatus.APPROVED,
                ActionStatus.PRINTED,
                ActionStatus.DONE,
                ActionStatus.DECLINED,
            )
        ]
    )
    reason = forms.CharField(
        label=gettext_lazy("Reden van afwijzing"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("De aanvrager krijgt deze reden per e-mail."),
    )
    on = forms.DateField(
        label=gettext_lazy("Op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class ActionRequestHandleView(WopOwnedHandleView):
    """Afhandelen: the whole request (the card's text too, before it is
    approved) with a button for each step it can take next."""

    model = ActionRequest
    permission_policy = action_policy
    template_name = "neighbourhood/admin/action_request_handle.html"
    step_form_class = TransitionForm
    refusals = (TransitionNotAllowed,)

    def get_base_object_queryset(self):
        return self.get_scoped_queryset().select_related("card_design", "wop")

    def get_page_subtitle(self):
        return f"{self.object.get_kind_display()}: {_description(self.object)}"

    def steps(self) -> list[dict]:
        """The steps this request can take next, in the order they come."""
        request = self.object
        allowed = TRANSITIONS.get(request.status, set())
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
            description=_description(request),
            recipient_address=_recipient_address(request),
            steps=self.steps(),
            may_decline=ActionStatus.DECLINED in TRANSITIONS.get(request.status, set()),
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

    def create(self, form, page):
        return action_request_create(
            kind=page.action_kind,
            wop=form.wop,
            data=form.submission_data(),
            consent=consent_record(
                text=form.consent_text(), method=form.cleaned_data["consent_method"]
            ),
            monthly_limit=getattr(page, "monthly_limit", None),
            registered_by=self.request.user,
            withdraw_url_for=self.withdraw_url_for,
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


# Printing the approved cards -----------------------------------------------------


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


# The viewsets ----------------------------------------------------------------------


def _kind_panel(*children) -> ObjectList:
    """The edit form of one kind of request: never token, consent, status or
    who entered it."""
    return ObjectList(
        [
            *children,
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                    FieldPanel("contact_preference"),
                ],
                heading=gettext_lazy("Aanvrager"),
            ),
        ]
    )


_RECIPIENT = MultiFieldPanel(
    [
        FieldRowPanel(
            [
                FieldPanel("recipient_street"),
                FieldPanel("recipient_house_number"),
                FieldPanel("recipient_postcode"),
            ]
        )
    ],
    heading=gettext_lazy("Voor de buur op"),
)

# A tile's own address is not editable here: it is the one-tile-per-address key.
KIND_PANELS = {
    ActionKind.CARD: _kind_panel(
        MultiFieldPanel(
            [
                FieldPanel("card_design"),
                FieldPanel("message"),
                FieldPanel("anonymous"),
                FieldPanel("delivery"),
            ],
            heading=gettext_lazy("Kaartje"),
        ),
        _RECIPIENT,
    ),
    ActionKind.TREAT: _kind_panel(
        MultiFieldPanel(
            [FieldPanel("treat"), FieldPanel("treat_for")],
            heading=gettext_lazy("Traktatie"),
        ),
        _RECIPIENT,
    ),
    ActionKind.WAVE_TILE: _kind_panel(),
}


class ActionRequestViewSet(WopOwnedViewSet):
    """Buurtacties: the card, treat and wave-tile requests of the user's
    WOPs. Requests come in from the action pages, or are entered by a
    volunteer for a resident (``ActionRequestCreateView``)."""

    model = ActionRequest
    name = "action_request"
    url_prefix = "buurtacties/aanvragen"
    icon = "tasks"
    menu_label = gettext_lazy("Aanvragen")
    index_view_class = ActionRequestIndexView
    edit_view_class = ActionRequestEditView
    select_related = ("wop", "card_design")
    list_display = [
        "kind",
        Column("description", label=gettext_lazy("Wat"), accessor=_description),
        Column("street", label=gettext_lazy("Straat"), accessor=_street),
        "status",
        DateColumn(
            "created_at", label=gettext_lazy("Aangevraagd"), sort_key="created_at"
        ),
        Column("wop", label=gettext_lazy("Wijk"), sort_key="wop__title"),
    ]
    list_filter = ["kind", "status", "wop"]
    search_fields = ["name", "street", "recipient_street", "treat", "message"]
    list_export = [
        "get_kind_display",
        "description",
        "street",
        "get_status_display",
        "created_at",
        "handled_on",
        "wop",
    ]
    export_headings = {
        "get_kind_display": gettext_lazy("Actie"),
        "description": gettext_lazy("Wat"),
        "street": gettext_lazy("Straat"),
        "get_status_display": gettext_lazy("Status"),
    }
    export_filename = "buurtacties"
    # The edit view picks the form of the request's kind.
    edit_handler = KIND_PANELS[ActionKind.WAVE_TILE]

    @cached_property
    def _kind_panels(self):
        return {
            kind: panel.bind_to_model(self.model) for kind, panel in KIND_PANELS.items()
        }

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            handle_url_name=self.get_url_name("handle"),
            print_url_name=self.get_url_name("print"),
            **kwargs,
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(kind_panels=self._kind_panels, **kwargs)

    def get_urlpatterns(self):
        return [
            pattern for pattern in super().get_urlpatterns() if pattern.name != "add"
        ] + [
            path(
                "nieuw/",
                self.construct_view(ActionRequestCreateView),
                name="add",
            ),
            path(
                "afhandelen/<int:pk>/",
                self.construct_view(
                    ActionRequestHandleView,
                    edit_url_name=self.get_url_name("edit"),
                    history_url_name=self.get_url_name("history"),
                ),
                name="handle",
            ),
            path(
                "afdrukken/",
                self.construct_view(ApprovedCardsPrintView),
                name="print",
            ),
        ]


class TileStockViewSet(WopOwnedViewSet):
    """Voorraad zwaaitegels: a WOP's volunteers count their tiles; approving
    a tile request takes one."""

    model = TileStock
    name = "tile_stock"
    url_prefix = "buurtacties/voorraad"
    icon = "resubmit"
    menu_label = gettext_lazy("Voorraad zwaaitegels")
    list_display = ["wop", "quantity"]
    form_fields = ["wop", "quantity"]
    export_filename = "voorraad-zwaaitegels"


action_request_viewset = ActionRequestViewSet()
tile_stock_viewset = TileStockViewSet()


class ActionViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Buurtacties")
    menu_icon = "tasks"
    menu_order = 155
    items = (action_request_viewset, tile_stock_viewset)


class CardDesignViewSet(SnippetViewSet):
    """Kaartontwerpen: shared by every WOP, managed by the coordinators."""

    model = CardDesign
    chooser_viewset_class = FormlessSnippetChooserViewSet
    icon = "image"
    menu_label = gettext_lazy("Kaartontwerpen")
    list_display = ["name", "kind", "is_offered"]
    list_filter = ["kind", "is_offered"]
    search_fields = ["name"]
