"""The form volunteers fill in after a date: who came, and how many without
signing up."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import EventOccurrence

MAX_WALK_INS = 999


def _rsvp_label(rsvp) -> str:
    people = ngettext("%(count)s persoon", "%(count)s personen", rsvp.people) % {
        "count": rsvp.people
    }
    return f"{rsvp} ({people})"


class AttendanceForm(forms.Form):
    """A checkbox per confirmed RSVP the volunteer may see, and a number for
    walk-ins (not for a city-wide date: walk-ins belong to a WOP)."""

    attended = forms.TypedMultipleChoiceField(
        label=_("Aanwezig geweest"),
        help_text=_("Vink aan wie er was. Wie niet is aangevinkt, was er niet."),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Een van de aangevinkte aanmeldingen hoort niet bij deze keer. "
                "Laad de pagina opnieuw en probeer het nog eens."
            )
        },
    )
    walk_ins = forms.IntegerField(
        label=_("Zonder aanmelding gekomen"),
        help_text=_("Het aantal personen dat kwam zonder zich aan te melden."),
        min_value=0,
        max_value=MAX_WALK_INS,
        error_messages={
            "required": _("Vul het aantal in. Kwam er niemand extra? Vul dan 0 in."),
            "invalid": _("Vul een heel getal in, bijvoorbeeld 3."),
            "min_value": _("Vul 0 of meer in."),
            "max_value": _("Vul hoogstens %(limit_value)s in."),
        },
    )

    def __init__(self, *args, occurrence: EventOccurrence, rsvps, **kwargs):
        self.rsvps = list(rsvps)
        kwargs["initial"] = {
            "attended": [rsvp.pk for rsvp in self.rsvps if rsvp.attended],
            "walk_ins": occurrence.walk_ins,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (rsvp.pk, _rsvp_label(rsvp)) for rsvp in self.rsvps
        ]
        if occurrence.wop_id is None:
            del self.fields["walk_ins"]
        if not self.rsvps:
            del self.fields["attended"]
