from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.images.views.chooser import ImageSelectFormatView
from wagtail.images.views.chooser import viewset as image_chooser_viewset
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from neighbourhood import page_cache
from neighbourhood.action_admin import ActionViewSetGroup, CardDesignViewSet
from neighbourhood.admin_views import BuddyViewSetGroup
from neighbourhood.dashboard.contributions import (
    neighbourhood_counts,
    neighbourhood_on_behalf,
)
from neighbourhood.dashboard.hooks import COUNTS_HOOK, ON_BEHALF_HOOK
from neighbourhood.dashboard.panels import homepage_panels
from neighbourhood.models import KeyFigure
from neighbourhood.scoping.permissions import pages_visible_to, queryset_visible_to
from neighbourhood.scoping.viewsets import (
    VisibleObjectsBulkActionMixin,
    WopOwnedSnippetViewSet,
)


class KeyFigureViewSet(WopOwnedSnippetViewSet):
    """The smoelenboek: a snippet (so pages can choose key figures), scoped by
    WOP in every view, export and chooser like every WOP-owned model."""

    model = KeyFigure
    icon = "user"
    menu_label = _("Smoelenboek")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "wop"]
    list_filter = ["wop"]
    list_export = ["name", "role", "phone", "email", "reachable", "wop"]
    export_filename = "smoelenboek"
    search_fields = ["name", "role"]


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


def _choice_label(log_entry, field_name, value):
    """The display label of ``value`` for the logged model's ``field_name``."""
    model = log_entry.content_type.model_class() if log_entry.content_type else None
    try:
        choices = dict(model._meta.get_field(field_name).flatchoices)
    except (AttributeError, LookupError):
        return value
    return choices.get(value, value)


class StatusChangeFormatter(LogFormatter):
    # A formatter class, not a function as message: Wagtail would render a
    # function as an empty message.
    label = _("Status gewijzigd")

    def format_message(self, log_entry):
        return _("Status van ‘%(from)s’ naar ‘%(to)s’") % {
            "from": _choice_label(log_entry, "status", log_entry.data.get("from", "?")),
            "to": _choice_label(log_entry, "status", log_entry.data.get("to", "?")),
        }


class FollowUpFormatter(LogFormatter):
    label = _("Nagevraagd")

    def format_message(self, log_entry):
        outcome = log_entry.data.get("outcome", "?")
        return _("Nagevraagd: %(outcome)s") % {
            "outcome": _choice_label(log_entry, "follow_up_outcome", outcome)
        }


# Volunteers: inviting, removing, trusted volunteers (issue 7) -----------------


@hooks.register("register_admin_viewset")
def register_volunteer_viewset():
    from neighbourhood.volunteers.viewsets import volunteer_viewset

    return volunteer_viewset


@hooks.register("register_log_actions")
def register_volunteer_log_actions(actions):
    from neighbourhood.volunteers.log import (
        VolunteerInviteFormatter,
        VolunteerPublishFormatter,
        VolunteerRemoveFormatter,
    )

    actions.register_action("verbuurzamen.volunteer_invite")(VolunteerInviteFormatter)
    actions.register_action("verbuurzamen.volunteer_remove")(VolunteerRemoveFormatter)
    actions.register_action("verbuurzamen.volunteer_publish")(VolunteerPublishFormatter)


@hooks.register("register_log_actions")
def register_volunteer_accept_log_action(actions):
    from neighbourhood.volunteers.log import VolunteerAcceptFormatter

    actions.register_action("verbuurzamen.volunteer_accept")(VolunteerAcceptFormatter)


# Dashboard: to do per WOP, registering on a resident's behalf (issue 7) -------

hooks.register("construct_homepage_panels", homepage_panels)
hooks.register(COUNTS_HOOK, neighbourhood_counts)
hooks.register(ON_BEHALF_HOOK, neighbourhood_on_behalf)


# Scoping everywhere: pages in the explorer and the chooser, bulk actions ----------


@hooks.register("construct_explorer_page_queryset")
def explorer_pages_visible(parent_page, pages, request):
    return pages_visible_to(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def chooser_pages_visible(pages, request):
    """The chooser offers the user's own pages and live public ones; browsing
    into a page the user may not see is "not found", since the chooser would
    show that page's own title above its children."""
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id and not pages_visible_to(
        request.user, Page.objects.filter(pk=parent_id)
    ):
        raise Http404
    return pages_visible_to(request.user, pages)


def _register_visible_objects_bulk_actions():
    from wagtail.admin.views.pages import bulk_actions as page_actions
    from wagtail.documents.views import bulk_actions as document_actions
    from wagtail.images.views import bulk_actions as image_actions
    from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

    for module in (page_actions, image_actions, document_actions):
        for name in module.__all__:
            _register_visible_objects_bulk_action(getattr(module, name))
    _register_visible_objects_bulk_action(DeleteBulkAction)


def _register_visible_objects_bulk_action(action_class):
    # After Wagtail's own (order 0), so these replace them.
    hooks.register(
        "register_bulk_action",
        type(
            action_class.__name__,
            (VisibleObjectsBulkActionMixin, action_class),
            {"__module__": __name__},
        ),
        order=100,
    )


_register_visible_objects_bulk_actions()


class VisibleImageSelectFormatView(ImageSelectFormatView):
    """Wagtail's "choose a format" step of the image chooser fetches any image
    by id; this one only the images the user may choose (or works with)."""

    def dispatch(self, request, *args, image_id, **kwargs):
        images = self.model._default_manager.filter(pk=image_id)
        if not queryset_visible_to(request.user, images).exists():
            raise Http404
        return super().dispatch(request, *args, image_id=image_id, **kwargs)


# The registered image chooser builds its URLs from this after the hooks load.
image_chooser_viewset.select_format_view_class = VisibleImageSelectFormatView


# WOP review: the volunteer's pages in review; refused review actions (issue 7)


@hooks.register("construct_homepage_panels")
def add_review_my_pages_panel(request, panels):
    from neighbourhood.review.admin import ReviewMyPagesPanel

    panels.append(ReviewMyPagesPanel())


@hooks.register("register_admin_urls")
def register_review_urls():
    from django.urls import path

    from neighbourhood.review.admin import review_refused

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
    from neighbourhood.privacy.urls import admin_urls

    return admin_urls()


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    from neighbourhood.privacy.admin import menu_item

    return menu_item()


# Figures for the municipality (Cijfers): per WOP and month, table, chart, CSV.


@hooks.register("register_admin_viewset")
def register_figures_viewset():
    from neighbourhood.figures.admin import figures_viewset

    return figures_viewset


# Volunteers: city-wide coordinators appoint coordinators of a WOP (issue 7).


@hooks.register("register_log_actions")
def register_volunteer_coordinator_log_action(actions):
    from neighbourhood.volunteers.log import VolunteerCoordinatorFormatter

    actions.register_action("verbuurzamen.volunteer_coordinator")(
        VolunteerCoordinatorFormatter
    )


# The page cache for anonymous visitors: what it may keep (issue 9).

hooks.register("is_request_cacheable", page_cache.is_request_cacheable)
hooks.register("is_response_cacheable", page_cache.is_response_cacheable)


# Two-factor login (issue 10): from the admin's account page to allauth's.


@hooks.register("register_account_menu_item")
def register_two_factor_menu_item(request):
    from django.urls import reverse

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
    from neighbourhood.scoping.admin_api import register_scoped_media_endpoints

    register_scoped_media_endpoints(router)
