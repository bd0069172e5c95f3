"""Forms for buddy projects: the public sign-up, and in the admin editing a
sign-up, entering one on behalf of a resident, and recording how a match is
going.

The forms validate; the views hand their data to the services.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from neighbourhood.buddies.selectors import buddy_projects_for_user
from neighbourhood.buddies.services import buddy_signup_duplicate
from neighbourhood.models import (
    BuddyMatch,
    BuddyRole,
    BuddySignup,
    FollowUpOutcome,
    Language,
)
from neighbourhood.models.buddies import DAY_PARTS, WEEKDAYS
from neighbourhood.scoping.views import WopOwnedAdminForm
from neighbourhood.submissions.forms import ReachableFormMixin, SubmissionForm
from neighbourhood.submissions.on_behalf_forms import AssistedFormMixin
from neighbourhood.wops.house_numbers import normalise_house_number
from neighbourhood.wops.postcodes import normalise_postcode
from neighbourhood.wops.selectors import wop_for_postcode


def buddy_consent_purpose(project_title: str | None) -> str:
    """What a resident agrees to when signing up for a buddy project: the same
    words online and when a volunteer reads them out, so every record means
    the same. Without ``project_title`` (no project chosen yet), words that are
    true of whichever project will be chosen."""
    if project_title is None:
        return _(
            "Ik geef toestemming dat de vrijwilligers en coördinatoren van het "
            "maatjesproject waarvoor ik mij aanmeld mijn gegevens gebruiken om "
            "contact met mij op te nemen en mij te koppelen aan een maatje. Ik "
            "weet dat ik mijn aanmelding altijd kan intrekken."
        )
    return _(
        "Ik geef toestemming dat de vrijwilligers en coördinatoren van het "
        "maatjesproject ‘%(project)s’ mijn gegevens gebruiken om contact met "
        "mij op te nemen en mij te koppelen aan een maatje. Ik weet dat ik mijn "
        "aanmelding altijd kan intrekken."
    ) % {"project": project_title}


def _signup_field(name: str):
    """A sign-up's list field: its form field has the choices and checkboxes."""
    return BuddySignup._meta.get_field(name)


ROLE_CHOICES = [
    (BuddyRole.SEEKER, _("Ik zoek een maatje")),
    (BuddyRole.BUDDY, _("Ik wil graag maatje zijn")),
]


