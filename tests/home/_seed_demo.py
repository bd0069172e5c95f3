"""``seed_demo`` run from a test, and what one run on a fresh database builds."""

import io

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from events.models import EventIndexPage, EventOccurrence, EventPage, EventRSVP
from events.recurrence import occurrence_dates
from home.demo import content
from home.models import User
from neighbourhood.models import (
    ActionRequest,
    BuddyMatch,
    BuddyProjectPage,
    BuddySignup,
    CardDesign,
    KeyFigure,
    NeighbourhoodIndexPage,
    OutboxEmail,
    Partner,
    PostcodeArea,
    StreetContact,
    TileStock,
)
from welcome_pack.models import Present, WelcomePackClaim

STREETS = sum(len(wop.streets) for wop in content.WOPS)
KEY_FIGURES = sum(len(wop.key_figures) for wop in content.WOPS)
CALENDARS = len(content.WOPS) + 1  # one per WOP and the city-wide "Agenda"


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": User.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "key figures": KeyFigure.objects.count(),
        "postcode areas": PostcodeArea.objects.count(),
        "street contacts": StreetContact.objects.count(),
        "groups": Group.objects.count(),
        "partners": Partner.objects.count(),
        "buddy projects": BuddyProjectPage.objects.count(),
        "buddy sign-ups": BuddySignup.objects.count(),
        "buddy matches": BuddyMatch.objects.count(),
        "event calendars": EventIndexPage.objects.count(),
        "activities": EventPage.objects.count(),
        "activity dates": EventOccurrence.objects.count(),
        "event RSVPs": EventRSVP.objects.count(),
        "card designs": CardDesign.objects.count(),
        "action requests": ActionRequest.objects.count(),
        "tile stocks": TileStock.objects.count(),
        "presents": Present.objects.count(),
        "welcome pack claims": WelcomePackClaim.objects.count(),
        # The seed writes sign-ups directly: nobody is mailed.
        "outbox e-mails": OutboxEmail.objects.count(),
    }


def expected_counts() -> dict[str, int]:
    """What one seed builds on a freshly migrated database."""
    pages = (
        3
        + len(content.WOPS)
        + STREETS
        + len(content.STANDARD_PAGES)
        + len(content.BUDDY_PROJECTS)
        + CALENDARS
        + len(content.EVENTS)
        + len(content.ACTION_PAGES)
        + len(content.WELCOME_PACKS)
    )
    return {
        # Root, home, "Wijken", the WOPs with their streets, the standard pages,
        # the buddy projects, the calendars with their activities, the action
        # pages, the welcome packs.
        "pages": pages,
        # One for every page but the root, and the street page's draft in
        # review when the neighbourhood tree has a review workflow.
        "revisions": pages - 1 + _review_workflow_exists(),
        "images": KEY_FIGURES + len(content.CARD_DESIGNS),
        "users": 2 + len(content.WOPS),
        "email addresses": 2 + len(content.WOPS),
        "key figures": KEY_FIGURES,
        "postcode areas": sum(len(wop.areas) for wop in content.WOPS),
        "street contacts": sum(
            len(street.contacts) for wop in content.WOPS for street in wop.streets
        ),
        # Wagtail's Editors and Moderators, the coordinators, and per WOP its
        # volunteers, publishers and coordinators.
        "groups": 2 + 1 + 3 * len(content.WOPS),
        "partners": len(content.PARTNERS),
        "buddy projects": len(content.BUDDY_PROJECTS),
        "buddy sign-ups": len(content.BUDDY_SIGNUPS),
        "buddy matches": len(content.BUDDY_MATCHES),
        "event calendars": CALENDARS,
        "activities": len(content.EVENTS),
        # Every date of every schedule (which depends on the day of the run).
        "activity dates": sum(
            len(occurrence_dates(event, exclude_exceptions=False))
            for event in EventPage.objects.all()
        ),
        "event RSVPs": len(content.MEAL_FULL_DATE)
        + len(content.MEAL_NEXT_DATE)
        + sum(len(rsvps) for rsvps in content.WEEK_RSVPS.values()),
        "card designs": len(content.CARD_DESIGNS),
        "action requests": len(content.ACTION_REQUESTS),
        "tile stocks": len(content.TILE_STOCK),
        "presents": sum(len(pack.presents) for pack in content.WELCOME_PACKS),
        "welcome pack claims": len(content.WELCOME_CLAIMS),
        # Only the review request to the coordinator: no resident is mailed.
        "outbox e-mails": _review_workflow_exists(),
    }


def _review_workflow_exists() -> int:
    """1 when the neighbourhood pages have a review workflow, else 0."""
    return int(NeighbourhoodIndexPage.objects.get().get_workflow() is not None)
