"""The action request forms as a volunteer enters them on a resident's behalf
(the admin's "Aanvraag invoeren namens bewoner"): the same fields and checks
as the public forms, consent given verbally or on paper."""

from django.utils.translation import gettext_lazy as _

from neighbourhood.actions.forms import (
    CardRequestForm,
    TreatRequestForm,
    WaveTileRequestForm,
)
from neighbourhood.models import ActionKind, Delivery
from neighbourhood.models.actions import MESSAGE_MAX_LENGTH
from neighbourhood.scoping.views import WopOwnedAdminForm
from neighbourhood.submissions.on_behalf_forms import AssistedPublicFormMixin
from neighbourhood.wops.house_numbers import normalise_house_number

ASSISTED_RECIPIENT_LABELS = {
    "recipient_street": _("Straat van de buur"),
    "recipient_house_number": _("Huisnummer van de buur"),
    "recipient_postcode": _("Postcode van de buur"),
}


class ActionRequestAdminForm(WopOwnedAdminForm):
    """A request as a volunteer corrects it: the neighbour's house number
    is checked and written as everywhere else."""

    def clean_recipient_house_number(self):
        house_number = self.cleaned_data["recipient_house_number"]
        return normalise_house_number(house_number) if house_number.strip() else ""


class AssistedRecipientMixin(AssistedPublicFormMixin):
    """The neighbour's address, labelled as such: on the admin form it is
    not under a heading of its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in ASSISTED_RECIPIENT_LABELS.items():
            self.fields[name].label = label


class AssistedCardRequestForm(AssistedRecipientMixin, CardRequestForm):
    """A card a volunteer enters for a resident. Always delivered by a
    volunteer: printing it yourself happens from the public thanks page,
    which a resident on the phone never sees. The card may be anonymous, but
    the WOP still knows who sent it: name and a phone number or e-mail
    address are required."""

    delivery = None
    reach_message = _(
        "Vul een telefoonnummer of een e-mailadres van de bewoner in. Ook bij "
        "een anonieme kaart moet de wijk weten wie de kaart stuurde."
    )

    data_fields = tuple(
        name for name in CardRequestForm.data_fields if name != "delivery"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.fields["name"]
        name.required = True
        name.help_text = _(
            "Ook bij een anonieme kaart: de wijk weet dan wie de kaart stuurde."
        )
        self.fields["anonymous"].label = _(
            "Anoniem versturen: de naam van de bewoner komt niet op de kaart"
        )
        self.fields["message"].help_text = _("Maximaal %(count)s tekens.") % {
            "count": MESSAGE_MAX_LENGTH
        }

    def recipient_needed(self) -> bool:
        return True

    def submission_data(self) -> dict:
        return {**super().submission_data(), "delivery": Delivery.VOLUNTEER}


class AssistedTreatRequestForm(AssistedRecipientMixin, TreatRequestForm):
    """A treat a volunteer enters for a resident."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient_street"].help_text = _(
            "Niet nodig als de traktatie is om samen met een buur te delen."
        )


class AssistedWaveTileRequestForm(AssistedPublicFormMixin, WaveTileRequestForm):
    """A wave tile a volunteer enters for a resident, at the resident's own
    address."""


ASSISTED_FORMS = {
    ActionKind.CARD: AssistedCardRequestForm,
    ActionKind.TREAT: AssistedTreatRequestForm,
    ActionKind.WAVE_TILE: AssistedWaveTileRequestForm,
}
