"""The RSVP as a kind of submission (``neighbourhood.submissions.registry``),
registered in ``EventsConfig.ready()``: what it was for, how withdrawing
frees its place, and when it ended."""

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventRSVP, RSVPStatus
from events.services import rsvp_cancel
from neighbourhood.submissions import registry


def rsvp_describe(rsvp) -> str:
    """ "de activiteit ‘Koffieochtend’ op vrijdag 5 december 2025 om 10.00 uur"."""
    starts_at = timezone.localtime(rsvp.occurrence.starts_at)
    return _("de activiteit ‘%(event)s’ op %(day)s om %(time)s uur") % {
        "event": rsvp.occurrence.event.title,
        "day": formats.date_format(starts_at, "l j F Y"),
        "time": formats.time_format(starts_at, "H.i"),
    }


def rsvps_ended_before(queryset, moment):
    """An RSVP ends at its activity's date (the waiting list too), or when
    it was cancelled (retention)."""
    return queryset.filter(
        Q(occurrence__ends_at__lt=moment)
        | Q(status=RSVPStatus.CANCELLED, updated_at__lt=moment)
    )


def register_kind() -> None:
    registry.register(
        EventRSVP,
        describe=rsvp_describe,
        withdraw=rsvp_cancel,
        ended_before=rsvps_ended_before,
    )
