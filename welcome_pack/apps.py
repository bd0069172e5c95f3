from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelcomePackConfig(AppConfig):
    name = "welcome_pack"
    verbose_name = _("Welkomstpakket")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from neighbourhood import submissions
        from welcome_pack.models import WelcomePackClaim
        from welcome_pack.services import claim_withdraw

        submissions.register(
            WelcomePackClaim,
            describe=lambda claim: str(_("uw aanvraag voor het welkomstpakket")),
            withdraw=claim_withdraw,
        )
