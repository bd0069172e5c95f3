"""The volunteer's dashboard, the Wagtail admin home: what waits in each of
the user's WOPs, buttons to register something on a resident's behalf, and
the follow-ups due with the names of the buddies.

This app cannot import the apps that build on it, so each app contributes
through two hooks, registered in its own ``wagtail_hooks.py``:

``neighbourhood_dashboard_counts(request, wops)``
    returns ``{wop_id: [DashboardCount, ...]}`` for the WOPs given (the
    user's), from one aggregate query per model, never one per WOP; ``{}``
    when the user may not see that app's records.

``neighbourhood_register_on_behalf(request)``
    returns a list of ``OnBehalfButton``: one per kind of submission the
    user may add, leading to that kind's admin add view.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from neighbourhood.action_admin import action_policy, action_request_viewset
from neighbourhood.admin_views import (
    buddy_match_viewset,
    buddy_signup_viewset,
    match_policy,
)
from neighbourhood.models import (
    ActionRequest,
    ActionStatus,
    BuddyMatch,
    BuddySignup,
    BuddySignupStatus,
)
from neighbourhood.permissions import WopOwnedPermissionPolicy, wops_for_user

COUNTS_HOOK = "neighbourhood_dashboard_counts"
ON_BEHALF_HOOK = "neighbourhood_register_on_behalf"

signup_policy = WopOwnedPermissionPolicy(BuddySignup)

# Requests that still wait for a volunteer's step, in queue order.
OPEN_ACTION_STATUSES = (
    ActionStatus.NEW,
    ActionStatus.WAITING,
    ActionStatus.APPROVED,
    ActionStatus.PRINTED,
)


@dataclass(frozen=True)
class DashboardCount:
    """One row of a WOP's to-do list: how many, of what, and where to see
    them. ``urgent`` rows (late, to call, due) stand out; ``order`` places
    the row among the other apps' rows."""

    key: str
    label: str
    count: int
    url: str
    urgent: bool = False
    detail: str = ""
    order: int = 0


@dataclass(frozen=True)
class OnBehalfButton:
    """A button to register one kind of submission for a resident."""

    key: str
    label: str
    description: str
    url: str
    order: int = 0


def may_handle(user, policy) -> bool:
    """Whether ``user`` may see this kind of record at all (in their WOPs)."""
    return policy.user_has_any_permission(user, ["view", "change"])


def listing_url(url_name: str, **filters) -> str:
    """An admin listing with its filters set, e.g. one WOP's new sign-ups."""
    query = "&".join(f"{name}={value}" for name, value in filters.items())
    return f"{reverse(url_name)}?{query}" if query else reverse(url_name)


# The panel "Te doen per wijk" --------------------------------------------------


def dashboard_todo(*, request) -> list[dict]:
    """Per WOP of the user, by title: ``{"wop", "rows"}`` with the rows that
    have something waiting, in a fixed order. A query for the WOPs and one
    per contributing model, whatever the number of WOPs."""
    wops = list(wops_for_user(request.user).order_by("title", "pk"))
    if not wops:
        return []
    rows = defaultdict(list)
    for contribute in hooks.get_hooks(COUNTS_HOOK):
        for wop_id, counts in (contribute(request, wops) or {}).items():
            rows[wop_id].extend(count for count in counts if count.count)
    return [
        {
            "wop": wop,
            "rows": sorted(rows[wop.pk], key=lambda row: row.order),
        }
        for wop in wops
    ]


class WopTodoPanel(Component):
    """Te doen per wijk: per WOP of the user, what waits, each number a link
    to the listing of exactly those records."""

    name = "wop_todo"
    template_name = "neighbourhood/admin/dashboard_todo.html"
    order = 40

    def render_html(self, parent_context=None):
        self.wops = dashboard_todo(request=parent_context["request"])
        if not self.wops:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {"wops": self.wops}


# The panel "Aanmelden namens een bewoner" ------------------------------------------


def on_behalf_buttons(*, request) -> list[OnBehalfButton]:
    """The kinds of submission the user may register for a resident."""
    buttons = [
        button
        for contribute in hooks.get_hooks(ON_BEHALF_HOOK)
        for button in (contribute(request) or [])
    ]
    return sorted(buttons, key=lambda button: button.order)


class RegisterOnBehalfPanel(Component):
    """Aanmelden namens een bewoner: for a resident on the phone, on paper or
    at the door, one button per kind of submission."""

    name = "register_on_behalf"
    template_name = "neighbourhood/admin/dashboard_on_behalf.html"
    order = 45

    def render_html(self, parent_context=None):
        self.buttons = on_behalf_buttons(request=parent_context["request"])
        if not self.buttons:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {"buttons": self.buttons}


# The follow-ups due, with names -------------------------------------------------


class BuddyFollowUpPanel(Component):
    """Maatjes: navragen — the matches due for a follow-up in the user's
    WOPs, by name, each leading to its follow-up form. The counts per WOP
    are in "Te doen per wijk"."""

    name = "buddy_follow_up"
    template_name = "neighbourhood/admin/buddy_follow_up_panel.html"
    order = 90

    def render_html(self, parent_context=None):
        if not may_handle(parent_context["request"].user, match_policy):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        due = (
            BuddyMatch.objects.for_user(parent_context["request"].user)
            .follow_up_due()
            .select_related("seeker", "buddy", "wop")
            .order_by("follow_up_on", "pk")
        )
        return {
            "due": [
                {
                    "match": match,
                    "url": reverse(
                        buddy_match_viewset.get_url_name("edit"), args=[match.pk]
                    ),
                }
                for match in due
            ],
            "matches_url": reverse(buddy_match_viewset.get_url_name("index")),
        }


def homepage_panels(request, panels) -> None:
    """The ``construct_homepage_panels`` hook: this app's dashboard panels."""
    panels.extend([WopTodoPanel(), RegisterOnBehalfPanel(), BuddyFollowUpPanel()])


# This app's counts --------------------------------------------------------------


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
