from django.apps import AppConfig
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WelcomePackConfig(AppConfig):
    name = "welcome_pack"
    verbose_name = _("Welkomstpakket")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from neighbourhood import page_cache, submissions
        from welcome_pack import figures
        from welcome_pack.models import Present, WelcomePackClaim
        from welcome_pack.services import claim_withdraw

        submissions.register(
            WelcomePackClaim,
            describe=lambda claim: str(_("uw aanvraag voor het welkomstpakket")),
            withdraw=claim_withdraw,
            closed_before=_claims_closed_before,
        )
        # Figures for the municipality (packs claimed and delivered).
        figures.register_measures()
        # Presents are shown on the pack's page.
        page_cache.clear_on_change(Present)


def _claims_closed_before(queryset, cutoff):
    """Delivered claims (from the day of delivery) and claims that could not
    be delivered (from the last change), for the retention rule."""
    from welcome_pack.models import ClaimStatus

    delivered = Q(status=ClaimStatus.DELIVERED) & (
        Q(delivered_on__lte=timezone.localdate(cutoff))
        | Q(delivered_on__isnull=True, updated_at__lt=cutoff)
    )
    not_delivered = Q(status=ClaimStatus.NOT_DELIVERED, updated_at__lt=cutoff)
    return queryset.filter(delivered | not_delivered)
