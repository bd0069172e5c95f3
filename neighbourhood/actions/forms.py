"""The public request forms of the neighbour actions: a card, a treat, a wave
tile (as a volunteer enters them for a resident: ``admin_forms``). Each asks
only what its action needs; the form never saves (the view hands
``submission_data()`` to ``action_request_create``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import (
    CardDesign,
    ContactPreference,
    Delivery,
    TreatFor,
)
from neighbourhood.models.actions import MESSAGE_MAX_LENGTH
from neighbourhood.submissions.forms import SubmissionForm
from neighbourhood.wops.house_numbers import HouseNumberField
from neighbourhood.wops.postcodes import normalise_postcode
from neighbourhood.wops.selectors import wop_for_postcode


class MessageField(forms.CharField):
    """Free text whose line breaks count as one character, as the browser
    counts them for ``maxlength`` (it sends each as two)."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class ActionRequestForm(SubmissionForm):
    """What the three request forms share: the action's page and its WOP, an
    address check against that WOP, and contact details without a chosen way
    of contact (an e-mail address means e-mail, otherwise a phone call).

    ``page`` is the action's page; the request belongs to its WOP. After
    validation ``outside_wop`` is the WOP an address belongs to instead, if
    any, so the page can link to it.
    """

    street = None
    house_number = None
    postcode = None
    contact_preference = None

    data_fields = ("name", "phone", "email")

    def __init__(self, *args, page, wop=None, **kwargs):
        self.page = page
        super().__init__(*args, wop=wop or page.wop, **kwargs)
        self.outside_wop = None

    def init_kwargs(self) -> dict:
        return {**super().init_kwargs(), "page": self.page}

    def clean(self):
        cleaned_data = super().clean()
        self.wop = self.page_wop
        return cleaned_data

    def _clean_postcode_field(self, name):
        value = self.cleaned_data[name]
        return normalise_postcode(value) if value.strip() else ""

    def check_in_wop(self, name: str, *, own: bool) -> None:
        """Add an error at postcode field ``name`` unless this WOP covers it."""
        postcode = self.cleaned_data.get(name)
        if not postcode or self.page_wop.postcode_areas.covering(postcode).exists():
            return
        other = wop_for_postcode(postcode=postcode)
        if other is None:
            message = (
                _("Uw adres hoort bij geen van onze wijken.")
                if own
                else _("Dit adres hoort bij geen van onze wijken.")
            )
        else:
            self.outside_wop = other
            message = (
                _(
                    "Uw adres hoort bij wijk %(other)s. Deze actie is voor "
                    "wijk %(wop)s. Kijk op de pagina van wijk %(other)s wat "
                    "daar kan."
                )
                if own
                else _(
                    "Dit adres hoort bij wijk %(other)s. Deze actie is voor "
                    "adressen in wijk %(wop)s. Kijk op de pagina van wijk "
                    "%(other)s wat daar kan."
                )
            ) % {"other": other.title, "wop": self.page_wop.title}
        self.add_error(name, message)

    def submission_data(self) -> dict:
        data = super().submission_data()
        # Whoever gave an e-mail address is mailed; the others are called.
        data["contact_preference"] = (
            ContactPreference.EMAIL if data["email"] else ContactPreference.PHONE
        )
        return data


