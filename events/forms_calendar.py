"""The filter form above a calendar: a plain GET form, so a filtered list is a
link that can be shared, bookmarked and paged without JavaScript."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import EventKind
from neighbourhood.models import Audience, NeighbourhoodPage
from neighbourhood.submissions.fields import DAY_INPUT_FORMATS

# What a browser's date picker sends first; then what people type by hand.
DATE_INPUT_FORMATS = [*DAY_INPUT_FORMATS, "%d-%m-%y"]
DATE_ERRORS = {"invalid": _("Vul een datum in zoals 24-12-2026.")}
# The dates a calendar can search between: beyond them there are no
# activities, and a date like 31-12-9999 has no next day to end at.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2099, 12, 31)
FAR_DATE_MESSAGE = _(
    "Deze datum ligt te ver weg. Kies een datum tussen 1-1-2000 en 31-12-2099."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CalendarDateField(forms.DateField):
    """A date to search from or to, within the years a calendar can hold."""

    def clean(self, value):
        day = super().clean(value)
        if day is not None and not EARLIEST_DATE <= day <= LATEST_DATE:
            raise forms.ValidationError(FAR_DATE_MESSAGE, code="out_of_range")
        return day


class CalendarFilterForm(forms.Form):
    """Which dates to show: a period, for whom, what kind, and (on the
    city-wide calendar) which neighbourhoods. Every field may stay empty."""

    start = CalendarDateField(
        label=_("Van"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        error_messages=DATE_ERRORS,
        widget=DateInput(),
    )
    end = CalendarDateField(
        label=_("Tot en met"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        error_messages=DATE_ERRORS,
        widget=DateInput(),
    )
    audience = forms.ModelMultipleChoiceField(
        label=_("Voor wie"),
        queryset=Audience.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    kind = forms.MultipleChoiceField(
        label=_("Soort activiteit"),
        choices=EventKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    wop = forms.ModelMultipleChoiceField(
        label=_("Wijk"),
        queryset=NeighbourhoodPage.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )

    def __init__(self, *args, wops=None, **kwargs):
        """``wops``: the neighbourhoods to choose from; None leaves the choice
        out (a WOP's own calendar)."""
        super().__init__(*args, **kwargs)
        if wops is None:
            del self.fields["wop"]
        else:
            self.fields["wop"].queryset = wops

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end < start:
            self.add_error(
                "end", _("Deze datum ligt vóór de datum bij ‘Van’. Kies een latere.")
            )
        return cleaned_data

    def filters(self) -> dict:
        """The valid choices, as keyword arguments for ``occurrences_upcoming``;
        a field with an error is left out rather than hiding everything."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "start": data.get("start"),
            "end": data.get("end"),
            "audiences": [audience.slug for audience in data.get("audience") or ()],
            "kinds": list(data.get("kind") or ()),
            # None: no WOP chosen, so every WOP (an empty list would mean none).
            "wops": [wop.pk for wop in data["wop"]] if data.get("wop") else None,
        }

    @property
    def is_filtered(self) -> bool:
        """Whether the visitor chose anything at all (to open the filters)."""
        return self.is_bound and any(self.data.get(name) for name in self.fields)
