"""The dashboard's two extension points, and gathering what they return for
the panels (``panels``): what waits in each of the user's WOPs, and the
buttons to register something on a resident's behalf.

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

from django.urls import reverse
from wagtail import hooks

from neighbourhood.scoping.permissions import wops_for_user

COUNTS_HOOK = "neighbourhood_dashboard_counts"
ON_BEHALF_HOOK = "neighbourhood_register_on_behalf"


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


def on_behalf_buttons(*, request) -> list[OnBehalfButton]:
    """The kinds of submission the user may register for a resident."""
    buttons = [
        button
        for contribute in hooks.get_hooks(ON_BEHALF_HOOK)
        for button in (contribute(request) or [])
    ]
    return sorted(buttons, key=lambda button: button.order)
