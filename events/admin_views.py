"""The activities' admin: RSVPs (also entered on behalf of a resident), the
coming dates with their printable attendee lists. The dashboard's part is
in ``dashboard``.

Every view here is scoped to the user's WOPs: the RSVPs by ``viewsets``, the
dates by ``occurrences_for_user``. An activity in a WOP has RSVPs of that WOP
only; a city-wide one has RSVPs of every WOP, and a volunteer sees those of
their own WOPs.
"""

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.admin.widgets.button import Button, HeaderButton

from events.admin_forms import AssistedRSVPForm, EventRSVPAdminForm
from events.attendance_forms import AttendanceForm
from events.models import EventOccurrence, EventPage, EventRSVP, RSVPStatus
from events.services import (
    AttendanceNotPossible,
    RSVPNotPossible,
    occurrence_attendance_record,
    occurrence_attendance_recordable,
    rsvp_cancel,
    rsvp_create,
)
from neighbourhood.models import NeighbourhoodPage
from neighbourhood.permissions import WopOwnedPermissionPolicy, wop_ids_for_user
from neighbourhood.services import consent_record
from neighbourhood.viewsets import (
    WopOwnedCreateView,
    WopOwnedDeleteView,
    WopOwnedEditView,
    WopOwnedFilterSet,
    WopOwnedIndexView,
    WopOwnedViewSet,
)

rsvp_policy = WopOwnedPermissionPolicy(EventRSVP)

# Moved up from the waiting list without an e-mail address: a volunteer calls.
TO_CALL = Q(
    status=RSVPStatus.CONFIRMED,
    promoted_at__isnull=False,
    promotion_told=False,
    anonymised_at__isnull=True,
)

# How far ahead the list of attendee lists looks.
ATTENDANCE_WEEKS_AHEAD = 4
# How far back the list of dates to record attendance for looks.
ATTENDANCE_WEEKS_BACK = 4


def _needs_call(rsvp: EventRSVP) -> bool:
    return (
        rsvp.status == RSVPStatus.CONFIRMED
        and rsvp.promoted_at is not None
        and not rsvp.promotion_told
        and rsvp.anonymised_at is None
    )


def _status_text(rsvp: EventRSVP) -> str:
    if _needs_call(rsvp):
        return _("Aangemeld, van de wachtlijst: nog bellen")
    return rsvp.get_status_display()


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


# Dates and their attendee lists ---------------------------------------------


def occurrences_for_user(user):
    """The dates whose attendee list ``user`` may see: those of activities in
    their WOPs, and of city-wide activities with RSVPs from their WOPs."""
    wop_ids = wop_ids_for_user(user)
    own_rsvps = EventRSVP.objects.for_user(user).filter(occurrence=OuterRef("pk"))
    return EventOccurrence.objects.filter(
        Q(wop__in=wop_ids) | (Q(wop__isnull=True) & Exists(own_rsvps))
    )


def attendance_dates(*, user, start: date, end: date) -> list[EventOccurrence]:
    """The coming dates from ``start`` to ``end`` (inclusive) of activities
    with sign-up that ``user`` works on, soonest first.

    Each carries ``confirmed_people``, ``waiting_people`` and ``to_call`` (the
    RSVPs moved up from the waiting list that still have to be called),
    counted over the RSVPs the user may see; three queries in all.
    """
    wop_ids = wop_ids_for_user(user)
    if not wop_ids:
        return []
    own_rsvps = EventRSVP.objects.for_user(user).filter(occurrence=OuterRef("pk"))
    mine = Q(rsvps__wop__in=wop_ids)
    occurrences = list(
        occurrences_for_user(user)
        .filter(
            Q(event__signup_required=True) | Exists(own_rsvps),
            event__live=True,
            is_cancelled=False,
            ends_at__gte=timezone.now(),
            starts_at__gte=_start_of(start),
            starts_at__lt=_start_of(end + timedelta(days=1)),
        )
        .select_related("event", "wop")
        .annotate(
            confirmed_people=Coalesce(
                Sum(
                    "rsvps__people",
                    filter=mine & Q(rsvps__status=RSVPStatus.CONFIRMED),
                ),
                0,
            ),
            waiting_people=Coalesce(
                Sum("rsvps__people", filter=mine & Q(rsvps__status=RSVPStatus.WAITING)),
                0,
            ),
        )
        .order_by("starts_at", "pk")
    )
    to_call = {}
    for rsvp in (
        EventRSVP.objects.for_user(user)
        .filter(TO_CALL, occurrence__in=occurrences)
        .order_by("promoted_at", "pk")
    ):
        to_call.setdefault(rsvp.occurrence_id, []).append(rsvp)
    for occurrence in occurrences:
        occurrence.to_call = to_call.get(occurrence.pk, [])
    return occurrences


