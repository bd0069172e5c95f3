"""The buddy projects' admin: sign-ups (also entered on behalf of a resident)
and matches, grouped in the "Maatjes" menu. Finding a buddy for a seeker and
the follow-up of a match are in ``matching``. Every view here is scoped to
the user's WOPs by ``neighbourhood.scoping.viewsets``; the dashboard panels are in
``dashboard.panels``.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from neighbourhood.buddies.forms import (
    AssistedBuddySignupForm,
    BuddySignupAdminForm,
    MatchFollowUpForm,
)
from neighbourhood.buddies.matching import (
    BuddyCandidatesView,
    BuddyMatchFilterSet,
    MatchFollowUpView,
    match_policy,
)
from neighbourhood.buddies.selectors import choice_labels
from neighbourhood.buddies.services import (
    buddy_signup_create,
    buddy_signup_matchable,
    buddy_signup_status_change,
)
from neighbourhood.models import (
    AVAILABILITY_CHOICES,
    BuddyMatch,
    BuddyRole,
    BuddySignup,
    Interest,
    Language,
)
from neighbourhood.scoping.views import (
    WopOwnedEditView,
    WopOwnedFilterSet,
    WopOwnedIndexView,
    WopOwnedInspectView,
)
from neighbourhood.scoping.viewsets import WopOwnedViewSet
from neighbourhood.submissions.on_behalf import AssistedCreateView

# Sign-ups -------------------------------------------------------------------

# Whether the resident seeks a buddy or wants to be one (the model's own name
# for it is the public form's "ik").
ROLE_LABEL = gettext_lazy("Rol")


class BuddySignupFilterSet(WopOwnedFilterSet):
    role = django_filters.ChoiceFilter(label=ROLE_LABEL, choices=BuddyRole.choices)

    class Meta:
        model = BuddySignup
        fields = ["project", "role", "status", "wop"]


class BuddySignupIndexView(WopOwnedIndexView):
    match_url_name = None

    @cached_property
    def add_item_label(self):
        return _("Aanmelding invoeren namens bewoner")

    def _get_title_column(self, field_name, *args, **kwargs):
        column = super()._get_title_column(field_name, *args, **kwargs)
        column.accessor = str  # an anonymised sign-up has no name left
        return column

    @cached_property
    def may_match(self):
        return match_policy.user_has_permission(self.request.user, "add")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if (
            self.may_match
            and instance.role == BuddyRole.SEEKER
            and buddy_signup_matchable(instance)
        ):
            buttons.append(
                ListingButton(
                    _("Zoek een maatje"),
                    url=reverse(self.match_url_name, args=[quote(instance.pk)]),
                    icon_name="link",
                    priority=5,
                )
            )
        return buttons


class BuddySignupCreateView(AssistedCreateView):
    """Aanmelding invoeren namens bewoner: a volunteer enters what the resident
    told them; it goes through the same service as the online form.
    ``?project=<id>`` starts the form with that project chosen, its name in
    the consent text to read out."""

    def get_initial(self):
        initial = super().get_initial()
        project = self.request.GET.get("project", "")
        if project.isdigit():
            initial["project"] = int(project)
        return initial

    def create(self, form, **on_behalf):
        return buddy_signup_create(
            project=form.cleaned_data["project"],
            wop=form.wop,
            data=form.signup_data(),
            withdraw_url_for=self.withdraw_url_for,
            **on_behalf,
        )

    def success_message(self, signup) -> str:
        return capfirst(
            _(
                "Aanmelding van %(object)s opgeslagen. De vrijwilligers van de "
                "wijk krijgen bericht."
            )
            % {"object": signup}
        )


class BuddySignupEditView(WopOwnedEditView):
    match_url_name = None

    def save_instance(self):
        # The status goes through the service, which logs who changed it.
        new_status = self.form.cleaned_data["status"]
        self.form.instance.status = self.form.initial["status"]
        signup = super().save_instance()
        return buddy_signup_status_change(
            signup=signup, status=new_status, by=self.request.user
        )

    @cached_property
    def header_buttons(self):
        if (
            self.object.role == BuddyRole.SEEKER
            and buddy_signup_matchable(self.object)
            and match_policy.user_has_permission(self.request.user, "add")
        ):
            return [
                HeaderButton(
                    _("Zoek een maatje"),
                    url=reverse(self.match_url_name, args=[quote(self.object.pk)]),
                    icon_name="link",
                )
            ]
        return []


class BuddySignupInspectView(WopOwnedInspectView):
    """The whole sign-up, consent record included, with answers in words."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "–" if value is None or value == "" else value

    def get_interests_display_value(self):
        return ", ".join(choice_labels(self.object.interests, Interest.choices))

    def get_availability_display_value(self):
        return ", ".join(choice_labels(self.object.availability, AVAILABILITY_CHOICES))

    def get_languages_display_value(self):
        return ", ".join(choice_labels(self.object.languages, Language.choices))

    def get_field_label(self, field_name, field):
        return (
            ROLE_LABEL
            if field_name == "role"
            else super().get_field_label(field_name, field)
        )

    def get_registered_by_display_value(self):
        return self.object.registered_by or _("De bewoner zelf, online")


