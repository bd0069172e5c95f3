"""The neighbour actions' admin, grouped in the "Buurtacties" menu: the
volunteers' queue of requests (its views are in ``queue``, the printable
approved cards in ``printing``), the WOPs' tile stock and the card designs
(the dashboard's counts are in ``dashboard.contributions``).
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from neighbourhood.actions.admin_forms import ActionRequestAdminForm
from neighbourhood.actions.printing import ApprovedCardsPrintView
from neighbourhood.actions.queue import (
    ActionRequestCreateView,
    ActionRequestEditView,
    ActionRequestHandleView,
    ActionRequestIndexView,
    action_description,
    action_street,
)
from neighbourhood.models import ActionKind, ActionRequest, CardDesign, TileStock
from neighbourhood.scoping.viewsets import (
    FormlessSnippetChooserViewSet,
    WopOwnedQueueViewSet,
    WopOwnedViewSet,
)


def _kind_panel(*children) -> ObjectList:
    """The edit form of one kind of request: never token, consent, status or
    who entered it."""
    return ObjectList(
        base_form_class=ActionRequestAdminForm,
        children=[
            *children,
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                    FieldPanel("contact_preference"),
                ],
                heading=gettext_lazy("Aanvrager"),
            ),
        ],
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


class ActionRequestViewSet(WopOwnedQueueViewSet):
    """Buurtacties: the card, treat and wave-tile requests of the user's
    WOPs. Requests come in from the action pages, or are entered by a
    volunteer for a resident (``ActionRequestCreateView``)."""

    model = ActionRequest
    name = "action_request"
    url_prefix = "buurtacties/aanvragen"
    icon = "tasks"
    menu_label = gettext_lazy("Aanvragen")
    index_view_class = ActionRequestIndexView
    on_behalf_view_class = ActionRequestCreateView
    handle_view_class = ActionRequestHandleView
    print_view_class = ApprovedCardsPrintView
    edit_view_class = ActionRequestEditView
    select_related = ("wop", "card_design")
    list_display = [
        "kind",
        Column("description", label=gettext_lazy("Wat"), accessor=action_description),
        Column("street", label=gettext_lazy("Straat"), accessor=action_street),
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

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(kind_panels=self._kind_panels, **kwargs)


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
