from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Activiteiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events import signals
        from events.models import EventRSVP
        from events.services import rsvp_cancel
        from neighbourhood import submissions

        signals.connect()
        submissions.register(EventRSVP, describe=_describe_rsvp, withdraw=rsvp_cancel)


def _describe_rsvp(rsvp) -> str:
    return _("de aanmelding voor ‘%(occurrence)s’") % {"occurrence": rsvp.occurrence}
