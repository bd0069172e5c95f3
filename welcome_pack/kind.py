"""The welcome-pack claim as a kind of submission
(``neighbourhood.submissions.registry``), registered in
``WelcomePackConfig.ready()``: what it was for, how withdrawing returns its
present, and when it ended."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from neighbourhood.submissions import registry
from welcome_pack.models import ClaimStatus, WelcomePackClaim
from welcome_pack.services import claim_withdraw


def claim_describe(claim) -> str:
    return str(_("uw aanvraag voor het welkomstpakket"))


def claims_ended_before(queryset, moment):
    """Delivered claims (from the day of delivery), claims that could not
    be delivered (from the last change) and claims left unhandled for too
    long, for the retention rule."""
    delivered = Q(status=ClaimStatus.DELIVERED) & (
        Q(delivered_on__lte=timezone.localdate(moment))
        | Q(delivered_on__isnull=True, updated_at__lt=moment)
    )
    not_delivered = Q(status=ClaimStatus.NOT_DELIVERED, updated_at__lt=moment)
    unhandled = registry.unhandled_ended_before(WelcomePackClaim, moment)
    return queryset.filter(delivered | not_delivered | unhandled)


def register_kind() -> None:
    registry.register(
        WelcomePackClaim,
        describe=claim_describe,
        withdraw=claim_withdraw,
        ended_before=claims_ended_before,
        warn_volunteers=True,
    )
