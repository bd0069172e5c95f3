"""Forms of the kit: the one reachability rule, the base of every public
submission form (contact, address, consent, honeypot) and the withdraw
button."""

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import ContactPreference, profile_for
from neighbourhood.submissions.guard import HONEYPOT_FIELD, HoneypotFormMixin
from neighbourhood.submissions.phones import validate_phone
from neighbourhood.wops.house_numbers import HouseNumberField
from neighbourhood.wops.postcodes import format_postcode, normalise_postcode
from neighbourhood.wops.selectors import wop_for_postcode

REACH_MESSAGE = _(
    "Vul een telefoonnummer of een e-mailadres in, zodat we u kunnen bereiken."
)

# What a letter or a visit needs, and why.
ADDRESS_NEEDED = {
    ContactPreference.POST: {
        "street": _("Vul uw straat in. Die hebben we nodig om u een brief te sturen."),
        "house_number": _(
            "Vul uw huisnummer in. Dat hebben we nodig om u een brief te sturen."
        ),
    },
    ContactPreference.VISIT: {
        "street": _("Vul uw straat in. Die hebben we nodig om bij u langs te komen."),
        "house_number": _(
            "Vul uw huisnummer in. Dat hebben we nodig om bij u langs te komen."
        ),
    },
}


class ReachableFormMixin:
    """The one reachability rule of every form that takes a resident's
    contact details: the phone number tidied, and a phone number or an
    e-mail address.

    ``reach_message`` is the error when both are empty, worded for the kind
    (a welcome pack says why); None where contact details are optional (a
    card sent online).
    """

    reach_message = REACH_MESSAGE

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        return validate_phone(phone) if phone.strip() else ""

    def clean(self):
        cleaned_data = super().clean()
        self.clean_reachable(cleaned_data)
        return cleaned_data

    def clean_reachable(self, cleaned_data):
        if "phone" not in cleaned_data or "email" not in cleaned_data:
            return  # one of them already has an error, or is not asked
        if self.reach_message is None:
            return
        if not cleaned_data["phone"] and not cleaned_data["email"]:
            self.add_error("phone", self.reach_message)


