"""The activities' admin menu: the RSVPs and the attendee lists, as
viewsets, and the group that ``wagtail_hooks`` registers."""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from events.admin.attendance import (
    AttendanceIndexView,
    AttendanceRecordView,
    AttendeeListView,
)
from events.admin.forms import AssistedRSVPForm, EventRSVPAdminForm
from events.admin.rsvps import (
    EventRSVPCreateView,
    EventRSVPDeleteView,
    EventRSVPEditView,
    EventRSVPFilterSet,
    EventRSVPIndexView,
    RSVPSummaryPanel,
    rsvp_policy,
    rsvp_status_text,
)
from events.models import EventRSVP
from neighbourhood.scoping.viewsets import WopOwnedViewSet


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
            accessor=rsvp_status_text,
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
                [
                    FieldPanel("consent_method"),
                    FieldPanel("consent_given"),
                    FieldPanel("email_language"),
                ],
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
