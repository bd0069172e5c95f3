from datetime import date

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.templatetags.events_tags import (
    day_heading,
    places_left,
    time_range,
    waiting_list_first,
)
from neighbourhood.models import ContactPreference
from neighbourhood.submissions.forms import SubmissionForm


def rsvp_consent_purpose(event_title: str) -> str:
    """What a resident agrees to when signing up for an activity: the same
    words online and when a volunteer reads them out."""
    return _(
        "Ik geef toestemming dat de organisatie van ‘%(event)s’ en de "
        "vrijwilligers van de wijk mijn naam, telefoonnummer en e-mailadres "
        "gebruiken voor deze aanmelding: om te weten wie er komt en om mij te "
        "laten weten als er iets verandert. Als ik mij afmeld, worden mijn "
        "gegevens gewist."
    ) % {"event": event_title}


def occurrence_when(occurrence) -> str:
    """ "Vrijdag 5 december, 10.00 – 11.30 uur", worded as in the calendar."""
    day = day_heading(occurrence.date)
    return f"{day}, {time_range(occurrence.starts_at, occurrence.ends_at)}"


def places_text(occurrence) -> str:
    """What a newcomer can get on a date: "nog 3 plaatsen", the waiting list
    (full, or people already wait for the free places), or nothing when there
    is no maximum."""
    left = places_left(occurrence)
    if left is None:
        return ""
    if waiting_list_first(occurrence):
        return str(_("er wachten al mensen – u komt op de wachtlijst"))
    if left == 0:
        return str(_("vol – u komt op de wachtlijst"))
    return ngettext("nog %(count)s plaats", "nog %(count)s plaatsen", left) % {
        "count": left
    }


class RSVPForm(SubmissionForm):
    """Sign up for one date of an activity, alone or with a few people.

    ``event`` is the EventPage; ``dates`` the occurrences offered (soonest
    first, each annotated with ``confirmed_people`` and ``waiting_people``).
    A date is chosen by its ISO date; any date of the event is accepted
    here, so that a date that has passed or was cancelled in the meantime
    reaches ``rsvp_create`` and gets its message from there.

    Only what an RSVP needs is asked: a name, a phone number or an e-mail
    address, the date and the number of people. The postcode is asked only
    on a city-wide calendar (``wop`` None), to find the WOP the RSVP belongs
    to; an activity of a WOP does not need it.
    """

    street = None
    house_number = None
    contact_preference = None

    occurrence = forms.CharField(
        label=_("Welke datum?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de datum waarop u komt.")},
    )
    people = forms.IntegerField(
        label=_("Met hoeveel personen komt u?"),
        min_value=1,
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Vul in met hoeveel personen u komt."),
            "invalid": _("Vul een getal in, bijvoorbeeld 2."),
            "min_value": _("Vul 1 of meer in."),
        },
    )

    field_order = ["occurrence", "people", "name", "phone", "email", "postcode"]
    data_fields = ("name", "phone", "email", "postcode", "people")

    def __init__(self, *args, event, dates=(), **kwargs):
        self.event = event
        self.dates = list(dates)
        super().__init__(*args, **kwargs)
        self.fields["occurrence"].widget.choices = [
            (occurrence.date.isoformat(), self.date_label(occurrence))
            for occurrence in self.dates
        ]
        if len(self.dates) == 1:
            self.fields["occurrence"].initial = self.dates[0].date.isoformat()
        limit = event.max_people_per_signup
        people = self.fields["people"]
        people.max_value = limit
        people.widget.attrs["max"] = limit
        people.validators.append(
            MaxValueValidator(
                limit,
                message=_(
                    "U kunt met hoogstens %(limit_value)s personen tegelijk "
                    "aanmelden. Komt u met een grotere groep? Neem dan contact "
                    "op met de organisator."
                ),
            )
        )
        people.help_text = _("Uzelf meegeteld. Hoogstens %(count)s.") % {"count": limit}
        if self.page_wop is not None:
            del self.fields["postcode"]
        else:
            self.fields["postcode"].help_text = _(
                "Bijvoorbeeld 2903 AB. Zo weten we bij welke wijk u hoort."
            )

    @property
    def asks_postcode(self) -> bool:
        return "postcode" in self.fields

    def consent_purpose(self) -> str:
        return rsvp_consent_purpose(self.event.title)

    @staticmethod
    def date_label(occurrence) -> str:
        places = places_text(occurrence)
        when = occurrence_when(occurrence)
        return f"{when} ({places})" if places else when

    @property
    def waiting_list_first(self) -> bool:
        """Whether on some date people wait while places are free."""
        return any(waiting_list_first(occurrence) for occurrence in self.dates)

    def date_options(self) -> list[dict]:
        """The date radios with what the template shows beside each: when,
        and how many places are left."""
        by_value = {o.date.isoformat(): o for o in self.dates}
        options = []
        for radio in self["occurrence"].subwidgets:
            occurrence = by_value[radio.data["value"]]
            options.append(
                {
                    "radio": radio,
                    "when": occurrence_when(occurrence),
                    "places": places_text(occurrence),
                    "is_full": places_left(occurrence) == 0,
                }
            )
        return options

    def clean_occurrence(self):
        try:
            day = date.fromisoformat(self.cleaned_data["occurrence"])
        except ValueError:
            day = None
        occurrence = (
            self.event.occurrences.filter(date=day).first()
            if day is not None and self.event.pk
            else None
        )
        if occurrence is None:
            raise forms.ValidationError(_("Kies een van de data uit de lijst."))
        return occurrence

    def clean(self):
        cleaned_data = super().clean()
        if self.page_wop is not None:
            self.wop = self.page_wop
        return cleaned_data

    def submission_data(self) -> dict:
        data = {name: self.cleaned_data.get(name, "") for name in self.data_fields}
        # Whoever gave an e-mail address is mailed; the others are called.
        data["contact_preference"] = (
            ContactPreference.EMAIL if data["email"] else ContactPreference.PHONE
        )
        return data

    def init_kwargs(self) -> dict:
        return {**super().init_kwargs(), "event": self.event, "dates": self.dates}
