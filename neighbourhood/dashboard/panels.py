"""The panels of the volunteer's dashboard: what waits per WOP, the buttons
to register something on a resident's behalf, and the follow-ups due with the
names of the buddies."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from neighbourhood.buddies.matching import match_policy
from neighbourhood.buddies.viewsets import buddy_match_viewset
from neighbourhood.dashboard.hooks import dashboard_todo, may_handle, on_behalf_buttons
from neighbourhood.models import BuddyMatch

# The panel "Te doen per wijk" --------------------------------------------------


class WopTodoPanel(Component):
    """Te doen per wijk: per WOP of the user, what waits, each number a link
    to the listing of exactly those records."""

    name = "wop_todo"
    template_name = "neighbourhood/admin/dashboard_todo.html"
    order = 40

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        self.wops = dashboard_todo(request=request)
        if not self.wops:
            return ""
        # Someone whose page rights reach the WOPs only through Wagtail's
        # tree (a host's editor) but who works with none of their residents
        # gets the panel only when something waits for them.
        nothing_waits = not any(item["rows"] for item in self.wops)
        if nothing_waits and not request.user.has_module_perms("neighbourhood"):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {"wops": self.wops}


# The panel "Aanmelden namens een bewoner" ------------------------------------------


class RegisterOnBehalfPanel(Component):
    """Aanmelden namens een bewoner: for a resident on the phone, on paper or
    at the door, one button per kind of submission."""

    name = "register_on_behalf"
    template_name = "neighbourhood/admin/dashboard_on_behalf.html"
    order = 45

    def render_html(self, parent_context=None):
        self.buttons = on_behalf_buttons(request=parent_context["request"])
        if not self.buttons:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {"buttons": self.buttons}


# The follow-ups due, with names -------------------------------------------------


class BuddyFollowUpPanel(Component):
    """Maatjes: navragen — the matches due for a follow-up in the user's
    WOPs, by name, each leading to its follow-up form. The counts per WOP
    are in "Te doen per wijk"."""

    name = "buddy_follow_up"
    template_name = "neighbourhood/admin/buddy_follow_up_panel.html"
    order = 90

    def render_html(self, parent_context=None):
        if not may_handle(parent_context["request"].user, match_policy):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        due = (
            BuddyMatch.objects.for_user(parent_context["request"].user)
            .follow_up_due()
            .select_related("seeker", "buddy", "wop")
            .order_by("follow_up_on", "pk")
        )
        return {
            "due": [
                {
                    "match": match,
                    "url": reverse(
                        buddy_match_viewset.get_url_name("edit"), args=[match.pk]
                    ),
                }
                for match in due
            ],
            "matches_url": reverse(buddy_match_viewset.get_url_name("index")),
        }


def homepage_panels(request, panels) -> None:
    """The ``construct_homepage_panels`` hook: this app's dashboard panels."""
    panels.extend([WopTodoPanel(), RegisterOnBehalfPanel(), BuddyFollowUpPanel()])
