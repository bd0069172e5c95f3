"""The activities on the volunteer's dashboard (see
``neighbourhood.dashboard.hooks``): per WOP this week's RSVPs and whom to call,
the button to sign a resident up, and the panel with this week's dates."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from events.admin_views import (
    TO_CALL,
    AttendanceURLsMixin,
    attendance_dates,
    attendance_viewset,
    event_rsvp_viewset,
    rsvp_policy,
)
from events.models import EventRSVP, RSVPStatus
from neighbourhood.dashboard.hooks import (
    DashboardCount,
    OnBehalfButton,
    listing_url,
    may_handle,
)

# "This week": today and the six days after it.
WEEK_DAYS = 7


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def rsvp_counts_per_wop(*, wop_ids, today: date) -> dict[int, dict]:
    """Per WOP of ``wop_ids``: the dates this week with confirmed RSVPs of
    that WOP (``dates``) and how many people that is (``people``), and the
    RSVPs of coming dates moved up from the waiting list that a volunteer
    still has to call (``to_call``). One query."""
    this_week = Q(
        status=RSVPStatus.CONFIRMED,
        occurrence__starts_at__lt=_start_of(today + timedelta(days=WEEK_DAYS)),
    )
    return {
        row.pop("wop"): row
        for row in EventRSVP.objects.filter(
            wop__in=wop_ids,
            occurrence__event__live=True,
            occurrence__is_cancelled=False,
            occurrence__ends_at__gte=timezone.now(),
            occurrence__starts_at__gte=_start_of(today),
        )
        .values("wop")
        .annotate(
            dates=Count("occurrence", filter=this_week, distinct=True),
            people=Coalesce(Sum("people", filter=this_week), 0),
            to_call=Count("pk", filter=TO_CALL),
        )
        .order_by()
    }


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
        wop_ids=[wop.pk for wop in wops], today=today
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
                attendance_dates(
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
