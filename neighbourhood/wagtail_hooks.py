from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from neighbourhood.action_admin import (
    ActionQueuePanel,
    ActionViewSetGroup,
    CardDesignViewSet,
)
from neighbourhood.admin_views import BuddyFollowUpPanel, BuddyViewSetGroup
from neighbourhood.models import KeyFigure
from neighbourhood.permissions import WopOwnedPermissionPolicy
from neighbourhood.viewsets import WopScopedObjectMixin


class KeyFigureEditView(WopScopedObjectMixin, snippet_views.EditView):
    def get_object(self, queryset=None):
        return self.check_object_permission(super().get_object(queryset))


class KeyFigureDeleteView(WopScopedObjectMixin, snippet_views.DeleteView):
    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return self.check_object_permission(super().get_object(queryset))


class KeyFigureViewSet(SnippetViewSet):
    """The smoelenboek: a snippet (so pages can choose key figures), scoped by
    WOP through the one policy like every WOP-owned model."""

    model = KeyFigure
    icon = "user"
    menu_label = _("Smoelenboek")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "wop"]
    list_filter = ["wop"]
    search_fields = ["name", "role"]
    edit_view_class = KeyFigureEditView
    delete_view_class = KeyFigureDeleteView

    @cached_property
    def permission_policy(self):
        return WopOwnedPermissionPolicy(self.model)

    def get_queryset(self, request):
        return KeyFigure.objects.for_user(request.user)


register_snippet(KeyFigureViewSet)
register_snippet(CardDesignViewSet)


@hooks.register("register_admin_viewset")
def register_buddy_viewsets():
    return BuddyViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_buddy_follow_up_panel(request, panels):
    panels.append(BuddyFollowUpPanel())


@hooks.register("register_admin_viewset")
def register_action_viewsets():
    return ActionViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_action_queue_panel(request, panels):
    panels.append(ActionQueuePanel())


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
