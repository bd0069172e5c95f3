"""Builds the demo site from ``home.demo.content``, one module per domain.

Submissions (sign-ups, RSVPs, requests, claims) go through the services a
resident's form calls, with e-mail held back (``outbox_held``), so the demo
follows the same rules as a resident. Every step looks its object up (a page
by parent and slug, a user by e-mail, a key figure by WOP and name, an image
by title) and creates or updates it, so running the seed again duplicates
nothing. A page gets a new revision only when its content differs from what is
live.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page

from events.models import EventOccurrence, EventPage, EventRSVP
from home.demo import content
from home.demo.build.actions import (
    action_page_upsert,
    action_request_upsert,
    card_design_upsert,
)
from home.demo.build.buddies import (
    buddy_match_upsert,
    buddy_projects_upsert,
    buddy_signup_upsert,
    partner_upsert,
)
from home.demo.build.events import (
    events_upsert,
    meal_full_date_summary,
    meal_rsvps_seed,
    week_rsvps_seed,
)
from home.demo.build.pages import (
    home_page_update,
    neighbourhood_index_upsert,
    page_upsert,
    review_draft_seed,
    site_address_update,
    site_settings_update,
    user_upsert,
    volunteer_upsert,
    wop_upsert,
)
from home.demo.build.welcome_packs import welcome_claim_upsert, welcome_pack_upsert
from home.models import StandardPage, User
from neighbourhood.models import (
    BuddyMatch,
    BuddyProjectPage,
    BuddySignup,
    CardDesign,
    NeighbourhoodPage,
    TileStock,
)
from neighbourhood.outbox.services import outbox_held
from neighbourhood.scoping.access import coordinators_sync


@dataclass(frozen=True)
class BuiltWop:
    title: str
    url: str
    areas: tuple[str, ...]
    example_postcode: str


@dataclass(frozen=True)
class BuiltBuddyProject:
    title: str
    url: str
    wop_title: str | None  # None: city-wide
    is_open: bool


@dataclass(frozen=True)
class BuiltCalendar:
    title: str
    url: str
    wop_title: str | None  # None: city-wide
    activities: int


@dataclass(frozen=True)
class BuiltActionPage:
    title: str
    url: str
    wop_title: str
    kind: str


@dataclass(frozen=True)
class DemoSummary:
    """What the command reports: where to look and how to log in."""

    logins: tuple[content.DemoUser, ...]
    wops: tuple[BuiltWop, ...]
    uncovered_postcode: str
    buddy_projects: tuple[BuiltBuddyProject, ...] = ()
    buddy_signups: int = 0
    buddy_matches: int = 0
    follow_ups_due: int = 0
    buddy_waiting: str = ""  # the sign-up to try matching in the demo
    calendars: tuple[BuiltCalendar, ...] = ()
    activities: int = 0
    activity_dates: int = 0
    event_rsvps: int = 0
    # The full "Samen eten": when, how many wait, how many to call.
    meal_full_date: str = ""
    action_pages: tuple[BuiltActionPage, ...] = ()
    action_requests: int = 0
    welcome_packs: tuple[BuiltActionPage, ...] = ()
    welcome_pack_claims: int = 0
    # The page waiting for a coordinator's review, or "" without a workflow.
    page_in_review: str = ""


@transaction.atomic
def demo_build(*, address: str) -> DemoSummary:
    """Create or bring up to date the whole demo site, served on ``address``
    (``http://127.0.0.1:8000``); safe to run repeatedly."""
    site_address_update(address=address)
    home = home_page_update()
    index = neighbourhood_index_upsert(home=home)
    built_wops = []
    wops = {}
    volunteers = {}
    for data in content.WOPS:
        wop = wop_upsert(index=index, data=data)
        wops[data.slug] = wop
        built_wops.append(
            BuiltWop(
                title=wop.title,
                url=wop.url,
                areas=tuple(str(area) for area in wop.postcode_areas.all()),
                example_postcode=data.example_postcode,
            )
        )
        volunteers[wop.pk] = volunteer_upsert(wop=wop, data=data.volunteer)
    standard_pages = {
        data.slug: page_upsert(
            parent=home,
            page_class=StandardPage,
            slug=data.slug,
            fields={"title": data.title, "intro": data.intro, "body": data.body},
        )
        for data in content.STANDARD_PAGES
    }
    site_settings_update(
        site=home.get_site(),
        privacy_page=standard_pages[content.PRIVACY.slug],
        accessibility_page=standard_pages[content.ACCESSIBILITY.slug],
    )
    user_upsert(data=content.ADMIN, is_superuser=True)
    coordinator = user_upsert(data=content.COORDINATOR)
    coordinator.groups.set([coordinators_sync()])
    partners = {data.name: partner_upsert(data=data) for data in content.PARTNERS}
    projects = buddy_projects_upsert(home=home, wops=wops, partners=partners)
    calendars, events = events_upsert(home=home, wops=wops, partners=partners)
    meal = events[content.MEAL]
    designs = {
        data.name: card_design_upsert(data=data) for data in content.CARD_DESIGNS
    }
    action_pages = {
        (data.wop, data.kind): action_page_upsert(wop=wops[data.wop], data=data)
        for data in content.ACTION_PAGES
    }
    for slug, quantity in content.TILE_STOCK.items():
        TileStock.objects.get_or_create(wop=wops[slug], defaults={"quantity": quantity})
    welcome_packs = [
        welcome_pack_upsert(wop=wops[data.wop], data=data)
        for data in content.WELCOME_PACKS
    ]
    with outbox_held():
        signups, matches, action_requests, welcome_claims = submissions_seed(
            wops=wops,
            volunteers=volunteers,
            coordinator=coordinator,
            projects=projects,
            events=events,
            designs=designs,
            action_pages=action_pages,
        )
    review_wop = wops[content.REVIEW_DRAFT[0]]
    in_review = review_draft_seed(wop=review_wop, volunteer=volunteers[review_wop.pk])
    return DemoSummary(
        logins=(content.ADMIN, content.COORDINATOR)
        + tuple(data.volunteer for data in content.WOPS),
        wops=tuple(built_wops),
        uncovered_postcode=content.UNCOVERED_POSTCODE,
        buddy_projects=tuple(
            BuiltBuddyProject(
                title=project.title,
                url=project.url,
                wop_title=project.wop.title if project.wop else None,
                is_open=project.is_open,
            )
            for project in projects.values()
        ),
        buddy_signups=BuddySignup.objects.filter(project__in=projects.values()).count(),
        buddy_matches=len(matches),
        buddy_waiting=(
            f"{content.HANS.name} ({content.HANS_SUMMARY}) in "
            f"{projects[content.HANS.project].title}"
        ),
        follow_ups_due=BuddyMatch.objects.filter(pk__in=[match.pk for match in matches])
        .follow_up_due()
        .count(),
        calendars=tuple(
            BuiltCalendar(
                title=calendar.title,
                url=calendar.url,
                wop_title=calendar.wop.title if calendar.wop else None,
                activities=EventPage.objects.child_of(calendar).count(),
            )
            for calendar in calendars
        ),
        activities=len(events),
        activity_dates=EventOccurrence.objects.filter(
            event__in=events.values()
        ).count(),
        event_rsvps=EventRSVP.objects.filter(
            occurrence__event__in=events.values()
        ).count(),
        meal_full_date=meal_full_date_summary(event=meal),
        action_pages=tuple(
            BuiltActionPage(
                title=page.title,
                url=page.url,
                wop_title=page.get_parent().title,
                kind=page.action_kind,
            )
            for page in action_pages.values()
        ),
        action_requests=len(action_requests),
        welcome_packs=tuple(
            BuiltActionPage(
                title=page.title,
                url=page.url,
                wop_title=page.get_parent().title,
                kind="welcome_pack",
            )
            for page in welcome_packs
        ),
        welcome_pack_claims=len(welcome_claims),
        page_in_review=(
            f"{in_review.title} ({review_wop.title})" if in_review is not None else ""
        ),
    )


def submissions_seed(
    *,
    wops: dict[str, NeighbourhoodPage],
    volunteers: dict[int, User],
    coordinator: User,
    projects: dict[str, BuddyProjectPage],
    events: dict[tuple[str, str], EventPage],
    designs: dict[str, CardDesign],
    action_pages: dict[tuple[str, str], Page],
):
    """What residents sent in, through the services a resident's form calls,
    and the steps volunteers took since: buddy sign-ups and matches, RSVPs,
    neighbour action requests and welcome pack claims."""
    signups = {
        (data.project, data.name): buddy_signup_upsert(
            project=projects[data.project], data=data, volunteers=volunteers
        )
        for data in content.BUDDY_SIGNUPS
    }
    matches = [
        buddy_match_upsert(data=data, signups=signups, coordinator=coordinator)
        for data in content.BUDDY_MATCHES
    ]
    meal = events[content.MEAL]
    meal_rsvps_seed(event=meal, volunteer=volunteers[meal.wop.pk])
    for key, rsvps in content.WEEK_RSVPS.items():
        event = events[key]
        week_rsvps_seed(event=event, rsvps=rsvps, volunteer=volunteers[event.wop.pk])
    action_requests = [
        action_request_upsert(
            wop=wops[data.wop],
            data=data,
            designs=designs,
            pages=action_pages,
            volunteer=volunteers[wops[data.wop].pk],
        )
        for data in content.ACTION_REQUESTS
    ]
    welcome_claims = [
        welcome_claim_upsert(
            wop=wops[data.wop], data=data, volunteer=volunteers[wops[data.wop].pk]
        )
        for data in content.WELCOME_CLAIMS
    ]
    return signups, matches, action_requests, welcome_claims