def attendance_dates_to_record(
    *, user, start: date, end: date
) -> list[EventOccurrence]:
    """The dates from ``start`` to ``end`` (inclusive) that took place, of
    activities in the user's WOPs and of city-wide ones with RSVPs from
    them, latest first: those whose attendance the user records.

    Each carries ``confirmed_people``, ``attended_people`` and
    ``recorded_rsvps`` (confirmed RSVPs with attendance filled in), counted
    over the RSVPs the user may see; one query.
    """
    wop_ids = wop_ids_for_user(user)
    if not wop_ids:
        return []
    confirmed = Q(rsvps__wop__in=wop_ids, rsvps__status=RSVPStatus.CONFIRMED)
    return list(
        occurrences_for_user(user)
        .filter(
            event__live=True,
            is_cancelled=False,
            date__gte=start,
            date__lte=min(end, timezone.localdate()),
        )
        .select_related("event", "wop")
        .annotate(
            confirmed_people=Coalesce(Sum("rsvps__people", filter=confirmed), 0),
            attended_people=Coalesce(
                Sum("rsvps__people", filter=confirmed & Q(rsvps__attended=True)), 0
            ),
            recorded_rsvps=Count(
                "rsvps", filter=confirmed & Q(rsvps__attended__isnull=False)
            ),
        )
        .order_by("-starts_at", "-pk")
    )


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
            attendance_dates(
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
            occurrences_for_user(user).select_related("event", "wop"),
            pk=self.kwargs["pk"],
        )
        event = occurrence.event
        rsvps = (
            EventRSVP.objects.for_user(user)
            .active()
            .filter(occurrence=occurrence)
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
                {"rsvp": rsvp, "needs_call": _needs_call(rsvp)} for rsvp in confirmed
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
            occurrences_for_user(self.request.user).select_related("event", "wop"),
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


class AttendanceViewSet(ViewSet):
    """The coming dates with their attendee lists."""

    name = "event_attendance"
    url_prefix = "activiteiten/aanwezigheidslijsten"
    icon = "list-ul"
    menu_label = gettext_lazy("Aanwezigheidslijsten")

    @cached_property
    def menu_item_class(self):
        def is_shown(_self, request):
            return rsvp_policy.user_has_any_permission(request.user, ["view", "change"])

        return type("AttendanceMenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            attendee_list_url_name=self.get_url_name("print"),
            rsvp_index_url_name=event_rsvp_viewset.get_url_name("index"),
            rsvp_edit_url_name=event_rsvp_viewset.get_url_name("edit"),
            index_url_name=self.get_url_name("index"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path(
                "",
                self.construct_view(
                    AttendanceIndexView, record_url_name=self.get_url_name("record")
                ),
                name="index",
            ),
            path("<int:pk>/", self.construct_view(AttendeeListView), name="print"),
            path(
                "<int:pk>/aanwezigheid/",
                self.construct_view(AttendanceRecordView),
                name="record",
            ),
        ]


# RSVPs ------------------------------------------------------------------------


class EventChoiceField(django_filters.fields.ModelChoiceField):
    """An activity, named with its WOP: every WOP may have a "Koffieochtend"."""

    @cached_property
    def _wop_titles(self) -> dict[str, str]:
        return dict(NeighbourhoodPage.objects.values_list("path", "title"))

    def label_from_instance(self, page):
        for length in {len(wop_path) for wop_path in self._wop_titles}:
            title = self._wop_titles.get(page.path[:length])
            if title is not None:
                return f"{page.title} ({title})"
        return f"{page.title} ({_('hele stad')})"


class EventFilter(django_filters.ModelChoiceFilter):
    field_class = EventChoiceField


class EventRSVPFilterSet(WopOwnedFilterSet):
    # Found by a word of its title: a city has thousands of activities, too
    # many for a list to choose from.
    activity = django_filters.CharFilter(
        label=gettext_lazy("Activiteit"),
        field_name="occurrence__event__title",
        lookup_expr="icontains",
    )
    # One activity, from the link on its attendance list; not offered as a
    # list for the same reason.
    event = EventFilter(
        label=gettext_lazy("Deze activiteit"),
        field_name="occurrence__event",
        queryset=EventPage.objects.order_by("title", "pk"),
        widget=forms.HiddenInput,
    )
    date = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Datum"),
        field_name="occurrence__date",
        widget=DateRangePickerWidget,
    )
    to_call = django_filters.BooleanFilter(
        label=gettext_lazy("Nog bellen"),
        method="filter_to_call",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = EventRSVP
        fields = ["activity", "event", "date", "status", "to_call", "wop"]

    def filter_to_call(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(TO_CALL) if value else queryset.exclude(TO_CALL)


class EventRSVPIndexView(WopOwnedIndexView):
    attendee_list_url_name = None

    @cached_property
    def add_item_label(self):
        return _("Aanmelding invoeren namens bewoner")

    def _get_title_column(self, field_name, *args, **kwargs):
        column = super()._get_title_column(field_name, *args, **kwargs)
        column.accessor = str  # a cancelled RSVP has no name left
        return column

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            Button(
                _("Aanwezigheidslijst"),
                url=reverse(self.attendee_list_url_name, args=[instance.occurrence_id]),
                icon_name="list-ul",
                priority=5,
            )
        )
        return buttons


class EventRSVPCreateView(WopOwnedCreateView):
    """Aanmelding invoeren namens bewoner: a volunteer enters what the resident
    told them; it goes through the same service as the online form, so the
    capacity and the waiting list count alike."""

    page_title = gettext_lazy("Aanmelding invoeren namens bewoner")
    submit_button_label = gettext_lazy("Aanmelding opslaan")

    def get_page_subtitle(self):
        return ""

    def get_breadcrumbs_items(self):
        *items, _new = super().get_breadcrumbs_items()
        return [*items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RSVPNotPossible as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)

    def save_instance(self):
        form = self.form
        form.instance.wop = form.wop
        self.check_instance_permission(form.instance)
        return rsvp_create(
            occurrence=form.cleaned_data["occurrence"],
            wop=form.wop,
            data=form.rsvp_data(),
            consent=consent_record(
                text=form.consent_text(), method=form.cleaned_data["consent_method"]
            ),
            registered_by=self.request.user,
            cancel_url_for=self.cancel_url_for,
        )

    def cancel_url_for(self, rsvp):
        """The resident's private cancel link, for their confirmation e-mail."""
        return self.request.build_absolute_uri(
            reverse("neighbourhood:withdraw", args=[rsvp.token])
        )

    def get_success_message(self, instance):
        values = {"name": instance.name, "occurrence": instance.occurrence}
        if instance.status == RSVPStatus.WAITING:
            return (
                _(
                    "%(name)s staat op de wachtlijst voor %(occurrence)s: de "
                    "activiteit is vol. Als er plaats komt, schuift %(name)s door."
                )
                % values
            )
        return _("%(name)s is aangemeld voor %(occurrence)s.") % values


class EventRSVPEditView(WopOwnedEditView):
    """Gebeld, or afmelden: cancelling goes through ``rsvp_cancel``, which
    erases the person and moves people up from the waiting list."""

    attendee_list_url_name = None
    cancelled_name = None
    promoted = ()

    def save_instance(self):
        if not self.form.cleaned_data.get("cancel"):
            return super().save_instance()
        self.check_object_permission(self.object)
        self.cancelled_name = str(self.object)
        waiting = list(
            self.object.occurrence.rsvps.waiting().values_list("pk", flat=True)
        )
        rsvp = rsvp_cancel(submission=self.object, by=self.request.user)
        # Only the user's own WOPs' people: a city-wide date has others too.
        self.promoted = list(
            EventRSVP.objects.for_user(self.request.user)
            .filter(pk__in=waiting, status=RSVPStatus.CONFIRMED)
            .order_by("promoted_at", "pk")
        )
        return rsvp

    def get_success_message(self):
        if self.cancelled_name is None:
            return _("Aanmelding van %(name)s opgeslagen.") % {"name": self.object}
        message = _("%(name)s is afgemeld.") % {"name": self.cancelled_name}
        if self.promoted:
            message += " " + _("Van de wachtlijst kregen een plaats: %(names)s.") % {
                "names": ", ".join(rsvp.name for rsvp in self.promoted)
            }
        to_call = [rsvp for rsvp in self.promoted if _needs_call(rsvp)]
        if to_call:
            message += " " + _(
                "Zij hebben geen e-mailadres. Bel %(people)s, en vink daarna "
                "‘gebeld’ aan."
            ) % {"people": ", ".join(f"{rsvp.name} ({rsvp.phone})" for rsvp in to_call)}
        return message

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Aanwezigheidslijst"),
                url=reverse(
                    self.attendee_list_url_name, args=[self.object.occurrence_id]
                ),
                icon_name="list-ul",
            )
        ]


