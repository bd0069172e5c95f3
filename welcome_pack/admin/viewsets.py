"""The welcome packs' admin menu: the claims and the presents with their
stock, as viewsets, and the group that ``wagtail_hooks`` registers."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from neighbourhood.scoping.viewsets import WopOwnedQueueViewSet, WopOwnedViewSet
from welcome_pack.admin.claims import (
    OverdueColumn,
    WelcomePackClaimCreateView,
    WelcomePackClaimFilterSet,
    WelcomePackClaimHandleView,
    WelcomePackClaimIndexView,
    address_line,
)
from welcome_pack.models import Present, WelcomePackClaim
from welcome_pack.print_views import ClaimPackPrintView


class WelcomePackClaimViewSet(WopOwnedQueueViewSet):
    """Welkomstpakketten: the claims of the user's WOPs. Claims come in from
    the welcome pack pages, or are entered by a volunteer for a resident
    (``WelcomePackClaimCreateView``)."""

    model = WelcomePackClaim
    name = "welcome_pack_claim"
    url_prefix = "welkomstpakketten/aanvragen"
    icon = "mail"
    menu_label = gettext_lazy("Aanvragen")
    index_view_class = WelcomePackClaimIndexView
    on_behalf_view_class = WelcomePackClaimCreateView
    handle_view_class = WelcomePackClaimHandleView
    print_view_class = ClaimPackPrintView
    print_route = "afdrukken/<int:pk>/"
    filterset_class = WelcomePackClaimFilterSet
    select_related = ("wop", "present")
    ordering = ("-created_at", "pk")
    list_display = [
        "name",
        Column("address", label=gettext_lazy("Adres"), accessor=address_line),
        DateColumn(
            "moved_in_on", label=gettext_lazy("Verhuisd op"), sort_key="moved_in_on"
        ),
        Column("present", label=gettext_lazy("Cadeautje")),
        Column(
            "preferred_language",
            label=gettext_lazy("Taal"),
            accessor="get_preferred_language_display",
        ),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        OverdueColumn("overdue", label=gettext_lazy("Te laat")),
        DateColumn(
            "created_at", label=gettext_lazy("Aangevraagd"), sort_key="created_at"
        ),
        Column("wop", label=gettext_lazy("Wijk"), sort_key="wop__title"),
    ]
    search_fields = ["name", "street", "postcode", "email", "phone"]
    list_export = [
        "name",
        "address",
        "postcode",
        "phone",
        "email",
        "moved_in_on",
        "household_size",
        "present",
        "get_preferred_language_display",
        "get_status_display",
        "delivered_on",
        "created_at",
        "wop",
    ]
    export_headings = {
        "address": gettext_lazy("Adres"),
        "present": gettext_lazy("Cadeautje"),
        "get_preferred_language_display": gettext_lazy("Taal"),
        "get_status_display": gettext_lazy("Status"),
    }
    export_filename = "welkomstpakketten"
    # Address and present are the household's claim: not changed here.
    form_fields = [
        "name",
        "phone",
        "email",
        "household_size",
        "preferred_language",
    ]


def _stock_text(present: Present) -> str:
    return str(present.stock) if present.stock else _("Op")


class PresentViewSet(WopOwnedViewSet):
    """Cadeautjes: what new residents can choose from in each WOP, and how
    many are left; a claim takes one."""

    model = Present
    name = "welcome_pack_present"
    url_prefix = "welkomstpakketten/cadeautjes"
    icon = "pick"
    menu_label = gettext_lazy("Cadeautjes")
    list_display = [
        "name",
        Column(
            "stock",
            label=gettext_lazy("Op voorraad"),
            accessor=_stock_text,
            sort_key="stock",
        ),
        Column("wop", label=gettext_lazy("Wijk"), sort_key="wop__title"),
    ]
    list_export = ["name", "stock", "wop"]
    list_filter = ["wop"]
    search_fields = ["name"]
    form_fields = ["wop", "name", "image", "stock"]
    export_filename = "cadeautjes"


welcome_pack_claim_viewset = WelcomePackClaimViewSet()
present_viewset = PresentViewSet()


class WelcomePackViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Welkomstpakketten")
    menu_icon = "mail"
    menu_order = 165
    items = (welcome_pack_claim_viewset, present_viewset)