class BuddySignupForm(SubmissionForm):
    """Sign up for a buddy project: to find a buddy, or to be one."""

    role = forms.ChoiceField(
        label=_("Wat wilt u?"),
        choices=ROLE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies of u een maatje zoekt of graag maatje wilt zijn.")
        },
    )
    interests = _signup_field("interests").formfield(
        label=_("Wat vindt u leuk om samen te doen?"),
        help_text=_("Kies zoveel als u wilt."),
    )
    interests_other = forms.CharField(
        label=_("Iets anders, namelijk"), max_length=200, required=False
    )
    availability = _signup_field("availability").formfield(
        label=_("Wanneer kunt u meestal?"),
        help_text=_("Vink per dag aan wanneer het u meestal goed uitkomt."),
    )
    languages = _signup_field("languages").formfield(label=_("Welke talen spreekt u?"))
    languages_other = forms.CharField(
        label=_("Een andere taal, namelijk"), max_length=100, required=False
    )
    meeting_needs = forms.CharField(
        label=_("Waar moeten we rekening mee houden als u afspreekt?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bijvoorbeeld: ik loop met een rollator, of ik heb een rustige plek nodig."
        ),
    )
    message = forms.CharField(
        label=_("Wilt u ons nog iets vertellen?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    field_order = [*BuddySignup.signup_fields, "consent"]
    data_fields = SubmissionForm.data_fields + (
        "role",
        "interests",
        "interests_other",
        "availability",
        "languages",
        "languages_other",
        "meeting_needs",
        "message",
    )

    def __init__(self, *args, project, **kwargs):
        self.project = project
        super().__init__(*args, **kwargs)

    def init_kwargs(self) -> dict:
        return {**super().init_kwargs(), "project": self.project}

    def consent_purpose(self) -> str:
        return buddy_consent_purpose(self.project.title)

    def clean(self):
        cleaned_data = super().clean()
        postcode = cleaned_data.get("postcode")
        if self.page_wop is not None and postcode:
            # A WOP's own project takes neighbours from other WOPs too, but
            # not an address no WOP covers: say whom to call instead.
            if wop_for_postcode(postcode=postcode) is None:
                self.add_error("postcode", self._no_wop_message(cleaned_data))
        # Someone who names another language speaks "another language".
        languages = cleaned_data.get("languages")
        if cleaned_data.get("languages_other", "").strip() and languages is not None:
            if Language.OTHER not in languages:
                languages.append(Language.OTHER)
        return cleaned_data

    def availability_rows(self) -> list[dict]:
        """The availability checkboxes as a week: one row per weekday, one
        cell (a checkbox) per part of the day."""
        checkboxes = {
            widget.data["value"]: widget for widget in self["availability"].subwidgets
        }
        return [
            {
                "day": day_label,
                "cells": [checkboxes[f"{day}_{part}"] for part, _label in DAY_PARTS],
            }
            for day, day_label in WEEKDAYS
        ]

    @staticmethod
    def availability_columns() -> list[str]:
        return [label for _part, label in DAY_PARTS]


# What a resident tells us when signing up: contact details and answers.
SIGNUP_FIELDS = list(BuddySignup.signup_fields)


class BuddySignupAdminForm(ReachableFormMixin, WopOwnedAdminForm):
    """What a volunteer may change on a sign-up: contact details and answers.

    The token, the consent record and who entered it are never form fields.
    """

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
        # The model's "ik" is the resident's own word on the public form.
        labels = {"role": _("Wat wil de bewoner?")}

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        return normalise_postcode(postcode) if postcode.strip() else ""

    def clean_house_number(self):
        house_number = self.cleaned_data["house_number"]
        return normalise_house_number(house_number) if house_number.strip() else ""


class AssistedBuddySignupForm(AssistedFormMixin, BuddySignupAdminForm):
    """A volunteer enters a sign-up for a resident (phone, paper, doorstep).

    Offers only open projects in the user's WOPs and city-wide ones; the
    sign-up belongs to the project's WOP, or for a city-wide project to the
    one of the resident's postcode.
    """

    wop_field = "project"
    foreign_wop_message = _("Dit project hoort bij een wijk waar u niet in werkt.")
    city_wide_postcode_message = _(
        "Dit project is voor de hele stad. Vul de postcode in: daaraan zien we "
        "bij welke wijk de aanmelding hoort."
    )

    class Meta(BuddySignupAdminForm.Meta):
        fields = ["project", *SIGNUP_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        project = self.fields["project"]
        project.queryset = buddy_projects_for_user(user=self.for_user)
        project.label_from_instance = _project_label
        self.fields["project"].required = True
        if not self.is_bound and "project" not in self.initial:
            only = list(project.queryset[:2])
            if len(only) == 1:
                self.initial["project"] = only[0].pk
        # Now that the projects on offer are known, the text to read out can
        # name the chosen one.
        self.consent_read_out()

    def chosen_project(self):
        """The project chosen so far: the one posted, else the one the form
        starts with (``?project=``, or the only one on offer); None before
        a project is chosen or for one not on offer."""
        field = self.fields.get("project")
        if field is None or not hasattr(field, "queryset"):
            return None  # AssistedFormMixin asks before the field is set up
        if self.is_bound:
            value = self.data.get(self.add_prefix("project"))
        else:
            value = self.initial.get("project")
        value = getattr(value, "pk", value)
        if not str(value or "").isdigit():
            return None
        return field.queryset.filter(pk=value).first()

    def consent_purpose(self) -> str:
        project = self.chosen_project()
        return buddy_consent_purpose(project.title if project else None)

    def consent_text(self) -> str:
        return buddy_consent_purpose(self.cleaned_data["project"].title)

    def chosen_wop(self, cleaned_data):
        return cleaned_data["project"].wop

    def clean(self):
        cleaned_data = super().clean()
        project = cleaned_data.get("project")
        if project is None:
            return cleaned_data
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
