"""The attendee lists in the admin: the coming dates with their numbers and
whom to call, the printable list of one date, and recording afterwards who
came.

A volunteer sees the dates of activities in their WOPs, and of city-wide
activities with RSVPs from their WOPs (``EventOccurrence.objects.for_user``),
with their own WOPs' RSVPs only.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from events.admin.forms import AttendanceForm
from events.admin.rsvps import rsvp_policy
from events.models import EventOccurrence, EventRSVP, RSVPStatus
from events.selectors import attendance_dates_to_record, attendance_dates_upcoming
from events.services import (
    AttendanceNotPossible,
    occurrence_attendance_record,
    occurrence_attendance_recordable,
)

# How far ahead the list of attendee lists looks.
ATTENDANCE_WEEKS_AHEAD = 4
# How far back the list of dates to record attendance for looks.
ATTENDANCE_WEEKS_BACK = 4


class AttendanceURLsMixin:
    """Links from a date to its attendee list and its RSVPs, and from an RSVP
    to its edit view."""

    attendee_list_url_name = None
    rsvp_index_url_name = None
    rsvp_edit_url_name = None

    def attendance_rows(self, occurrences) -> list[dict]:
        return [
            {
                "occurrence": occurrence,
                "event": occurrence.event,
                "places_left": (
                    None
                    if occurrence.event.capacity is None
                    else max(occurrence.event.capacity - occurrence.confirmed_people, 0)
                ),
                "print_url": reverse(self.attendee_list_url_name, args=[occurrence.pk]),
                "rsvps_url": _rsvps_url(self.rsvp_index_url_name, occurrence),
                "to_call": [
                    {
                        "rsvp": rsvp,
                        "url": reverse(self.rsvp_edit_url_name, args=[quote(rsvp.pk)]),
                    }
                    for rsvp in occurrence.to_call
                ],
            }
            for occurrence in occurrences
        ]


def _rsvps_url(index_url_name: str, occurrence: EventOccurrence) -> str:
    """The RSVP listing filtered to one date."""
    day = occurrence.date.isoformat()
    return (
        reverse(index_url_name)
        + f"?event={occurrence.event_id}&date_from={day}&date_to={day}"
    )


class AttendanceIndexView(
    AttendanceURLsMixin,
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """Aanwezigheidslijsten: the coming weeks' dates with sign-up in the
    user's WOPs, with their numbers and a link to print each list."""

    permission_policy = rsvp_policy
    any_permission_required = ["view", "change"]
    template_name = "events/admin/attendance_index.html"
    page_title = gettext_lazy("Aanwezigheidslijsten")
    header_icon = "list-ul"
    record_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["weeks"] = ATTENDANCE_WEEKS_AHEAD
        context["rows"] = self.attendance_rows(
            attendance_dates_upcoming(
                user=self.request.user,
                start=today,
                end=today + timedelta(weeks=ATTENDANCE_WEEKS_AHEAD),
            )
        )
        context["weeks_back"] = ATTENDANCE_WEEKS_BACK
        context["may_record"] = rsvp_policy.user_has_permission(
            self.request.user, "change"
        )
        context["past_rows"] = [
            {
                "occurrence": occurrence,
                "event": occurrence.event,
                "recorded": bool(occurrence.recorded_rsvps or occurrence.walk_ins),
                "record_url": reverse(self.record_url_name, args=[occurrence.pk]),
            }
            for occurrence in attendance_dates_to_record(
                user=self.request.user,
                start=today - timedelta(weeks=ATTENDANCE_WEEKS_BACK),
                end=today,
            )
        ]
        return context


