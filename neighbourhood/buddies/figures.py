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


def buddy_matches_running(**range_) -> registry.Counts:
    return registry.monthly_levels(
        BuddyMatch.objects.all(),
        start_field="started_on",
        end_field="ended_on",
        **range_,
    )


def buddy_matches_ended(**range_) -> registry.Counts:
    return registry.monthly_counts(
        BuddyMatch.objects.all(), date_field="ended_on", **range_
    )


def register_measures() -> None:
    registry.register(
        key="buddy_signups",
        label=_("Aanmeldingen"),
        group=BUDDIES,
        count=buddy_signups,
        order=100,
        definition=_(
            "Mensen die zich in die maand aanmeldden om een maatje te vinden of "
            "om maatje te zijn, ook als zij zich later weer afmeldden."
        ),
    )
    registry.register(
        key="buddy_matches",
        label=_("Koppelingen gemaakt"),
        group=BUDDIES,
        count=buddy_matches,
        order=110,
        definition=_(
            "Koppelingen van een maatje aan iemand die een maatje zocht, in de "
            "maand waarin ze begonnen."
        ),
    )
    registry.register(
        key="buddy_matches_running",
        label=_("Koppelingen actief"),
        group=BUDDIES,
        count=buddy_matches_running,
        order=120,
        level=True,
        definition=_(
            "Koppelingen die aan het eind van de maand nog liepen (deze maand: "
            "vandaag). Het totaal is het aantal aan het eind van de periode."
        ),
    )
    registry.register(
        key="buddy_matches_ended",
        label=_("Koppelingen gestopt"),
        group=BUDDIES,
        count=buddy_matches_ended,
        order=130,
        definition=_("Koppelingen die in die maand stopten."),
    )
