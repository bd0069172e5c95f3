"""Iemand uitnodigen: the form coordinators invite someone to their WOPs
with."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from neighbourhood.models import WopRole


class VolunteerInviteForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        error_messages={
            "required": gettext_lazy("Vul het e-mailadres in."),
            "invalid": gettext_lazy(
                "Dit is geen geldig e-mailadres. Een e-mailadres ziet eruit als "
                "naam@voorbeeld.nl."
            ),
        },
    )
    name = forms.CharField(
        label=gettext_lazy("Naam"),
        max_length=150,
        error_messages={"required": gettext_lazy("Vul de naam in.")},
    )
    wops = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Wijken"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Kies minstens één wijk."),
            "invalid_choice": gettext_lazy("Kies alleen wijken uit de lijst."),
            "invalid_pk_value": gettext_lazy("Kies alleen wijken uit de lijst."),
        },
    )
    may_publish = forms.BooleanField(
        label=gettext_lazy("Mag zelf publiceren"),
        required=False,
        help_text=gettext_lazy(
            "Pagina's van de wijk gaan dan direct online, zonder dat een "
            "coördinator ze eerst bekijkt. Alleen voor vrijwilligers die u goed kent."
        ),
    )

    role = forms.ChoiceField(
        label=gettext_lazy("Rol"),
        choices=[
            (WopRole.VOLUNTEERS, gettext_lazy("Vrijwilliger")),
            (WopRole.COORDINATORS, gettext_lazy("Coördinator van deze wijk(en)")),
        ],
        initial=WopRole.VOLUNTEERS,
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Een coördinator van een wijk bekijkt en publiceert de pagina's van "
            "die wijk en krijgt de verzoeken om controle. Daarvoor is "
            "‘Mag zelf publiceren’ niet nodig."
        ),
        error_messages={"invalid_choice": gettext_lazy("Kies een rol uit de lijst.")},
    )

    def __init__(self, *args, wops, may_appoint_coordinators=False, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the coordinator's own WOPs are offered, and only they validate.
        self.fields["wops"].queryset = wops.order_by("title")
        self.may_appoint_coordinators = may_appoint_coordinators

    def clean_role(self):
        role = self.cleaned_data.get("role") or WopRole.VOLUNTEERS
        if role == WopRole.COORDINATORS and not self.may_appoint_coordinators:
            raise forms.ValidationError(
                _(
                    "U kunt iemand alleen als vrijwilliger uitnodigen. Alleen "
                    "coördinatoren van de hele stad maken iemand coördinator "
                    "van een wijk."
                )
            )
        return role
