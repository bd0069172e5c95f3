from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from neighbourhood import page_cache
from neighbourhood.accounts import mfa_installed
from neighbourhood.actions.viewsets import ActionViewSetGroup, CardDesignViewSet
from neighbourhood.buddies.log import FollowUpFormatter
from neighbourhood.buddies.viewsets import BuddyViewSetGroup
from neighbourhood.dashboard.contributions import (
    neighbourhood_counts,
    neighbourhood_on_behalf,
)
from neighbourhood.dashboard.hooks import COUNTS_HOOK, ON_BEHALF_HOOK
from neighbourhood.dashboard.panels import homepage_panels
from neighbourhood.figures.admin import figures_viewset
from neighbourhood.privacy.admin import menu_item
from neighbourhood.privacy.urls import admin_urls
from neighbourhood.review.admin import (
    ReviewMyPagesPanel,
    homepage_panels_without_wagtails_own_in_review,
    review_refused,
)
from neighbourhood.scoping import choosers
from neighbourhood.scoping.admin_api import register_scoped_media_endpoints
from neighbourhood.scoping.bulk_actions import VISIBLE_BULK_ACTIONS
from neighbourhood.submissions.log import StatusChangeFormatter
from neighbourhood.volunteers.log import (
    VolunteerAcceptFormatter,
    VolunteerCoordinatorFormatter,
    VolunteerInviteFormatter,
    VolunteerPublishFormatter,
    VolunteerRemoveFormatter,
)
from neighbourhood.volunteers.viewsets import volunteer_viewset
from neighbourhood.wops.viewsets import KeyFigureViewSet

register_snippet(KeyFigureViewSet)
register_snippet(CardDesignViewSet)


@hooks.register("register_admin_viewset")
def register_buddy_viewsets():
    return BuddyViewSetGroup()


@hooks.register("register_admin_viewset")
def register_action_viewsets():
    return ActionViewSetGroup()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("verbuurzamen.status")(StatusChangeFormatter)
    actions.register_action(
        "verbuurzamen.anonymise", _("Geanonimiseerd"), _("Persoonsgegevens gewist")
    )
    actions.register_action("verbuurzamen.follow_up")(FollowUpFormatter)


# Volunteers: inviting, removing, trusted volunteers (issue 7) -----------------


@hooks.register("register_admin_viewset")
def register_volunteer_viewset():
    return volunteer_viewset


@hooks.register("register_log_actions")
def register_volunteer_log_actions(actions):
    actions.register_action("verbuurzamen.volunteer_invite")(VolunteerInviteFormatter)
    actions.register_action("verbuurzamen.volunteer_remove")(VolunteerRemoveFormatter)
    actions.register_action("verbuurzamen.volunteer_publish")(VolunteerPublishFormatter)


@hooks.register("register_log_actions")
def register_volunteer_accept_log_action(actions):
    actions.register_action("verbuurzamen.volunteer_accept")(VolunteerAcceptFormatter)


# Dashboard: to do per WOP, registering on a resident's behalf (issue 7) -------

hooks.register("construct_homepage_panels", homepage_panels)
hooks.register(COUNTS_HOOK, neighbourhood_counts)
hooks.register(ON_BEHALF_HOOK, neighbourhood_on_behalf)


# Scoping everywhere: pages in the explorer and the chooser, bulk actions ----------


hooks.register("construct_explorer_page_queryset", choosers.explorer_pages_visible)
hooks.register("construct_page_chooser_queryset", choosers.chooser_pages_visible)

# After Wagtail's own (order 0), so these replace them.
for bulk_action_class in VISIBLE_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action_class, order=100)

# The image chooser's "choose a format" step: set in NeighbourhoodConfig.ready().


# WOP review: the volunteer's pages in review; refused review actions (issue 7)


@hooks.register("construct_homepage_panels")
def add_review_my_pages_panel(request, panels):
    panels.append(ReviewMyPagesPanel())


hooks.register(
    "construct_homepage_panels", homepage_panels_without_wagtails_own_in_review
)


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path(
            "wop-controle/<int:page_id>/<slug:reason>/",
            review_refused,
            name="neighbourhood_review_refused",
        )
    ]


# Personal data (AVG): find, export and erase one person; the log.


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return admin_urls()


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    return menu_item()


# Figures for the municipality (Cijfers): per WOP and month, table, chart, CSV.


@hooks.register("register_admin_viewset")
def register_figures_viewset():
    return figures_viewset


# Volunteers: city-wide coordinators appoint coordinators of a WOP (issue 7).


@hooks.register("register_log_actions")
def register_volunteer_coordinator_log_action(actions):
    actions.register_action("verbuurzamen.volunteer_coordinator")(
        VolunteerCoordinatorFormatter
    )


# The page cache for anonymous visitors: what it may keep (issue 9).

hooks.register("is_request_cacheable", page_cache.is_request_cacheable)
hooks.register("is_response_cacheable", page_cache.is_response_cacheable)


# Two-factor login (issue 10): from the admin's account page to allauth's,
# when the host has allauth's mfa (asked per request, like the app registry).


@hooks.register("register_account_menu_item")
def register_two_factor_menu_item(request):
    if not mfa_installed():
        return None
    return {
        "url": reverse("mfa_index"),
        "label": _("Inloggen in twee stappen"),
        "help_text": _(
            "Beveilig uw account: na uw wachtwoord vraagt de site een code uit "
            "een app op uw telefoon."
        ),
    }


# The admin API's images and documents, scoped like the choosers (issue 15).
# After Wagtail's own registrations (order 0), so these replace them.


@hooks.register("construct_admin_api", order=100)
def register_scoped_media_api(router):
    register_scoped_media_endpoints(router)