class RecipientAddressMixin(forms.Form):
    """The neighbour's address: the card or treat goes there.

    Whether it is needed depends on another answer (``recipient_needed()``),
    so the fields are required, or not, as the form is made.
    """

    recipient_street = forms.CharField(label=_("Straat"), max_length=100)
    recipient_house_number = HouseNumberField(
        label=_("Huisnummer"),
        help_text=_("Met toevoeging, bijvoorbeeld 12 A"),
    )
    recipient_postcode = forms.CharField(
        label=_("Postcode"),
        max_length=12,
        help_text=_("Bijvoorbeeld 2903 AB"),
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )

    recipient_fields = (
        "recipient_street",
        "recipient_house_number",
        "recipient_postcode",
    )
    recipient_missing = {
        "recipient_street": _("Vul de straat van uw buur in."),
        "recipient_house_number": _("Vul het huisnummer van uw buur in."),
        "recipient_postcode": _("Vul de postcode van uw buur in."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        needed = self.recipient_needed()
        for name in self.recipient_fields:
            self.fields[name].required = needed
            self.fields[name].error_messages["required"] = self.recipient_missing[name]

    def recipient_needed(self) -> bool:
        raise NotImplementedError

    def answer(self, name: str) -> str:
        """What was posted for field ``name``, before validation ("" if none)."""
        return self.data.get(self.add_prefix(name), "") if self.is_bound else ""

    def clean_recipient_postcode(self):
        return self._clean_postcode_field("recipient_postcode")

    def recipient_address(self) -> list:
        return [self[name] for name in self.recipient_fields]


class CardRequestForm(RecipientAddressMixin, ActionRequestForm):
    """Send a card to a neighbour: a design, a message, the neighbour's
    address; delivered by a volunteer, or printed and delivered yourself.

    Name and contact details are optional: a card without a name is signed
    anonymously ("Een buur"), and only who wants to hear back leaves a phone
    number or an e-mail address (an e-mail address hears when the card is
    delivered).
    """

    reach_message = None

    card_design = forms.ModelChoiceField(
        label=_("Kies een kaart"),
        queryset=CardDesign.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies een kaart."),
            "invalid_choice": _(
                "Deze kaart is er niet meer. Kies een van de andere kaarten."
            ),
        },
    )
    message = MessageField(
        label=_("Wat wilt u op de kaart schrijven?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf een tekst voor op de kaart."),
            "max_length": _(
                "Uw tekst is te lang: maximaal %(limit_value)d tekens. Nu zijn "
                "het er %(show_value)d. Maak de tekst wat korter."
            ),
        },
    )
    anonymous = forms.BooleanField(
        label=_("Anoniem versturen: mijn naam komt niet op de kaart"),
        required=False,
    )
    delivery = forms.ChoiceField(
        label=_("Wie bezorgt de kaart?"),
        choices=Delivery.choices,
        initial=Delivery.VOLUNTEER,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wie de kaart bezorgt.")},
    )

    field_order = [
        "card_design",
        "message",
        "recipient_street",
        "recipient_house_number",
        "recipient_postcode",
        "delivery",
        "anonymous",
        "name",
        "phone",
        "email",
        "consent",
    ]
    data_fields = ActionRequestForm.data_fields + (
        "card_design",
        "message",
        "anonymous",
        "delivery",
        *RecipientAddressMixin.recipient_fields,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["card_design"].queryset = (
            CardDesign.objects.filter(is_offered=True)
            .select_related("front_image")
            .prefetch_related("front_image__renditions")
        )
        name = self.fields["name"]
        name.required = False
        name.help_text = _(
            "Uw naam komt onder de kaart. Laat u dit leeg, dan staat er ‘Een "
            "buur’ onder, net als bij een anonieme kaart."
        )
        self.fields["message"].help_text = _(
            "Maximaal %(count)s tekens. Weet u niet goed wat u wilt schrijven? "
            "Bij elke kaart staat een voorbeeld."
        ) % {"count": MESSAGE_MAX_LENGTH}

    def consent_purpose(self) -> str:
        return _(
            "Ik geef toestemming dat de vrijwilligers van wijk %(wop)s mijn "
            "kaart, mijn tekst en het adres van mijn buur gebruiken om de kaart "
            "te maken en te bezorgen. Vul ik mijn naam, telefoonnummer of "
            "e-mailadres in, dan gebruiken zij die alleen voor deze kaart. Ik "
            "weet dat ik mijn aanvraag altijd kan intrekken."
        ) % {"wop": self.page_wop.title}

    def design_options(self) -> list[dict]:
        """The design radios with the design beside each: its front image,
        name and example text."""
        return [
            {"radio": radio, "design": radio.data["value"].instance}
            for radio in self["card_design"].subwidgets
        ]

    def clean(self):
        cleaned_data = super().clean()
        if "name" in cleaned_data and not cleaned_data["name"]:
            # No name: the card is signed "Een buur", as an anonymous one.
            cleaned_data["anonymous"] = True
        self.check_in_wop("recipient_postcode", own=False)
        return cleaned_data

    def recipient_needed(self) -> bool:
        """A volunteer needs the address; who delivers it themselves does not."""
        return self.answer("delivery") != Delivery.SELF


class TreatRequestForm(RecipientAddressMixin, ActionRequestForm):
    """Ask for a treat: for a neighbour (delivered at their address), or to
    share with one (a volunteer calls or mails to arrange it)."""

    treat = forms.ChoiceField(
        label=_("Welke traktatie?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een traktatie."),
            "invalid_choice": _("Kies een van de traktaties uit de lijst."),
        },
    )
    treat_for = forms.ChoiceField(
        label=_("Voor wie is de traktatie?"),
        choices=TreatFor.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies voor wie de traktatie is.")},
    )

    field_order = [
        "treat",
        "treat_for",
        "recipient_street",
        "recipient_house_number",
        "recipient_postcode",
        "name",
        "phone",
        "email",
        "consent",
    ]
    data_fields = ActionRequestForm.data_fields + (
        "treat",
        "treat_for",
        *RecipientAddressMixin.recipient_fields,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.treat_options = {
            str(option.pk): option for option in self.page.treats.all()
        }
        self.fields["treat"].choices = [
            (pk, option.name) for pk, option in self.treat_options.items()
        ]

    def consent_purpose(self) -> str:
        return _(
            "Ik geef toestemming dat de vrijwilligers van wijk %(wop)s mijn "
            "naam, telefoonnummer of e-mailadres en het adres van mijn buur "
            "gebruiken om de traktatie te regelen en te bezorgen. Ik weet dat "
            "ik mijn aanvraag altijd kan intrekken."
        ) % {"wop": self.page_wop.title}

    def treat_choices(self) -> list[dict]:
        """The treat radios with each treat's description beside it."""
        return [
            {"radio": radio, "option": self.treat_options[str(radio.data["value"])]}
            for radio in self["treat"].subwidgets
        ]

    def clean_treat(self):
        # Stored by name: the request still says what it was if the editors
        # change the list later.
        return self.treat_options[self.cleaned_data["treat"]].name

    def clean(self):
        cleaned_data = super().clean()
        if not self.recipient_needed():
            # Shared together: the neighbour's address is not needed, so not kept.
            for name in self.recipient_fields:
                cleaned_data[name] = ""
        self.check_in_wop("recipient_postcode", own=False)
        return cleaned_data

    def recipient_needed(self) -> bool:
        """Only a treat for a neighbour is brought to their address."""
        return self.answer("treat_for") != TreatFor.TOGETHER


class WaveTileRequestForm(ActionRequestForm):
    """Ask for a wave tile in front of your own door, in this WOP."""

    street = forms.CharField(
        label=_("Straat"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        error_messages={"required": _("Vul uw straat in.")},
    )
    house_number = HouseNumberField(
        label=_("Huisnummer"),
        help_text=_("Met toevoeging, bijvoorbeeld 12 A"),
        error_messages={"required": _("Vul uw huisnummer in.")},
    )
    postcode = SubmissionForm.base_fields["postcode"]

    field_order = ["name", "street", "house_number", "postcode", "phone", "email"]
    data_fields = ActionRequestForm.data_fields + ("street", "house_number", "postcode")

    def consent_purpose(self) -> str:
        return _(
            "Ik geef toestemming dat de vrijwilligers van wijk %(wop)s mijn "
            "naam, adres, telefoonnummer of e-mailadres gebruiken om een "
            "zwaaitegel voor mijn huis te leggen en daarover contact met mij op "
            "te nemen. Op de website staat alleen hoeveel tegels er in mijn "
            "straat liggen, nooit mijn naam of huisnummer. Ik weet dat ik mijn "
            "aanvraag altijd kan intrekken."
        ) % {"wop": self.page_wop.title}

    def clean(self):
        cleaned_data = super().clean()
        self.check_in_wop("postcode", own=True)
        return cleaned_data

    def own_address(self) -> list:
        return [self["street"], self["house_number"], self["postcode"]]
