"""Reads for the welcome pack: late claims, the dashboard's counts, and what
goes into the printed pack."""

from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from events.selectors import activities_grouped, event_occurrences_upcoming
from neighbourhood.addresses import absolute_url
from neighbourhood.models import KeyFigure, NeighbourhoodPage
from neighbourhood.programme import programme_identity
from welcome_pack.models import DELIVERY_DAYS, ClaimStatus, WelcomePackClaim

# Still to be brought: counted as waiting on the dashboard.
WAITING_STATUSES = (ClaimStatus.NEW, ClaimStatus.PACKED)
# Not at the door yet, though the resident is still waiting for it.
UNDELIVERED_STATUSES = (
    ClaimStatus.NEW,
    ClaimStatus.PACKED,
    ClaimStatus.NOT_DELIVERED,
)
# How many weeks of activities the printed flyer shows.
FLYER_WEEKS = 4
# What fits on the flyer's and the smoelenboek's one A4 each.
FLYER_MAX_ACTIVITIES = 5
SMOELENBOEK_MAX_FACES = 6


def overdue_since() -> datetime:
    """Claims made before this moment should have been delivered by now."""
    return timezone.now() - timedelta(days=DELIVERY_DAYS)


def overdue_q() -> Q:
    """Claims not delivered within ``DELIVERY_DAYS`` of coming in."""
    return Q(status__in=UNDELIVERED_STATUSES, created_at__lt=overdue_since())


def claim_is_overdue(claim: WelcomePackClaim, *, since: datetime | None = None) -> bool:
    """The same test as ``overdue_q`` for one claim already loaded."""
    return claim.status in UNDELIVERED_STATUSES and claim.created_at < (
        since or overdue_since()
    )


def claim_counts_per_wop(*, wop_ids) -> dict[int, dict]:
    """Per WOP of ``wop_ids`` with claims: how many are new, packed, could
    not be delivered and late, in one query."""
    return {
        row.pop("wop"): row
        for row in WelcomePackClaim.objects.filter(wop__in=wop_ids)
        .values("wop")
        .annotate(
            new=Count("pk", filter=Q(status=ClaimStatus.NEW)),
            packed=Count("pk", filter=Q(status=ClaimStatus.PACKED)),
            not_delivered=Count("pk", filter=Q(status=ClaimStatus.NOT_DELIVERED)),
            overdue=Count("pk", filter=overdue_q()),
        )
        .order_by()
    }


def _public_page_url(page) -> str:
    """``page`` on the site's one public address (its root while the page is
    in no Site)."""
    parts = page.get_url_parts()
    return absolute_url(parts[2] if parts else "/")


def pack_contents(*, wop: NeighbourhoodPage) -> dict:
    """What every printed pack of ``wop`` holds, whoever it is for: the
    coming weeks' activities (the same dates as the WOP's calendar) and the
    key figures. Names no resident, so it may be shown publicly.

    A repeating activity is listed once with its rule; what does not fit on
    one A4 is counted (``activities["left_out"]``, ``faces_left_out``)."""
    key_figures = list(
        KeyFigure.objects.filter(wop=wop)
        .select_related("photo")
        .prefetch_related("photo__renditions")
        .order_by("name", "pk")
    )
    return {
        "wop": wop,
        "activities": activities_grouped(
            event_occurrences_upcoming(wop=wop, weeks=FLYER_WEEKS),
            limit=FLYER_MAX_ACTIVITIES,
        ),
        "key_figures": key_figures[:SMOELENBOEK_MAX_FACES],
        "faces_left_out": max(len(key_figures) - SMOELENBOEK_MAX_FACES, 0),
        "flyer_weeks": FLYER_WEEKS,
        "wop_url": _public_page_url(wop),
        "programme": programme_identity(),
    }
