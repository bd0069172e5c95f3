"""The buddy projects' measures in the figures for the municipality
(``neighbourhood.figures.registry``), registered in
``NeighbourhoodConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from neighbourhood.figures import registry
from neighbourhood.models import BuddyMatch, BuddySignup

BUDDIES = _("Maatjesprojecten")


def buddy_signups(**range_) -> registry.Counts:
    # Withdrawn sign-ups too: they happened.
    return registry.monthly_counts(
        BuddySignup.objects.all(), date_field="created_at", **range_
    )


def buddy_matches(**range_) -> registry.Counts:
    return registry.monthly_counts(
        BuddyMatch.objects.all(), date_field="started_on", **range_
    )


def register_measures() -> None:
    registry.register(
        key="buddy_signups",
        label=_("Aanmeldingen"),
        group=BUDDIES,
        count=buddy_signups,
        order=100,
    )
    registry.register(
        key="buddy_matches",
        label=_("Koppelingen gemaakt"),
        group=BUDDIES,
        count=buddy_matches,
        order=110,
    )
