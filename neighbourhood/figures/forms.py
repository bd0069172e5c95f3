"""The Cijfers filter: which WOP, and a year or a range of months."""

import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from neighbourhood.figures.registry import month_add

# The longest from-month/to-month period; a longer table is unreadable.
MAX_MONTHS = 36
FIRST_YEAR = 2000
MONTH_PATTERN = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def _parse_month(value: str) -> date | None:
    match = MONTH_PATTERN.match(value or "")
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if not (FIRST_YEAR <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


class MonthField(forms.CharField):
    """A month as ``jjjj-mm``; browsers that know ``type="month"`` offer a
    picker, the others a text box."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "jjjj-mm"})
    default_error_messages = {
        "invalid": gettext_lazy("Vul een maand in als jjjj-mm, bijvoorbeeld 2025-03.")
    }

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        month = _parse_month(value)
        if month is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return month


class FiguresFilterForm(forms.Form):
    """Which WOP (or all of the user's) and which period: a year, or a range
    from month to month. Everything empty means the current year."""

    wop = forms.TypedChoiceField(
        label=gettext_lazy("Wijk"), coerce=int, empty_value=None, required=False
    )
    year = forms.IntegerField(
        label=gettext_lazy("Jaar"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=2100,
        error_messages={
            "invalid": gettext_lazy("Vul een jaartal in, bijvoorbeeld 2025."),
            "min_value": gettext_lazy("Kies %(limit_value)s of later."),
            "max_value": gettext_lazy("Kies %(limit_value)s of eerder."),
        },
    )
    from_month = MonthField(
        label=gettext_lazy("Van maand"),
        required=False,
        help_text=gettext_lazy("Of kies een periode. Die gaat voor het jaar."),
    )
    to_month = MonthField(label=gettext_lazy("Tot en met maand"), required=False)

    def __init__(self, *args, wops, **kwargs):
        super().__init__(*args, **kwargs)
        self.wops = list(wops)
        self.fields["wop"].choices = [
            ("", _("Al mijn wijken (%(count)s)") % {"count": len(self.wops)}),
            *((wop.pk, wop.title) for wop in self.wops),
        ]
        self.fields["wop"].error_messages["invalid_choice"] = _(
            "Kies een van uw eigen wijken."
        )
        self.fields["year"].initial = timezone.localdate().year

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from_month"), cleaned.get("to_month")
        if self.errors:
            return cleaned
        if (start is None) != (end is None):
            missing = "to_month" if end is None else "from_month"
            self.add_error(
                missing, _("Vul bij een periode beide maanden in: van en tot en met.")
            )
        elif start is not None and start > end:
            self.add_error(
                "to_month", _("De laatste maand moet na de eerste maand komen.")
            )
        elif start is not None and month_add(start, MAX_MONTHS) <= end:
            self.add_error(
                "to_month",
                _("Kies een periode van hoogstens %(count)s maanden.")
                % {"count": MAX_MONTHS},
            )
        return cleaned

    def period(self) -> tuple[date, date]:
        """The first and last month asked for; the current year when nothing
        (valid) was."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("from_month"):
            return data["from_month"], data["to_month"]
        year = data.get("year") or timezone.localdate().year
        return date(year, 1, 1), date(year, 12, 1)

    def selected_wops(self) -> list:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        chosen = data.get("wop")
        if chosen is None:
            return self.wops
        return [wop for wop in self.wops if wop.pk == chosen]
