from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourhoodConfig(AppConfig):
    name = "neighbourhood"
    verbose_name = _("Wijken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from neighbourhood import checks  # noqa: F401 (registers the checks)
        from neighbourhood.actions import figures as action_figures
        from neighbourhood.actions import kind as action_kind
        from neighbourhood.buddies import figures as buddy_figures
        from neighbourhood.buddies import kind as buddy_kind
        from neighbourhood.scoping.choosers import (
            image_chooser_select_format_restrict,
        )
        from neighbourhood.wops import signals

        signals.connect()
        # The rooms' kinds of submission and their figures for the municipality.
        buddy_kind.register_kind()
        action_kind.register_kind()
        buddy_figures.register_measures()
        action_figures.register_measures()
        # Wagtail has no hook for this view of its image chooser; see there.
        image_chooser_select_format_restrict()
