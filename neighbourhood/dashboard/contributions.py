"""What this app's own rooms put on the dashboard through its hooks
(``hooks``): new buddy sign-ups, follow-ups due, card, treat and wave-tile
requests and pages in review per WOP, and the buttons to register a buddy
sign-up or an action request on a resident's behalf."""

from collections import defaultdict

from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from neighbourhood.actions.queue import action_policy
from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.buddies.matching import match_policy
from neighbourhood.buddies.viewsets import buddy_match_viewset, buddy_signup_viewset
from neighbourhood.dashboard.hooks import (
    DashboardCount,
    OnBehalfButton,
    listing_url,
    may_handle,
)
from neighbourhood.models import (
    ActionRequest,
    ActionStatus,
    BuddyMatch,
    BuddySignup,
    BuddySignupStatus,
)
from neighbourhood.scoping.permissions import policy_for

signup_policy = policy_for(BuddySignup)

# Requests that still wait for a volunteer's step, in queue order.
OPEN_ACTION_STATUSES = (
    ActionStatus.NEW,
    ActionStatus.WAITING,
    ActionStatus.APPROVED,
    ActionStatus.PRINTED,
)


def _per_wop(queryset, wop_ids, **counts) -> dict[int, dict]:
    """``{wop_id: {name: count}}`` of ``queryset`` in one query."""
    return {
        row.pop("wop"): row
        for row in queryset.filter(wop__in=wop_ids)
        .values("wop")
        .annotate(**counts)
        .order_by()
    }


def buddy_counts(request, wops) -> dict[int, list[DashboardCount]]:
    """New buddy sign-ups and matches due for a follow-up, per WOP."""
    user = request.user
    wop_ids = [wop.pk for wop in wops]
    result = defaultdict(list)
    if may_handle(user, signup_policy):
        new = _per_wop(
            BuddySignup.objects.filter(status=BuddySignupStatus.NEW),
            wop_ids,
            count=Count("pk"),
        )
        for wop_id, row in new.items():
            result[wop_id].append(
                DashboardCount(
                    key="buddy_signups_new",
                    label=_("Nieuwe aanmeldingen maatjes"),
                    count=row["count"],
                    url=listing_url(
                        buddy_signup_viewset.get_url_name("index"),
                        status=BuddySignupStatus.NEW,
                        wop=wop_id,
                    ),
                    order=10,
                )
            )
    if may_handle(user, match_policy):
        due = _per_wop(BuddyMatch.objects.follow_up_due(), wop_ids, count=Count("pk"))
        for wop_id, row in due.items():
            result[wop_id].append(
                DashboardCount(
                    key="buddy_follow_ups_due",
                    label=_("Koppelingen: nu navragen hoe het gaat"),
                    count=row["count"],
                    url=listing_url(
                        buddy_match_viewset.get_url_name("index"),
                        due="true",
                        wop=wop_id,
                    ),
                    urgent=True,
                    order=20,
                )
            )
    return result


ACTION_LABELS = {
    ActionStatus.NEW: _("Buurtacties: nieuw"),
    ActionStatus.WAITING: _("Buurtacties: op de wachtlijst"),
    ActionStatus.APPROVED: _("Buurtacties: goedgekeurd, nog doen"),
    ActionStatus.PRINTED: _("Kaartjes: afgedrukt, nog bezorgen"),
}


def action_counts(request, wops) -> dict[int, list[DashboardCount]]:
    """Card, treat and wave-tile requests per WOP that wait for a step."""
    if not may_handle(request.user, action_policy):
        return {}
    counts = _per_wop(
        ActionRequest.objects.all(),
        [wop.pk for wop in wops],
        **{
            status.value: Count("pk", filter=Q(status=status))
            for status in OPEN_ACTION_STATUSES
        },
    )
    return {
        wop_id: [
            DashboardCount(
                key=f"actions_{status.value}",
                label=ACTION_LABELS[status],
                count=row[status.value],
                url=listing_url(
                    action_request_viewset.get_url_name("index"),
                    status=status.value,
                    wop=wop_id,
                ),
                order=30 + position,
            )
            for position, status in enumerate(OPEN_ACTION_STATUSES)
        ]
        for wop_id, row in counts.items()
    }


def pages_in_review_per_wop(wops) -> dict[int, int]:
    """How many pages at or below each WOP wait for a review (a workflow in
    progress), in one query. Any workflow counts, whoever made it."""
    if not wops:
        return {}
    in_review = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
    ).values("object_id")
    under_wops = Q()
    for wop in wops:
        under_wops |= Q(path__startswith=wop.path)
    # object_id is text: compared as text, which PostgreSQL needs.
    paths = (
        Page.objects.annotate(pk_text=Cast("pk", output_field=CharField()))
        .filter(under_wops, pk_text__in=in_review)
        .values_list("path", flat=True)
    )
    counts = defaultdict(int)
    for path in paths:
        for wop in wops:
            if path.startswith(wop.path):
                counts[wop.pk] += 1
    return counts


def review_counts(request, wops) -> dict[int, list[DashboardCount]]:
    """Pages in each WOP waiting for a coordinator's review."""
    url = listing_url("wagtailadmin_reports:workflow", status="in_progress")
    return {
        wop_id: [
            DashboardCount(
                key="pages_in_review",
                label=_("Pagina's die wachten op controle"),
                count=count,
                url=url,
                order=90,
            )
        ]
        for wop_id, count in pages_in_review_per_wop(wops).items()
    }


def neighbourhood_counts(request, wops) -> dict[int, list[DashboardCount]]:
    """The ``neighbourhood_dashboard_counts`` hook for this app's records."""
    result = defaultdict(list)
    for contribute in (buddy_counts, action_counts, review_counts):
        for wop_id, counts in contribute(request, wops).items():
            result[wop_id].extend(counts)
    return result


def neighbourhood_on_behalf(request) -> list[OnBehalfButton]:
    """The ``neighbourhood_register_on_behalf`` hook: a buddy sign-up and a
    card, treat or wave-tile request, each if the user may add it."""
    buttons = []
    if signup_policy.user_has_permission(request.user, "add"):
        buttons.append(
            OnBehalfButton(
                key="buddy_signup",
                label=_("Maatje: aanmelding"),
                description=_("Iemand zoekt een maatje, of wil maatje zijn."),
                url=reverse(buddy_signup_viewset.get_url_name("add")),
                order=10,
            )
        )
    if action_policy.user_has_permission(request.user, "add"):
        buttons.append(
            OnBehalfButton(
                key="action_request",
                label=_("Buurtactie: aanvraag"),
                description=_(
                    "Iemand wil een buur een kaartje of traktatie sturen, of "
                    "wil een zwaaitegel."
                ),
                url=reverse(action_request_viewset.get_url_name("add")),
                order=20,
            )
        )
    return buttons
