"""Public submission forms, turned into forms a volunteer fills in for a
resident who phones, hands in paper or is met at the door.

The fields, their checks and the consent words stay those of the public
form, so a request means the same however it came in; only the online
consent box and the honeypot give way to how the resident gave consent.
``AssistedRegistrationMixin`` and ``ContactFieldsMixin`` are shared by every
"register on behalf" form (buddy sign-ups, RSVPs, action requests).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import ConsentMethod
from neighbourhood.scoping.permissions import wop_ids_for_user
from neighbourhood.submissions.forms import REACH_MESSAGE
from neighbourhood.submissions.guard import HONEYPOT_FIELD
from neighbourhood.submissions.phones import validate_phone
from neighbourhood.wops.postcodes import format_postcode
from neighbourhood.wops.selectors import wop_for_postcode


class ContactFieldsMixin:
    """Phone tidied, and at least a phone number or an e-mail address."""

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        return validate_phone(phone) if phone.strip() else ""

    def clean(self):
        cleaned_data = super().clean()
        if "phone" in cleaned_data and "email" in cleaned_data:
            if not cleaned_data["phone"] and not cleaned_data["email"]:
                self.add_error("phone", REACH_MESSAGE)
        return cleaned_data


class AssistedRegistrationMixin(forms.Form):
    """A volunteer enters a submission for a resident (phone, paper,
    doorstep): how the resident gave consent, that they did, and for a
    city-wide page the WOP of the resident's postcode, which must be one of
    the volunteer's own."""

    consent_method = forms.ChoiceField(
        label=_("Toestemming gegeven"),
        choices=[
            (ConsentMethod.VERBAL, _("mondeling")),
            (ConsentMethod.PAPER, _("op papier")),
        ],
        initial=ConsentMethod.VERBAL,
        widget=forms.RadioSelect,
    )
    consent_given = forms.BooleanField(
        label=_("De bewoner heeft toestemming gegeven"),
        error_messages={
            "required": _(
                "Zonder toestemming van de bewoner mogen we de gegevens niet "
                "opslaan. Vraag het eerst, en vink dit dan aan."
            )
        },
    )

    # Shown when a city-wide submission comes without a postcode.
    city_wide_postcode_message = _(
        "Dit is voor de hele stad. Vul de postcode in: daaraan zien we bij "
        "welke wijk de aanmelding hoort."
    )

    def read_out_consent(self, purpose: str) -> None:
        """Put the consent text to read out to the resident under the box."""
        self.fields["consent_given"].help_text = _(
            "Lees de bewoner voor: “%(text)s”"
        ) % {"text": purpose}

    def wop_from_postcode(self, cleaned_data):
        """The WOP of the resident's postcode, if it is one of the user's;
        else None with an error on the postcode."""
        if "postcode" not in cleaned_data:
            return None  # already has an error
        postcode = cleaned_data["postcode"]
        if not postcode:
            self.add_error("postcode", self.city_wide_postcode_message)
            return None
        wop = wop_for_postcode(postcode=postcode)
        if wop is None:
            self.add_error(
                "postcode",
                _("Postcode %(postcode)s hoort bij geen van onze wijken.")
                % {"postcode": format_postcode(postcode)},
            )
        elif wop.pk not in wop_ids_for_user(self.for_user):
            self.add_error(
                "postcode",
                _(
                    "Postcode %(postcode)s hoort bij wijk %(wop)s, waar u niet in "
                    "werkt. Geef de aanmelding door aan een coördinator of aan "
                    "de vrijwilligers van die wijk."
                )
                % {"postcode": format_postcode(postcode), "wop": wop.title},
            )
            return None
        return wop


class AssistedPublicFormMixin(AssistedRegistrationMixin):
    """Put before a ``SubmissionForm`` subclass: ``for_user`` is the
    volunteer; the consent purpose is read out to the resident and recorded
    with ``consent_method``. ``consent_text()`` stays the public form's."""

    def __init__(self, *args, for_user, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        for name in ("consent", HONEYPOT_FIELD):
            self.fields.pop(name, None)
        fields = self.fields
        fields["name"].label = _("Naam van de bewoner")
        fields["name"].error_messages["required"] = _("Vul de naam van de bewoner in.")
        fields["phone"].label = _("Telefoonnummer van de bewoner")
        fields["email"].label = _("E-mailadres van de bewoner")
        fields["email"].help_text = _(
            "Alleen als de bewoner een e-mailadres heeft. De bewoner krijgt dan "
            "een bevestiging, met een link om de aanvraag in te trekken."
        )
        self.read_out_consent(self.consent_purpose())


class AssistedPageChoiceForm(forms.Form):
    """Step one: which page (which action, which WOP's welcome pack) the
    resident's request is for. Sent with GET, so step two is ``?page=<id>``."""

    page = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies er een.")},
    )

    def __init__(self, *args, pages, label, page_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].label = label
        self.fields["page"].choices = [(page.pk, page_label(page)) for page in pages]
