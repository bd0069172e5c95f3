"""The welcome packs on the volunteer's dashboard: per WOP the claims to
pack, to bring and those that are late, and the button to claim a pack for a
resident (see ``neighbourhood.dashboard.hooks``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from neighbourhood.dashboard.hooks import (
    DashboardCount,
    OnBehalfButton,
    listing_url,
    may_handle,
)
from welcome_pack.admin.claims import claim_policy
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset
from welcome_pack.models import ClaimStatus
from welcome_pack.selectors import claim_counts_per_wop

# (key in the counts, label, listing filter, urgent), in the order shown.
ROWS = (
    ("new", _("Welkomstpakketten: nog inpakken"), {"status": ClaimStatus.NEW}, False),
    (
        "packed",
        _("Welkomstpakketten: ingepakt, nog bezorgen"),
        {"status": ClaimStatus.PACKED},
        False,
    ),
    (
        "not_delivered",
        _("Welkomstpakketten: niet kunnen bezorgen"),
        {"status": ClaimStatus.NOT_DELIVERED},
        False,
    ),
    ("overdue", _("Welkomstpakketten: te laat"), {"overdue": "true"}, True),
)


def welcome_pack_counts(request, wops) -> dict[int, list[DashboardCount]]:
    """The ``neighbourhood_dashboard_counts`` hook: claims per WOP that wait."""
    if not may_handle(request.user, claim_policy):
        return {}
    index = welcome_pack_claim_viewset.get_url_name("index")
    return {
        wop_id: [
            DashboardCount(
                key=f"welcome_packs_{key}",
                label=label,
                count=counts[key],
                url=listing_url(index, **filters, wop=wop_id),
                urgent=urgent,
                order=50 + position,
            )
            for position, (key, label, filters, urgent) in enumerate(ROWS)
        ]
        for wop_id, counts in claim_counts_per_wop(
            wop_ids=[wop.pk for wop in wops]
        ).items()
    }


def welcome_pack_on_behalf(request) -> list[OnBehalfButton]:
    """The ``neighbourhood_register_on_behalf`` hook: a welcome-pack claim."""
    if not claim_policy.user_has_permission(request.user, "add"):
        return []
    return [
        OnBehalfButton(
            key="welcome_pack_claim",
            label=_("Welkomstpakket: aanvraag"),
            description=_("Iemand is net in de wijk komen wonen."),
            url=reverse(welcome_pack_claim_viewset.get_url_name("add")),
            order=30,
        )
    ]