@method_decorator(never_cache, name="dispatch")
class AttendeeListView(PermissionCheckedMixin, TemplateView):
    """The printable attendee list of one date: who signed up, with a box to
    tick at the door, and the waiting list. A page of its own, without the
    admin around it, so it prints on plain A4."""

    permission_policy = rsvp_policy
    any_permission_required = ["view", "change"]
    template_name = "events/admin/attendee_list.html"
    index_url_name = None
    # Empty rows for people who come without signing up.
    walk_in_rows = 5

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        occurrence = get_object_or_404(
            EventOccurrence.objects.for_user(user).select_related("event", "wop"),
            pk=self.kwargs["pk"],
        )
        event = occurrence.event
        rsvps = (
            EventRSVP.objects.for_user(user)
            .active()
            .filter(occurrence=occurrence)
            .with_needs_call()
            .select_related("wop")
        )
        confirmed = sorted(rsvps.confirmed(), key=lambda rsvp: rsvp.name.lower())
        confirmed_people = sum(rsvp.people for rsvp in confirmed)
        context.update(
            occurrence=occurrence,
            event=event,
            wop=occurrence.wop,
            starts_at=timezone.localtime(occurrence.starts_at),
            ends_at=timezone.localtime(occurrence.ends_at),
            confirmed=[
                {"rsvp": rsvp, "needs_call": rsvp.needs_call} for rsvp in confirmed
            ],
            confirmed_people=confirmed_people,
            waiting=list(rsvps.waiting()),
            # A volunteer of one WOP sees only their own part of a city-wide list.
            partial=occurrence.wop_id is None
            and occurrence.rsvps.exclude(status=RSVPStatus.CANCELLED)
            .exclude(pk__in=rsvps.values("pk"))
            .exists(),
            walk_in_rows=range(self.walk_in_rows),
            admin_url=reverse(self.index_url_name),
            printed_at=timezone.localtime(),
        )
        return context


class AttendanceRecordView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Aanwezigheid invullen: after a date, tick who came and count who came
    without signing up. A volunteer records their own WOPs' RSVPs; another
    WOP's date is not found."""

    permission_policy = rsvp_policy
    permission_required = "change"
    form_class = AttendanceForm
    template_name = "events/admin/attendance_record.html"
    page_title = gettext_lazy("Aanwezigheid invullen")
    header_icon = "check"
    index_url_name = None

    @cached_property
    def occurrence(self) -> EventOccurrence:
        return get_object_or_404(
            EventOccurrence.objects.for_user(self.request.user).select_related(
                "event", "wop"
            ),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def rsvps(self) -> list[EventRSVP]:
        return sorted(
            occurrence_attendance_recordable(
                occurrence=self.occurrence, by=self.request.user
            ),
            key=lambda rsvp: (rsvp.name.lower(), rsvp.pk),
        )

    @cached_property
    def refusal(self) -> str:
        """Why attendance cannot be recorded for this date (yet), or ""."""
        if self.occurrence.is_cancelled:
            return _("Deze keer ging niet door. Er is geen aanwezigheid in te vullen.")
        if self.occurrence.date > timezone.localdate():
            return _(
                "Deze keer is nog niet geweest. U kunt de aanwezigheid invullen "
                "op de dag zelf of daarna."
            )
        return ""

    def get_page_subtitle(self):
        return str(self.occurrence)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Aanwezigheidslijsten")},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "occurrence": self.occurrence,
            "rsvps": self.rsvps,
        }

    def post(self, request, *args, **kwargs):
        if self.refusal:
            return self.render_to_response(self.get_context_data(), status=400)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            occurrence_attendance_record(
                occurrence=self.occurrence,
                attended_rsvp_ids=form.cleaned_data.get("attended", []),
                walk_ins=form.cleaned_data.get("walk_ins"),
                by=self.request.user,
            )
        except AttendanceNotPossible as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("De aanwezigheid van %(occurrence)s is opgeslagen.")
            % {"occurrence": self.occurrence},
        )
        return redirect(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            occurrence=self.occurrence,
            event=self.occurrence.event,
            starts_at=timezone.localtime(self.occurrence.starts_at),
            refusal=self.refusal,
            # A volunteer of one WOP records only their own part of a
            # city-wide date.
            city_wide=self.occurrence.wop_id is None,
            index_url=reverse(self.index_url_name),
        )
        return context
