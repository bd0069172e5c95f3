"""Registration of the welcome packs' admin: claims, presents, dashboard."""

from wagtail import hooks

from welcome_pack.admin import dashboard
from welcome_pack.admin.viewsets import WelcomePackViewSetGroup
from welcome_pack.models import Present
from welcome_pack.wop_section import wop_section


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
    return wop_section(request, wop=page)


# Dashboard: claims waiting per WOP (issue 7) ------------------------------------

hooks.register("neighbourhood_dashboard_counts", dashboard.welcome_pack_counts)


# Registering a claim on a resident's behalf (issue 7, item 4) -------------------

hooks.register("neighbourhood_register_on_behalf", dashboard.welcome_pack_on_behalf)
