"""The welcome packs' measures in the figures for the municipality
(``neighbourhood.figures.registry``), registered in ``WelcomePackConfig.ready()``.

A withdrawn claim still counts as claimed, and a delivered pack as delivered
(by its delivery date, which withdrawal keeps): erasure changes no figure.
"""

from django.utils.translation import gettext_lazy as _

from neighbourhood.figures import registry
from welcome_pack.models import WelcomePackClaim

WELCOME_PACKS = _("Welkomstpakketten")


def claims_made(**range_) -> registry.Counts:
    return registry.monthly_counts(
        WelcomePackClaim.objects.all(), date_field="created_at", **range_
    )


def packs_delivered(**range_) -> registry.Counts:
    return registry.monthly_counts(
        WelcomePackClaim.objects.all(), date_field="delivered_on", **range_
    )


def register_measures() -> None:
    registry.register(
        key="welcome_packs_claimed",
        label=_("Aangevraagd"),
        group=WELCOME_PACKS,
        count=claims_made,
        order=400,
        definition=_(
            "Aanvragen voor een welkomstpakket in die maand, ook als de "
            "aanvraag later werd ingetrokken."
        ),
    )
    registry.register(
        key="welcome_packs_delivered",
        label=_("Bezorgd"),
        group=WELCOME_PACKS,
        count=packs_delivered,
        order=410,
        definition=_("Welkomstpakketten die in die maand werden bezorgd."),
    )
