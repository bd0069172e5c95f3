"""The claim form of a WOP's welcome pack: public, and as a volunteer enters
it for a resident; and the postcode that leads to the pack."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import ContactPreference, Language
from neighbourhood.submissions.fields import DayField
from neighbourhood.submissions.forms import SubmissionForm
from neighbourhood.submissions.on_behalf_forms import AssistedPublicFormMixin
from neighbourhood.wops.forms import PostcodeFinderForm
from neighbourhood.wops.house_numbers import AdditionField, split_house_number
from neighbourhood.wops.selectors import wop_for_postcode
from welcome_pack.models import FurtherInterest, Present, WelcomePackPage

# A pack is for people who moved in during the last year.
MOVED_IN_MAX_DAYS = 365
HOUSEHOLD_MAX = 15

PRESENT_GONE_MESSAGE = _("Dit cadeautje is net op. Kies een ander.")


def claim_consent_purpose(wop_title: str) -> str:
    """What a new resident agrees to when claiming the pack: the same words
    online and when a volunteer reads them out."""
    return _(
        "Ik geef toestemming dat de vrijwilligers van wijk %(wop)s mijn "
        "gegevens gebruiken om mij het welkomstpakket te brengen. Heb ik bij "
        "‘Ik wil ook graag…’ iets aangevinkt, dan mogen zij mij daarover ook "
        "vertellen. Ik weet dat ik mijn aanvraag altijd kan intrekken."
    ) % {"wop": wop_title}


class ClaimForm(SubmissionForm):
    """Claim the welcome pack of this page's WOP: who you are, where you live
    (in this WOP), your household, a present of this WOP that is in stock,
    and what else you would like.

    Without any present in stock the present question is left out; after
    validation ``outside_wop`` and ``outside_url`` say where an address from
    another WOP can claim its pack.
    """

    contact_preference = None
    reach_message = _(
        "Vul een telefoonnummer of een e-mailadres in, zodat de vrijwilliger "
        "een afspraak met u kan maken."
    )

    street = forms.CharField(
        label=_("Straat"),
        max_length=100,
        help_text=_("Daar brengen we het pakket."),
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        error_messages={"required": _("Vul uw straat in.")},
    )
    house_number = forms.CharField(
        label=_("Huisnummer"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": _("Vul uw huisnummer in.")},
    )
    house_number_addition = AdditionField(
        label=_("Toevoeging"),
        max_length=10,
        required=False,
        help_text=_("Bijvoorbeeld A of 2-hoog"),
    )
    moved_in_on = DayField(
        label=_("Wanneer bent u verhuisd?"),
        error_messages={"required": _("Vul in wanneer u bent verhuisd.")},
    )
    household_size = forms.IntegerField(
        label=_("Met hoeveel personen woont u in huis?"),
        help_text=_("Uzelf meegeteld."),
        min_value=1,
        max_value=HOUSEHOLD_MAX,
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Vul in met hoeveel personen u in huis woont."),
            "invalid": _("Vul een getal in, bijvoorbeeld 3."),
            "min_value": _("Vul 1 of meer in."),
            "max_value": _(
                "Vul een getal in van 1 tot en met %(limit_value)s. Woont u "
                "met meer mensen? Neem dan contact op met de wijk."
            ),
        },
    )
    preferred_language = forms.ChoiceField(
        label=_("In welke taal leest of praat u het liefst?"),
        choices=Language.choices,
        initial=Language.DUTCH,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een taal.")},
    )
    present = forms.ModelChoiceField(
        label=_("Kies een cadeautje"),
        queryset=Present.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies een cadeautje."),
            "invalid_choice": PRESENT_GONE_MESSAGE,
        },
    )
    interests = forms.MultipleChoiceField(
        label=_("Ik wil ook graag…"),
        choices=FurtherInterest.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Dan vertelt een vrijwilliger u er meer over."),
    )

    field_order = [
        "name",
        "street",
        "house_number",
        "house_number_addition",
        "postcode",
        "moved_in_on",
        "household_size",
        "preferred_language",
        "phone",
        "email",
        "present",
        "interests",
        "consent",
    ]
    data_fields = (
        "name",
        "phone",
        "email",
        "street",
        "house_number",
        "house_number_addition",
        "postcode",
        "moved_in_on",
        "household_size",
        "preferred_language",
        "interests",
    )

    def __init__(self, *args, page: WelcomePackPage, **kwargs):
        self.page = page
        kwargs.setdefault("wop", page.wop)
        super().__init__(*args, **kwargs)
        self.outside_wop = None
        self.outside_url = ""
        self.outside_has_pack = False
        presents = (
            Present.objects.filter(wop=self.page_wop)
            .in_stock()
            .select_related("image")
            .prefetch_related("image__renditions")
        )
        if presents.exists():
            self.fields["present"].queryset = presents
        else:
            del self.fields["present"]

    def init_kwargs(self) -> dict:
        return {**super().init_kwargs(), "page": self.page}

    @property
    def offers_present(self) -> bool:
        return "present" in self.fields

    def consent_purpose(self) -> str:
        return claim_consent_purpose(self.page_wop.title)

    def present_options(self) -> list[dict]:
        """The present radios with the present beside each: picture and name."""
        return [
            {"radio": radio, "present": radio.data["value"].instance}
            for radio in self["present"].subwidgets
        ]

    def clean_moved_in_on(self):
        moved_in_on = self.cleaned_data["moved_in_on"]
        today = timezone.localdate()
        if moved_in_on > today:
            raise forms.ValidationError(
                _(
                    "Deze datum ligt in de toekomst. Vraag het pakket aan als u "
                    "verhuisd bent."
                )
            )
        if moved_in_on < today - timedelta(days=MOVED_IN_MAX_DAYS):
            raise forms.ValidationError(
                _(
                    "Het welkomstpakket is voor mensen die in het afgelopen jaar "
                    "zijn verhuisd. Woont u hier al langer? Kijk dan op de "
                    "pagina van de wijk wat er te doen is."
                )
            )
        return moved_in_on

    def clean_house_number(self):
        # An addition typed with the number ("12b") moves to its own field.
        number, self.typed_addition = split_house_number(
            self.cleaned_data["house_number"]
        )
        return number

    def clean(self):
        cleaned_data = super().clean()
        self.wop = self.page_wop
        self._join_typed_addition(cleaned_data)
        self._check_in_wop(cleaned_data.get("postcode"))
        posted_present = self.data.get(self.add_prefix("present"))
        if posted_present and not self.offers_present:
            # The last present ran out while the resident was filling in.
            self.add_error(
                None,
                _(
                    "Het cadeautje dat u koos is net op, en er zijn nu geen "
                    "cadeautjes meer. U krijgt het pakket zonder cadeautje. Is "
                    "dat goed? Verstuur het formulier dan opnieuw."
                ),
            )
        return cleaned_data

    def _join_typed_addition(self, cleaned_data):
        typed = getattr(self, "typed_addition", "")
        if not typed or "house_number_addition" not in cleaned_data:
            return
        if cleaned_data["house_number_addition"] not in ("", typed):
            self.add_error(
                "house_number_addition",
                _(
                    "Bij het huisnummer staat al een toevoeging (%(typed)s). "
                    "Vul de toevoeging op één plek in."
                )
                % {"typed": typed},
            )
            return
        cleaned_data["house_number_addition"] = typed

    def _check_in_wop(self, postcode):
        if not postcode or self.page_wop.postcode_areas.covering(postcode).exists():
            return
        other = wop_for_postcode(postcode=postcode)
        if other is None:
            self.add_error(
                "postcode",
                _(
                    "Dit adres hoort bij geen van onze wijken. Daar kunnen we "
                    "(nog) geen welkomstpakket brengen."
                ),
            )
            return
        self.outside_wop = other
        pack = WelcomePackPage.objects.child_of(other).live().public().first()
        self.outside_url = (pack or other).url or ""
        self.add_error(
            "postcode",
            _(
                "Dit adres hoort bij wijk %(other)s. Dit welkomstpakket is voor "
                "wijk %(wop)s."
            )
            % {"other": other.title, "wop": self.page_wop.title},
        )
        self.outside_has_pack = pack is not None

    def submission_data(self) -> dict:
        data = super().submission_data()
        # Whoever gave an e-mail address is mailed; the others are called.
        data["contact_preference"] = (
            ContactPreference.EMAIL if data["email"] else ContactPreference.PHONE
        )
        return data

    def chosen_present(self) -> Present | None:
        return self.cleaned_data.get("present")


class AssistedClaimForm(AssistedPublicFormMixin, ClaimForm):
    """The claim a volunteer enters for a new resident (phone, paper,
    doorstep): the same questions, the WOP's presents in stock, and how the
    resident gave consent."""


class WelcomePackFinderForm(PostcodeFinderForm):
    """The postcode that leads a new resident to their WOP's welcome pack.

    Its own ids, so it can stand beside the neighbourhood finder on one page.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_welkom_%s")
        super().__init__(*args, **kwargs)
