from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelcomePackConfig(AppConfig):
    name = "welcome_pack"
    verbose_name = _("Welkomstpakket")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from neighbourhood import page_cache
        from welcome_pack import figures, kind
        from welcome_pack.models import Present

        kind.register_kind()
        # Figures for the municipality (packs claimed and delivered).
        figures.register_measures()
        # Presents are shown on the pack's page.
        page_cache.clear_on_change(Present)
