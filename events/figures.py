"""The activities' measures in the figures for the municipality
(``neighbourhood.figures.registry``), registered in ``EventsConfig.ready()``.

Counted by the date of the activity, in people (an RSVP may bring others).
RSVPs count for their own WOP, so a city-wide activity's people count where
they live; walk-ins count for the activity's WOP (a city-wide activity takes
none). A withdrawal after the date leaves the RSVP's status as it was (see
``rsvp_cancel``), so erasing someone never changes these numbers.
"""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from events.models import EventOccurrence, EventRSVP, RSVPStatus
from neighbourhood.figures import registry

ACTIVITIES = _("Activiteiten")


def _rsvps():
    """RSVPs for dates that were not called off."""
    return EventRSVP.objects.filter(occurrence__is_cancelled=False)


def rsvps_confirmed(**range_) -> registry.Counts:
    """People signed up with a place (not the waiting list, not cancelled)."""
    return registry.monthly_counts(
        _rsvps().filter(status=RSVPStatus.CONFIRMED),
        date_field="occurrence__date",
        value=Sum("people"),
        **range_,
    )


def rsvps_attended(**range_) -> registry.Counts:
    """People signed up who were marked as having come."""
    return registry.monthly_counts(
        _rsvps().filter(attended=True),
        date_field="occurrence__date",
        value=Sum("people"),
        **range_,
    )


def walk_ins(**range_) -> registry.Counts:
    return registry.monthly_counts(
        EventOccurrence.objects.filter(is_cancelled=False),
        date_field="date",
        value=Sum("walk_ins"),
        **range_,
    )


def attendance(**range_) -> registry.Counts:
    """Everyone who came: signed up and marked, plus walk-ins (two queries)."""
    total = rsvps_attended(**range_)
    for key, count in walk_ins(**range_).items():
        total[key] = total.get(key, 0) + count
    return total


def register_measures() -> None:
    registry.register(
        key="event_rsvps",
        label=_("Aangemeld (personen)"),
        group=ACTIVITIES,
        count=rsvps_confirmed,
        order=300,
        definition=_(
            "Mensen met een plaats bij een activiteit in die maand (niet de "
            "wachtlijst, niet afgemeld), geteld met wie zij meenamen."
        ),
    )
    registry.register(
        key="event_attended",
        label=_("Aanwezig met aanmelding"),
        group=ACTIVITIES,
        count=rsvps_attended,
        order=310,
        definition=_(
            "Mensen met een aanmelding die volgens de vrijwilligers ook kwamen."
        ),
    )
    registry.register(
        key="event_walk_ins",
        label=_("Zonder aanmelding gekomen"),
        group=ACTIVITIES,
        count=walk_ins,
        order=320,
        definition=_(
            "Mensen die zonder aanmelding binnenliepen, zoals de vrijwilligers "
            "ze telden."
        ),
    )
    registry.register(
        key="event_attendance",
        label=_("Aanwezig in totaal"),
        group=ACTIVITIES,
        count=attendance,
        order=330,
        definition=_(
            "Iedereen die kwam: met aanmelding en zonder. Een activiteit die "
            "niet doorging telt niet mee."
        ),
    )
