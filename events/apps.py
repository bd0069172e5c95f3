from django.apps import AppConfig
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Activiteiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events import figures, signals
        from events.models import EventRSVP
        from events.services import rsvp_cancel
        from neighbourhood.submissions import registry

        signals.connect()
        registry.register(
            EventRSVP,
            describe=_describe_rsvp,
            withdraw=rsvp_cancel,
            ended_before=_rsvps_ended_before,
        )
        # Figures for the municipality (RSVPs, attendance).
        figures.register_measures()


def _describe_rsvp(rsvp) -> str:
    """ "de activiteit ‘Koffieochtend’ op vrijdag 5 december 2025 om 10.00 uur"."""
    starts_at = timezone.localtime(rsvp.occurrence.starts_at)
    return _("de activiteit ‘%(event)s’ op %(day)s om %(time)s uur") % {
        "event": rsvp.occurrence.event.title,
        "day": formats.date_format(starts_at, "l j F Y"),
        "time": formats.time_format(starts_at, "H.i"),
    }


def _rsvps_ended_before(queryset, moment):
    """An RSVP ends at its activity's date (the waiting list too), or when
    it was cancelled (retention)."""
    from events.models import RSVPStatus

    return queryset.filter(
        Q(occurrence__ends_at__lt=moment)
        | Q(status=RSVPStatus.CANCELLED, updated_at__lt=moment)
    )