class EventRSVPDeleteView(WopOwnedDeleteView):
    """Deleting frees the place like cancelling does: people move up first."""

    def delete_action(self):
        # Cancelled first: it moves people up and erases the person, so the
        # deletion's log entry does not keep the name.
        self.object = rsvp_cancel(submission=self.object, by=self.request.user)
        super().delete_action()


class RSVPSummaryPanel(Panel):
    """What the RSVP is for and how it came in; nothing here can be changed."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/rsvp_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            rsvp = self.instance
            context.update(
                rsvp=rsvp,
                occurrence=rsvp.occurrence,
                starts_at=timezone.localtime(rsvp.occurrence.starts_at),
                status=_status_text(rsvp),
            )
            return context


class EventRSVPViewSet(WopOwnedViewSet):
    model = EventRSVP
    name = "event_rsvp"
    url_prefix = "activiteiten/aanmeldingen"
    icon = "user"
    menu_label = gettext_lazy("Aanmeldingen")
    index_view_class = EventRSVPIndexView
    add_view_class = EventRSVPCreateView
    edit_view_class = EventRSVPEditView
    delete_view_class = EventRSVPDeleteView
    select_related = ("wop", "occurrence__event")
    ordering = ("-occurrence__starts_at", "created_at")
    filterset_class = EventRSVPFilterSet
    list_display = [
        "name",
        Column(
            "occurrence",
            label=gettext_lazy("Activiteit en datum"),
            sort_key="occurrence__starts_at",
        ),
        Column("people", label=gettext_lazy("Personen")),
        Column(
            "status",
            label=gettext_lazy("Status"),
            accessor=_status_text,
            sort_key="status",
        ),
        DateColumn(
            "created_at", label=gettext_lazy("Aangemeld op"), sort_key="created_at"
        ),
        Column("wop", label=gettext_lazy("Wijk"), sort_key="wop__title"),
    ]
    search_fields = ["name"]
    list_export = [
        "name",
        "phone",
        "email",
        "occurrence",
        "people",
        "get_status_display",
        "promotion_told",
        "created_at",
        "wop",
    ]
    export_headings = {
        "occurrence": gettext_lazy("Activiteit en datum"),
        "get_status_display": gettext_lazy("Status"),
        "promotion_told": gettext_lazy("Weet dat er plaats is"),
    }
    export_filename = "aanmeldingen-activiteiten"

    edit_handler = ObjectList(
        [
            RSVPSummaryPanel(heading=gettext_lazy("Aanmelding")),
            MultiFieldPanel(
                [FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")],
                heading=gettext_lazy("Bewoner"),
            ),
            FieldPanel("promotion_told"),
            FieldPanel("cancel"),
        ],
        base_form_class=EventRSVPAdminForm,
    )
    add_handler = ObjectList(
        [
            FieldPanel("occurrence"),
            FieldPanel("people"),
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("phone"),
                    FieldPanel("email"),
                    FieldPanel("postcode"),
                ],
                heading=gettext_lazy("Bewoner"),
            ),
            MultiFieldPanel(
                [FieldPanel("consent_method"), FieldPanel("consent_given")],
                heading=gettext_lazy("Toestemming"),
            ),
        ],
        base_form_class=AssistedRSVPForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            attendee_list_url_name=attendance_viewset.get_url_name("print"),
            **kwargs,
        )


event_rsvp_viewset = EventRSVPViewSet()
attendance_viewset = AttendanceViewSet()


class EventViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Activiteiten")
    menu_icon = "date"
    menu_order = 160
    items = (event_rsvp_viewset, attendance_viewset)
