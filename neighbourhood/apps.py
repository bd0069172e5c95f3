from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourhoodConfig(AppConfig):
    name = "neighbourhood"
    verbose_name = _("Wijken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from neighbourhood.scoping.choosers import (
            image_chooser_select_format_restrict,
        )
        from neighbourhood.wops import signals

        signals.connect()
        # Wagtail has no hook for this view of its image chooser; see there.
        image_chooser_select_format_restrict()
