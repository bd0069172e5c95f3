"""The Wagtail editor form of an activity. Kept apart from ``forms.py``: the
page model imports it, so it must not import the models."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# Keep in step with events.models.pages.MAX_RECURRENCE_SPAN.
MAX_RECURRENCE_DAYS = 2 * 366


class EventPageForm(WagtailAdminPageForm):
    """Refuses a schedule that makes no sense or would never end, and a
    capacity below what people already signed up for."""

    def clean(self):
        cleaned_data = super().clean()
        start_time, end_time = (
            cleaned_data.get("start_time"),
            cleaned_data.get("end_time"),
        )
        if start_time and end_time and end_time <= start_time:
            self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
        self._clean_repeat(cleaned_data)
        self._clean_capacity(cleaned_data)
        return cleaned_data

    def _clean_repeat(self, cleaned_data):
        repeat = cleaned_data.get("repeat")
        start, until = cleaned_data.get("start_date"), cleaned_data.get("repeat_until")
        if repeat in (None, "once"):
            return
        if until is None:
            self.add_error(
                "repeat_until",
                _(
                    "Vul in tot wanneer de activiteit herhaalt. Zonder einddatum "
                    "zou de agenda eindeloos doorgaan."
                ),
            )
        elif start and until < start:
            self.add_error(
                "repeat_until", _("De einddatum moet na de eerste datum liggen.")
            )
        elif start and (until - start).days > MAX_RECURRENCE_DAYS:
            self.add_error(
                "repeat_until",
                _(
                    "Herhalen kan hoogstens twee jaar vooruit. Kies een eerdere "
                    "einddatum; u kunt hem later verlengen."
                ),
            )
        if repeat == "weekly" and not cleaned_data.get("weekdays"):
            self.add_error("weekdays", _("Kies op welke dagen de activiteit is."))
        if repeat == "monthly":
            if not cleaned_data.get("monthly_week"):
                self.add_error(
                    "monthly_week",
                    _("Kies welke week van de maand, bijvoorbeeld de eerste."),
                )
            if cleaned_data.get("monthly_weekday") is None:
                self.add_error("monthly_weekday", _("Kies op welke dag."))

    def _clean_capacity(self, cleaned_data):
        capacity = cleaned_data.get("capacity")
        if capacity is None or self.instance.pk is None:
            return
        busiest = max(
            (
                sum(
                    rsvp.people
                    for rsvp in occurrence.rsvps.all()
                    if rsvp.status == "confirmed"
                )
                for occurrence in self.instance.occurrences.filter(
                    is_cancelled=False
                ).prefetch_related("rsvps")
            ),
            default=0,
        )
        if capacity < busiest:
            self.add_error(
                "capacity",
                _(
                    "Er zijn al %(count)s mensen aangemeld voor één keer. Kies "
                    "minstens %(count)s plaatsen, of meld eerst mensen af."
                )
                % {"count": busiest},
            )
