"""Admin forms for buddy projects: editing a sign-up, entering one on behalf of
a resident, and recording how a match is going.

The forms validate; the views hand their data to the services.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from neighbourhood.forms import REACH_MESSAGE, buddy_consent_purpose
from neighbourhood.models import (
    AVAILABILITY_CHOICES,
    BuddyMatch,
    BuddySignup,
    ConsentMethod,
    FollowUpOutcome,
    Interest,
    Language,
)
from neighbourhood.scoping.permissions import wop_ids_for_user
from neighbourhood.scoping.views import WopOwnedAdminForm
from neighbourhood.selectors import buddy_projects_for_user
from neighbourhood.services import buddy_signup_duplicate
from neighbourhood.submissions.phones import validate_phone
from neighbourhood.wops.postcodes import format_postcode, normalise_postcode
from neighbourhood.wops.selectors import wop_for_postcode

# What a resident tells us when signing up: contact details and answers.
SIGNUP_FIELDS = list(BuddySignup.signup_fields)


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


class BuddySignupAdminForm(ContactFieldsMixin, WopOwnedAdminForm):
    """What a volunteer may change on a sign-up: contact details and answers.

    The token, the consent record and who entered it are never form fields.
    """

    interests = forms.MultipleChoiceField(
        label=_("Interesses"),
        choices=Interest.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.MultipleChoiceField(
        label=_("Beschikbaar"),
        choices=AVAILABILITY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Talen"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Longer than the stored six characters: typed as "2903 ab".
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=12,
        required=False,
        help_text=_("Bijvoorbeeld 2903 AB"),
    )

    class Meta:
        model = BuddySignup
        fields = ["status", *SIGNUP_FIELDS]

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        return normalise_postcode(postcode) if postcode.strip() else ""


class AssistedBuddySignupForm(AssistedRegistrationMixin, BuddySignupAdminForm):
    """A volunteer enters a sign-up for a resident (phone, paper, doorstep).

    Offers only open projects in the user's WOPs and city-wide ones. After
    validation ``self.wop`` is the WOP the sign-up belongs to: the project's,
    or for a city-wide project the one of the resident's postcode, which must
    be one of the user's.
    """

    city_wide_postcode_message = _(
        "Dit project is voor de hele stad. Vul de postcode in: daaraan zien we "
        "bij welke wijk de aanmelding hoort."
    )

    class Meta(BuddySignupAdminForm.Meta):
        fields = ["project", *SIGNUP_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wop = None
        project = self.fields["project"]
        project.queryset = buddy_projects_for_user(user=self.for_user)
        project.label_from_instance = _project_label
        self.fields["project"].required = True
        self.read_out_consent(buddy_consent_purpose(_("…")))

    def clean(self):
        cleaned_data = super().clean()
        project = cleaned_data.get("project")
        if project is None:
            return cleaned_data
        self.wop = project.wop
        if self.wop is None:
            self.wop = self.wop_from_postcode(cleaned_data)
        elif self.wop.pk not in wop_ids_for_user(self.for_user):
            self.add_error(
                "project", _("Dit project hoort bij een wijk waar u niet in werkt.")
            )
        duplicate = buddy_signup_duplicate(
            project=project,
            email=cleaned_data.get("email", ""),
            phone=cleaned_data.get("phone", ""),
        )
        if duplicate is not None:
            self.add_error(
                None,
                _(
                    "Deze bewoner is vandaag al aangemeld voor dit project "
                    "(zelfde e-mailadres of telefoonnummer)."
                ),
            )
        return cleaned_data

    def signup_data(self) -> dict:
        """The sign-up's own fields, for ``buddy_signup_create``."""
        return {name: self.cleaned_data[name] for name in SIGNUP_FIELDS}

    def consent_text(self) -> str:
        return buddy_consent_purpose(self.cleaned_data["project"].title)


def _project_label(project) -> str:
    wop = project.wop
    return f"{project.title} ({wop.title if wop else _('hele stad')})"


class MatchFollowUpForm(WopOwnedAdminForm):
    """Navragen: how is the match going, and when to ask again."""

    next_follow_up_on = forms.DateField(
        label=_("Volgende keer navragen op"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Leeg laten: over zes weken. Niet nodig als het gestopt is."),
    )

    class Meta:
        model = BuddyMatch
        fields = ["follow_up_outcome", "follow_up_note"]
        widgets = {"follow_up_outcome": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each follow-up is a new answer; the previous one is in the history.
        self.initial.update(follow_up_outcome=None, follow_up_note="")
        outcome = self.fields["follow_up_outcome"]
        outcome.required = True
        outcome.choices = FollowUpOutcome.choices

    def clean_next_follow_up_on(self):
        value = self.cleaned_data["next_follow_up_on"]
        if value is not None and value <= timezone.localdate():
            raise forms.ValidationError(_("Kies een datum na vandaag."))
        return value
