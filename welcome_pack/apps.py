from django.apps import AppConfig
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WelcomePackConfig(AppConfig):
    name = "welcome_pack"
    verbose_name = _("Welkomstpakket")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from neighbourhood import page_cache
        from neighbourhood.submissions import registry
        from welcome_pack import figures
        from welcome_pack.models import Present, WelcomePackClaim
        from welcome_pack.services import claim_withdraw

        registry.register(
            WelcomePackClaim,
            describe=lambda claim: str(_("uw aanvraag voor het welkomstpakket")),
            withdraw=claim_withdraw,
            ended_before=_claims_ended_before,
            warn_volunteers=True,
        )
        # Figures for the municipality (packs claimed and delivered).
        figures.register_measures()
        # Presents are shown on the pack's page.
        page_cache.clear_on_change(Present)


def _claims_ended_before(queryset, moment):
    """Delivered claims (from the day of delivery), claims that could not
    be delivered (from the last change) and claims left unhandled for too
    long, for the retention rule."""
    from neighbourhood.submissions.registry import unhandled_ended_before
    from welcome_pack.models import ClaimStatus, WelcomePackClaim

    delivered = Q(status=ClaimStatus.DELIVERED) & (
        Q(delivered_on__lte=timezone.localdate(moment))
        | Q(delivered_on__isnull=True, updated_at__lt=moment)
    )
    not_delivered = Q(status=ClaimStatus.NOT_DELIVERED, updated_at__lt=moment)
    unhandled = unhandled_ended_before(WelcomePackClaim, moment)
    return queryset.filter(delivered | not_delivered | unhandled)