class BuddySignupViewSet(WopOwnedViewSet):
    model = BuddySignup
    name = "buddy_signup"
    url_prefix = "maatjes/aanmeldingen"
    icon = "user"
    menu_label = gettext_lazy("Aanmeldingen")
    index_view_class = BuddySignupIndexView
    add_view_class = BuddySignupCreateView
    edit_view_class = BuddySignupEditView
    inspect_view_class = BuddySignupInspectView
    inspect_view_enabled = True
    # Everything but the private withdraw token.
    inspect_view_fields = [
        "project",
        "status",
        "wop",
        *BuddySignup.signup_fields,
        "created_at",
        "updated_at",
        "registered_by",
        "consent_method",
        "consent_at",
        "consent_text",
        "consent_privacy_version",
        "withdrawn_at",
        "anonymised_at",
    ]
    select_related = ("wop", "project")
    list_display = [
        "name",
        "project",
        Column("role", label=ROLE_LABEL, accessor="get_role_display", sort_key="role"),
        "status",
        DateColumn(
            "created_at", label=gettext_lazy("Aangemeld"), sort_key="created_at"
        ),
        Column("wop", label=gettext_lazy("Wijk"), sort_key="wop__title"),
    ]
    filterset_class = BuddySignupFilterSet
    search_fields = ["name"]
    list_export = [
        "name",
        "phone",
        "email",
        "address",
        "contact_preference",
        "project",
        "get_role_display",
        "get_status_display",
        "created_at",
        "wop",
    ]
    export_headings = {
        "address": gettext_lazy("Adres"),
        "get_role_display": ROLE_LABEL,
        "get_status_display": gettext_lazy("Status"),
    }
    export_filename = "maatjes-aanmeldingen"

    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            MultiFieldPanel(
                [
                    FieldPanel("role"),
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                    FieldRowPanel(
                        [
                            FieldPanel("street"),
                            FieldPanel("house_number"),
                            FieldPanel("postcode"),
                        ]
                    ),
                    FieldPanel("contact_preference"),
                ],
                heading=gettext_lazy("Bewoner"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("interests"),
                    FieldPanel("interests_other"),
                    FieldPanel("availability"),
                    FieldPanel("languages"),
                    FieldPanel("languages_other"),
                    FieldPanel("meeting_needs"),
                    FieldPanel("message"),
                ],
                heading=gettext_lazy("Aanmelding"),
            ),
        ],
        base_form_class=BuddySignupAdminForm,
    )
    add_handler = ObjectList(
        [
            FieldPanel("project"),
            *edit_handler.children[1:],
            MultiFieldPanel(
                [
                    FieldPanel("consent_method"),
                    FieldPanel("consent_given"),
                    FieldPanel("email_language"),
                ],
                heading=gettext_lazy("Toestemming"),
            ),
        ],
        base_form_class=AssistedBuddySignupForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            match_url_name=self.get_url_name("match"), **kwargs
        )

    @property
    def match_view(self):
        return self.construct_view(
            BuddyCandidatesView,
            match_index_url_name=buddy_match_viewset.get_url_name("index"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("match/<int:pk>/", self.match_view, name="match"),
        ]


# Matches --------------------------------------------------------------------


class DayColumn(Column):
    """A date field shown as a date ("12 januari 2027"), "–" when empty."""

    def __init__(self, name, **kwargs):
        super().__init__(name, accessor=self.day, sort_key=name, **kwargs)

    def day(self, instance) -> str:
        value = getattr(instance, self.name)
        return date_format(value, "j F Y") if value else "–"


class BuddyMatchViewSet(WopOwnedViewSet):
    """Matches are made from a seeker's "Zoek een maatje"; here they are
    followed up."""

    model = BuddyMatch
    name = "buddy_match"
    url_prefix = "maatjes/koppelingen"
    icon = "link"
    menu_label = gettext_lazy("Koppelingen")
    edit_view_class = MatchFollowUpView
    inspect_view_enabled = True
    select_related = ("wop", "seeker", "buddy")
    ordering = "follow_up_on"
    # Days as dates: Wagtail's DateColumn says how long ago, which is wrong for
    # a follow-up still to come and for a day without a time.
    list_display = [
        "__str__",
        DayColumn("started_on", label=gettext_lazy("Gestart")),
        DayColumn("follow_up_on", label=gettext_lazy("Navragen op")),
        "follow_up_outcome",
        DayColumn("ended_on", label=gettext_lazy("Gestopt")),
        Column("wop", label=gettext_lazy("Wijk"), sort_key="wop__title"),
    ]
    filterset_class = BuddyMatchFilterSet
    search_fields = ["seeker__name", "buddy__name"]
    list_export = [
        "seeker",
        "buddy",
        "started_on",
        "follow_up_on",
        "get_follow_up_outcome_display",
        "ended_on",
        "wop",
    ]
    export_headings = {"get_follow_up_outcome_display": gettext_lazy("Hoe gaat het")}
    export_filename = "maatjes-koppelingen"

    def get_form_class(self, for_update=False):
        return MatchFollowUpForm

    def get_common_view_kwargs(self, **kwargs):
        # New matches come from "Zoek een maatje", not from an empty form.
        return super().get_common_view_kwargs(add_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            pattern for pattern in super().get_urlpatterns() if pattern.name != "add"
        ]


buddy_signup_viewset = BuddySignupViewSet()
buddy_match_viewset = BuddyMatchViewSet()


class BuddyViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Maatjes")
    menu_icon = "group"
    menu_order = 150
    items = (buddy_signup_viewset, buddy_match_viewset)
