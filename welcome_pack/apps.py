from django.apps import AppConfig


class WelcomePackConfig(AppConfig):
    name = "welcome_pack"
    default_auto_field = "django.db.models.BigAutoField"