class SubmissionForm(ReachableFormMixin, HoneypotFormMixin):
    """What every public submission form asks: who you are, how to reach you,
    where you live, and your consent.

    Subclasses add their own fields, list the model fields they fill in
    ``data_fields`` and say in ``consent_purpose()`` what the resident agrees
    to. The view hands ``submission_data()`` and ``consent_text()`` to the
    service; the form itself never saves.

    ``wop`` is the WOP of the page the form is on. Without it (a city-wide
    page) the form finds the WOP from the postcode; after validation
    ``self.wop`` holds the WOP the submission belongs to. ``contact`` (a
    KeyFigure, optional) is named when no WOP covers the postcode.
    """

    name = forms.CharField(
        label=_("Uw naam"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul uw naam in.")},
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _(
                "Dit is geen geldig e-mailadres. Een e-mailadres ziet er zo uit: "
                "naam@voorbeeld.nl."
            )
        },
    )
    street = forms.CharField(
        label=_("Straat"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    house_number = HouseNumberField(
        label=_("Huisnummer"),
        required=False,
        help_text=_("Met toevoeging, bijvoorbeeld 12 A"),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=12,
        help_text=_("Bijvoorbeeld 2903 AB"),
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "spellcheck": "false"}
        ),
        error_messages={"required": _("Vul uw postcode in.")},
    )
    contact_preference = forms.ChoiceField(
        label=_("Hoe wilt u dat we contact met u opnemen?"),
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe we contact met u opnemen.")},
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "Vink dit vakje aan als u akkoord bent. Zonder uw toestemming "
                "mogen we uw gegevens niet gebruiken."
            )
        },
    )

    data_fields = (
        "name",
        "phone",
        "email",
        "street",
        "house_number",
        "postcode",
        "contact_preference",
    )

    def __init__(self, *args, wop=None, contact=None, privacy_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.page_wop = wop
        self.contact = contact
        self.privacy_url = privacy_url
        self.wop = None
        self.fields["consent"].label = self._consent_label(html=True)

    @staticmethod
    def initial_for(user) -> dict:
        """What we already know of a logged-in member, to fill in for them."""
        if not user.is_authenticated:
            return {}
        return {
            "name": user.get_full_name(),
            "email": user.email,
            "phone": profile_for(user).phone,
        }

    def contact_fields(self) -> list:
        """Phone and e-mail, shown together: one of them is enough."""
        return [self["phone"], self["email"]]

    def consent_purpose(self) -> str:
        """The sentence the resident agrees to, without the privacy link."""
        raise NotImplementedError

    def consent_text(self) -> str:
        """The consent checkbox's label exactly as shown, as plain text."""
        return self._consent_label(html=False)

    def _consent_label(self, *, html: bool):
        more = _("Meer hierover staat in de %(privacy_statement)s.")
        link_text = _("privacyverklaring")
        if not html:
            return f"{self.consent_purpose()} " + more % {
                "privacy_statement": link_text
            }
        link = (
            format_html('<a href="{}">{}</a>', self.privacy_url, link_text)
            if self.privacy_url
            else conditional_escape(link_text)
        )
        return format_html(
            "{} {}",
            self.consent_purpose(),
            # Both parts are escaped; only the link is markup.
            mark_safe(conditional_escape(more) % {"privacy_statement": link}),
        )

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean(self):
        cleaned_data = super().clean()
        if "postcode" in cleaned_data:
            self.wop = self.page_wop or wop_for_postcode(
                postcode=cleaned_data["postcode"]
            )
            if self.wop is None:
                self.add_error("postcode", self._no_wop_message(cleaned_data))
        return cleaned_data

    def clean_reachable(self, cleaned_data):
        """The one rule, and what the chosen way of contact needs. Every
        problem at once, so one correction is enough."""
        preference = cleaned_data.get("contact_preference")
        for name, message in ADDRESS_NEEDED.get(preference, {}).items():
            if not cleaned_data.get(name, "").strip():
                self.add_error(name, message)
        super().clean_reachable(cleaned_data)
        phone, email = cleaned_data.get("phone"), cleaned_data.get("email")
        if phone is None or email is None or not (phone or email):
            return  # already an error, or contact details are optional
        if preference == ContactPreference.PHONE and not phone:
            self.add_error(
                "phone", _("Vul uw telefoonnummer in, dan kunnen we u bellen.")
            )
        elif preference == ContactPreference.EMAIL and not email:
            self.add_error("email", _("Vul uw e-mailadres in, dan kunnen we u mailen."))

    def _no_wop_message(self, cleaned_data) -> str:
        message = _("We zijn nog niet actief in uw buurt (postcode %(postcode)s).") % {
            "postcode": format_postcode(cleaned_data["postcode"])
        }
        contact = self.contact
        if contact is not None and contact.phone:
            more = _("Bel gerust met %(name)s: %(phone)s.") % {
                "name": contact.name,
                "phone": contact.phone,
            }
        elif contact is not None and contact.email:
            more = _("Mail gerust naar %(name)s: %(email)s.") % {
                "name": contact.name,
                "email": contact.email,
            }
        else:
            more = _(
                "Bel of mail ons gerust, dan kijken we samen wat er kan. Hoe u "
                "ons bereikt, staat onderaan deze pagina."
            )
        return f"{message} {more}"

    def submission_data(self) -> dict:
        """The cleaned values for the submission model's own fields."""
        return {name: self.cleaned_data[name] for name in self.data_fields}

    def unchecked_copy(self):
        """This form unbound, showing what was typed but no errors.

        For a post the guard refused: nothing was checked or stored, and the
        resident should not have to type it all again. The honeypot is left
        empty.
        """
        typed = {
            name: field.widget.value_from_datadict(
                self.data, self.files, self.add_prefix(name)
            )
            for name, field in self.fields.items()
            if name != HONEYPOT_FIELD
        }
        return type(self)(initial=typed, prefix=self.prefix, **self.init_kwargs())

    def init_kwargs(self) -> dict:
        """The keyword arguments this form was made with, to make it again.
        Subclasses with arguments of their own add them."""
        return {
            "wop": self.page_wop,
            "contact": self.contact,
            "privacy_url": self.privacy_url,
        }


class WithdrawForm(HoneypotFormMixin):
    """The one button that withdraws a submission, guarded like every public
    form."""
