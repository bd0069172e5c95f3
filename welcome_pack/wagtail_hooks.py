"""Registration of the welcome packs' admin: claims, presents, dashboard."""

from django.template.loader import render_to_string
from wagtail import hooks

from neighbourhood.models.pages import live_children_of_type
from welcome_pack import dashboard
from welcome_pack.admin_views import WelcomePackViewSetGroup
from welcome_pack.models import Present, WelcomePackPage


@hooks.register("register_admin_viewset")
def register_welcome_pack_viewsets():
    return WelcomePackViewSetGroup()


@hooks.register("neighbourhood_stock_models")
def welcome_pack_stock_models():
    """Volunteers count their WOP's presents, like its wave tiles."""
    return [Present]


@hooks.register("neighbourhood_page_sections")
def add_welcome_pack_section(request, page):
    """ "Nieuw in de wijk?" on the WOP page, when the WOP offers a pack."""

    # From the WOP page's own list of children: no query of its own.
    packs = live_children_of_type(page, WelcomePackPage)
    if not packs:
        return None
    pack = packs[0]
    return render_to_string(
        "welcome_pack/includes/wop_section.html",
        {"wop": page, "pack": pack},
        request=request,
    )


# Dashboard: claims waiting per WOP (issue 7) ------------------------------------

hooks.register("neighbourhood_dashboard_counts", dashboard.welcome_pack_counts)


# Registering a claim on a resident's behalf (issue 7, item 4) -------------------

hooks.register("neighbourhood_register_on_behalf", dashboard.welcome_pack_on_behalf)
