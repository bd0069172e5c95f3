from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.models import SiteSettings
        from neighbourhood import page_cache

        # The site's settings are shown on every page.
        page_cache.clear_on_change(SiteSettings)
