"""The activities on the volunteer's dashboard (see
``neighbourhood.dashboard.hooks``): per WOP this week's RSVPs and whom to call,
the button to sign a resident up, and the panel with this week's dates."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from events.admin.attendance import AttendanceURLsMixin
from events.admin.rsvps import rsvp_policy
from events.admin.viewsets import attendance_viewset, event_rsvp_viewset
from events.models import RSVPStatus
from events.selectors import attendance_dates_upcoming, rsvp_counts_per_wop
from neighbourhood.dashboard.hooks import (
    DashboardCount,
    OnBehalfButton,
    listing_url,
    may_handle,
)

# "This week": today and the six days after it.
WEEK_DAYS = 7


def rsvp_counts(request, wops) -> dict[int, list[DashboardCount]]:
    """The ``neighbourhood_dashboard_counts`` hook: this week's RSVPs, and
    whom to call, per WOP."""
    if not may_handle(request.user, rsvp_policy):
        return {}
    today = timezone.localdate()
    last_day = today + timedelta(days=WEEK_DAYS - 1)
    index = event_rsvp_viewset.get_url_name("index")
    result = {}
    for wop_id, row in rsvp_counts_per_wop(
        wop_ids=[wop.pk for wop in wops], today=today, days=WEEK_DAYS
    ).items():
        result[wop_id] = [
            DashboardCount(
                key="rsvps_this_week",
                label=_("Personen aangemeld voor activiteiten deze week"),
                count=row["people"],
                detail=ngettext("op %(dates)s datum", "op %(dates)s data", row["dates"])
                % {"dates": row["dates"]},
                url=listing_url(
                    index,
                    status=RSVPStatus.CONFIRMED,
                    date_from=today.isoformat(),
                    date_to=last_day.isoformat(),
                    wop=wop_id,
                ),
                order=70,
            ),
            DashboardCount(
                key="rsvps_to_call",
                label=_("Van de wachtlijst: nog bellen"),
                count=row["to_call"],
                url=listing_url(index, to_call="true", wop=wop_id),
                urgent=True,
                order=71,
            ),
        ]
    return result


def rsvp_on_behalf(request) -> list[OnBehalfButton]:
    """The ``neighbourhood_register_on_behalf`` hook: an RSVP."""
    if not rsvp_policy.user_has_permission(request.user, "add"):
        return []
    return [
        OnBehalfButton(
            key="event_rsvp",
            label=_("Activiteit: aanmelden"),
            description=_("Iemand wil meedoen met een activiteit."),
            url=reverse(event_rsvp_viewset.get_url_name("add")),
            order=40,
        )
    ]


class RSVPsThisWeekPanel(AttendanceURLsMixin, Component):
    """Aanmeldingen deze week: the coming seven days' dates with sign-up in
    the user's WOPs, how full they are, and whom to call, by name."""

    name = "event_rsvps_this_week"
    template_name = "events/admin/rsvps_this_week_panel.html"
    order = 100

    def __init__(self):
        self.attendee_list_url_name = attendance_viewset.get_url_name("print")
        self.rsvp_index_url_name = event_rsvp_viewset.get_url_name("index")
        self.rsvp_edit_url_name = event_rsvp_viewset.get_url_name("edit")

    def render_html(self, parent_context=None):
        if not may_handle(parent_context["request"].user, rsvp_policy):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "rows": self.attendance_rows(
                attendance_dates_upcoming(
                    user=parent_context["request"].user,
                    start=today,
                    end=today + timedelta(days=WEEK_DAYS - 1),
                )
            ),
            "attendance_url": reverse(attendance_viewset.get_url_name("index")),
        }


def homepage_panels(request, panels) -> None:
    """The ``construct_homepage_panels`` hook: this week's dates."""
    panels.append(RSVPsThisWeekPanel())
