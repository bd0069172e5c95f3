"""The forms of the one "register on behalf of a resident" flow: a volunteer
enters a submission for a resident who phones, hands in paper or is met at
the door.

``AssistedFormMixin`` is put before every kind's form (a buddy sign-up, an
RSVP, a card, treat or wave tile, a welcome-pack claim): how the resident
gave consent, that they did, the consent text to read out, and the WOP the
submission belongs to, which must be one of the volunteer's.
``AssistedPublicFormMixin`` turns a public submission form into one a
volunteer fills in: its fields, checks and consent words stay those of the
public form, so a request means the same however it came in.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import ConsentMethod
from neighbourhood.scoping.permissions import wop_ids_for_user
from neighbourhood.submissions.guard import HONEYPOT_FIELD
from neighbourhood.wops.postcodes import format_postcode
from neighbourhood.wops.selectors import wop_for_postcode


class AssistedFormMixin(forms.Form):
    """Consent given verbally or on paper, read out to the resident; after
    validation ``self.wop`` is the WOP the submission belongs to, one of the
    volunteer's (``for_user``).

    The WOP is that of what was chosen (``chosen_wop()``: the page's, the
    project's, the date's); for something city-wide, that of the resident's
    postcode. A kind's form says which field holds its choice
    (``wop_field``, None when the page was chosen before) and what the
    resident agrees to: ``consent_purpose()`` is read out,
    ``consent_text()`` recorded.
    """

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

    # The language of every e-mail to the resident, from the confirmation on.
    email_language = forms.ChoiceField(
        label=_("Taal voor e-mails aan de bewoner"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
    )

    wop_field = None
    # Shown when what was chosen belongs to a WOP the volunteer does not work in.
    foreign_wop_message = _("Dit hoort bij een wijk waar u niet in werkt.")
    # Shown when a city-wide submission comes without a postcode.
    city_wide_postcode_message = _(
        "Dit is voor de hele stad. Vul de postcode in: daaraan zien we bij "
        "welke wijk de aanmelding hoort."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wop = None
        self.consent_read_out()
        if len(settings.LANGUAGES) < 2:
            del self.fields["email_language"]

    def consent_read_out(self) -> None:
        """Put the words to read out to the resident beside the consent box."""
        self.fields["consent_given"].help_text = _(
            "Lees de bewoner voor: “%(text)s”"
        ) % {"text": self.consent_purpose()}

    def chosen_wop(self, cleaned_data):
        """The WOP of what was chosen; None if that is city-wide."""
        return self.page_wop

    def clean(self):
        cleaned_data = super().clean()
        if self.wop_field is None or self.wop_field in cleaned_data:
            self.wop = self.volunteer_wop(cleaned_data)
        return cleaned_data

    def volunteer_wop(self, cleaned_data):
        """The WOP of what was chosen, or of the postcode for something
        city-wide, if it is one of the volunteer's; else None with an
        error."""
        wop = self.chosen_wop(cleaned_data)
        if wop is None:
            return self.wop_from_postcode(cleaned_data)
        if wop.pk not in wop_ids_for_user(self.for_user):
            self.add_error(self.wop_field, self.foreign_wop_message)
            return None
        return wop

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


class AssistedPublicFormMixin(AssistedFormMixin):
    """Put before a ``SubmissionForm`` subclass: ``for_user`` is the
    volunteer; the page was chosen before, in the volunteer's WOPs. The
    online consent box and the honeypot give way to how the resident gave
    consent; ``consent_text()`` stays the public form's."""

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


class AssistedPageChoiceForm(forms.Form):
    """Step one where the page is chosen first: which page (which action,
    which WOP's welcome pack) the resident's request is for. Sent with GET,
    so step two is ``?page=<id>``."""

    page = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies er een.")},
    )

    def __init__(self, *args, pages, label, page_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].label = label
        self.fields["page"].choices = [(page.pk, page_label(page)) for page in pages]
