from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Activiteiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events import figures, kind, signals

        signals.connect()
        kind.register_kind()
        # Figures for the municipality (RSVPs, attendance).
        figures.register_measures()
