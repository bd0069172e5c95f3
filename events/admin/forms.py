"""Admin forms for RSVPs: handling one (calling, cancelling), entering one
on behalf of a resident, and recording who came to a date.

The forms validate; the views hand their data to the services.
"""

from datetime import timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.forms import rsvp_consent_purpose
from events.models import EventOccurrence, EventRSVP, RSVPStatus
from events.templatetags.events_tags import places_left, waiting_list_first
from neighbourhood.scoping.permissions import wop_ids_for_user
from neighbourhood.scoping.views import WopOwnedAdminForm
from neighbourhood.submissions.forms import ReachableFormMixin
from neighbourhood.submissions.on_behalf_forms import AssistedFormMixin
from neighbourhood.submissions.phones import phone_digits
from neighbourhood.wops.postcodes import normalise_postcode

# How far ahead a volunteer can sign someone up from the admin.
ASSISTED_WEEKS_AHEAD = 8

CONTACT_FIELDS = ["name", "phone", "email"]

MAX_WALK_INS = 999


def occurrence_label(occurrence: EventOccurrence) -> str:
    """``Samen eten – woensdag 12 maart, 18.00 uur (Schollevaar)``, and
    whether a newcomer goes on the waiting list: it is full, or people wait
    (with ``confirmed_people`` and ``waiting_people`` annotated)."""
    starts_at = timezone.localtime(occurrence.starts_at)
    where = occurrence.wop.title if occurrence.wop else _("hele stad")
    label = _("%(event)s – %(date)s, %(time)s uur (%(wop)s)") % {
        "event": occurrence.event.title,
        "date": date_format(starts_at, "l j F"),
        "time": starts_at.strftime("%H.%M"),
        "wop": where,
    }
    if waiting_list_first(occurrence):
        label += " – " + _("er wachten al mensen, dus op de wachtlijst")
    elif places_left(occurrence) == 0:
        label += " – " + _("vol, dus op de wachtlijst")
    return label


class EventRSVPAdminForm(ReachableFormMixin, WopOwnedAdminForm):
    """What a volunteer does with an RSVP: correct the contact details, tick
    "gebeld" for someone who moved up from the waiting list, or cancel it.

    A cancelled RSVP has been anonymised: nothing is left to change.
    """

    cancel = forms.BooleanField(
        label=_("Afmelden"),
        required=False,
        help_text=_(
            "Vink aan als de bewoner niet komt. De gegevens worden dan gewist. "
            "Wie op de wachtlijst staat, schuift door als er plaats is."
        ),
    )

    class Meta:
        model = EventRSVP
        fields = [*CONTACT_FIELDS, "promotion_told"]
        labels = {"promotion_told": _("Gebeld: weet dat er plaats is")}
        help_texts = {
            "promotion_told": _(
                "Deze bewoner kreeg een plaats van de wachtlijst en heeft geen "
                "e-mailadres. Vink aan als u gebeld heeft."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rsvp = self.instance
        if rsvp.status == RSVPStatus.CANCELLED:
            self.fields.clear()
        elif rsvp.promoted_at is None:
            del self.fields["promotion_told"]


class AssistedRSVPForm(AssistedFormMixin, ReachableFormMixin, WopOwnedAdminForm):
    """A volunteer signs a resident up for one date (phone, paper, doorstep).

    Offers the coming weeks' dates with sign-up of activities in the user's
    WOPs and city-wide ones; the RSVP belongs to the activity's WOP, or for a
    city-wide activity to the one of the resident's postcode.
    """

    wop_field = "occurrence"
    foreign_wop_message = _("Deze activiteit hoort bij een wijk waar u niet in werkt.")
    city_wide_postcode_message = _(
        "Deze activiteit is voor de hele stad. Vul de postcode in: daaraan "
        "zien we bij welke wijk de aanmelding hoort."
    )
    people = forms.IntegerField(label=_("Aantal personen"), min_value=1, initial=1)
    # Longer than the stored six characters: typed as "2903 ab".
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=12,
        required=False,
        help_text=_("Nodig bij een activiteit voor de hele stad. Bijvoorbeeld 2903 AB"),
    )

    class Meta:
        model = EventRSVP
        fields = ["occurrence", "people", *CONTACT_FIELDS, "postcode"]
        labels = {"occurrence": _("Activiteit en datum")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        occurrence = self.fields["occurrence"]
        occurrence.queryset = (
            EventOccurrence.objects.upcoming()
            .filter(
                Q(wop__in=wop_ids_for_user(self.for_user)) | Q(wop__isnull=True),
                event__signup_required=True,
                date__lte=today + timedelta(weeks=ASSISTED_WEEKS_AHEAD),
            )
            .select_related("event", "wop")
            .with_places()
        )
        occurrence.label_from_instance = occurrence_label

    def consent_purpose(self) -> str:
        return rsvp_consent_purpose(_("…"))

    def consent_text(self) -> str:
        return rsvp_consent_purpose(self.cleaned_data["occurrence"].event.title)

    def chosen_wop(self, cleaned_data):
        return cleaned_data["occurrence"].wop

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        return normalise_postcode(postcode) if postcode.strip() else ""

    def clean(self):
        cleaned_data = super().clean()
        occurrence = cleaned_data.get("occurrence")
        if occurrence is None:
            return cleaned_data
        event = occurrence.event
        people = cleaned_data.get("people")
        if people and people > event.max_people_per_signup:
            self.add_error(
                "people",
                _("Hoogstens %(count)s personen per aanmelding.")
                % {"count": event.max_people_per_signup},
            )
        if self._already_signed_up(occurrence, cleaned_data):
            self.add_error(
                None,
                _(
                    "Deze bewoner staat al op de lijst voor deze keer (zelfde "
                    "e-mailadres of telefoonnummer)."
                ),
            )
        return cleaned_data

    def _already_signed_up(self, occurrence, cleaned_data) -> bool:
        phone = phone_digits(cleaned_data.get("phone", ""))
        email = cleaned_data.get("email", "").lower()
        if not phone and not email:
            return False
        for rsvp in occurrence.rsvps.exclude(status=RSVPStatus.CANCELLED):
            if (phone and phone_digits(rsvp.phone) == phone) or (
                email and rsvp.email.lower() == email
            ):
                return True
        return False

    def rsvp_data(self) -> dict:
        """The RSVP's own fields, for ``rsvp_create``."""
        return {
            name: self.cleaned_data[name]
            for name in ["people", *CONTACT_FIELDS, "postcode"]
        }


# Attendance ----------------------------------------------------------------


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
