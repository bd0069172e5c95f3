"""The action request (card, treat, wave tile, lief-en-leedpot) as a kind of
submission (``neighbourhood.submissions.registry``), registered in
``NeighbourhoodConfig.ready()``."""

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import ActionRequest, ActionStatus
from neighbourhood.submissions import registry


def action_request_describe(request: ActionRequest) -> str:
    return _("uw aanvraag (%(kind)s)") % {"kind": request.get_kind_display().lower()}


def action_requests_ended_before(queryset: QuerySet, moment: datetime) -> QuerySet:
    """Delivered or placed (on or before the moment's day), declined, and
    left unhandled for too long."""
    day = timezone.localdate(moment)
    done = Q(status=ActionStatus.DONE) & (
        Q(handled_on__lte=day) | Q(handled_on__isnull=True, updated_at__lt=moment)
    )
    declined = Q(status=ActionStatus.DECLINED, updated_at__lt=moment)
    unhandled = registry.unhandled_ended_before(ActionRequest, moment)
    return queryset.filter(done | declined | unhandled)


def register_kind() -> None:
    registry.register(
        ActionRequest,
        describe=action_request_describe,
        ended_before=action_requests_ended_before,
        warn_volunteers=True,
    )
