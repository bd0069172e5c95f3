"""The RSVPs in the admin: the listing with its filters, entering one on
behalf of a resident, handling one (calling, cancelling) and deleting one.

The RSVPs are scoped to the user's WOPs by ``neighbourhood.scoping.viewsets``. An
activity in a WOP has RSVPs of that WOP only; a city-wide one has RSVPs of
every WOP, and a volunteer sees those of their own WOPs.
"""

import django_filters
from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.panels import Panel
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.admin.widgets.button import Button, HeaderButton

from events.models import RSVP_TO_CALL, EventPage, EventRSVP, RSVPStatus
from events.selectors import occurrence_places_taken
from events.services import RSVPNotPossible, rsvp_cancel, rsvp_create
from neighbourhood.models import NeighbourhoodPage
from neighbourhood.scoping.permissions import policy_for
from neighbourhood.scoping.views import (
    WopOwnedDeleteView,
    WopOwnedEditView,
    WopOwnedFilterSet,
    WopOwnedIndexView,
)
from neighbourhood.submissions.on_behalf import AssistedCreateView

rsvp_policy = policy_for(EventRSVP)


def rsvp_status_text(rsvp: EventRSVP) -> str:
    """The status, and whether a volunteer still has to call; ``rsvp``
    comes from ``EventRSVP.objects.with_needs_call()``."""
    if rsvp.needs_call:
        return _("Aangemeld, van de wachtlijst: nog bellen")
    return rsvp.get_status_display()


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
        return queryset.to_call() if value else queryset.exclude(RSVP_TO_CALL)


class EventRSVPIndexView(WopOwnedIndexView):
    attendee_list_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().with_needs_call()

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


class EventRSVPCreateView(AssistedCreateView):
    """Aanmelding invoeren namens bewoner: a volunteer enters what the resident
    told them; it goes through the same service as the online form, so the
    capacity and the waiting list count alike."""

    refusals = (RSVPNotPossible,)

    def create(self, form, **on_behalf):
        return rsvp_create(
            occurrence=form.cleaned_data["occurrence"],
            wop=form.wop,
            data=form.rsvp_data(),
            withdraw_url_for=self.withdraw_url_for,
            **on_behalf,
        )

    def success_message(self, instance) -> str:
        values = {"name": instance.name, "occurrence": instance.occurrence}
        if instance.status != RSVPStatus.WAITING:
            return _("%(name)s is aangemeld voor %(occurrence)s.") % values
        confirmed, _waiting = occurrence_places_taken(occurrence=instance.occurrence)
        if confirmed + instance.people <= instance.occurrence.event.capacity:
            return (
                _(
                    "%(name)s staat op de wachtlijst voor %(occurrence)s: er "
                    "wachten al mensen, en een vrije plaats gaat eerst naar hen. "
                    "Als er plaats komt, schuift %(name)s door."
                )
                % values
            )
        return (
            _(
                "%(name)s staat op de wachtlijst voor %(occurrence)s: de "
                "activiteit is vol. Als er plaats komt, schuift %(name)s door."
            )
            % values
        )


class EventRSVPEditView(WopOwnedEditView):
    """Gebeld, or afmelden: cancelling goes through ``rsvp_cancel``, which
    erases the person and moves people up from the waiting list."""

    attendee_list_url_name = None
    cancelled_name = None
    promoted = ()

    def get_queryset(self):
        return super().get_queryset().with_needs_call()

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
            .with_needs_call()
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
        to_call = [rsvp for rsvp in self.promoted if rsvp.needs_call]
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
                status=rsvp_status_text(rsvp),
            )
            return context
