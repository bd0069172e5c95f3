"""Builds the demo site from ``home.demo.content``.

Every step looks its object up (a page by parent and slug, a user by e-mail,
a key figure by WOP and name, an image by title) and creates or updates it, so
running the seed again duplicates nothing. A page gets a new revision only when
its content differs from what is live.
"""

import hashlib
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from io import BytesIO

from allauth.account.models import EmailAddress
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from events.forms import rsvp_consent_purpose
from events.models import EventIndexPage, EventOccurrence, EventPage, EventRSVP
from events.recurrence import occurrence_dates
from events.services import rsvp_cancel, rsvp_create
from home.demo import content
from home.demo.cards import card_front_png
from home.demo.mail import mail_off
from home.demo.portraits import portrait_png
from home.models import HomePage, SiteSettings, StandardPage
from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    Audience,
    BuddyMatch,
    BuddyProjectPage,
    BuddySignup,
    BuddySignupStatus,
    CardActionPage,
    CardDesign,
    ConsentMethod,
    KeyFigure,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    Partner,
    PostcodeArea,
    PrivacySettings,
    StreetPage,
    TileStock,
    TreatActionPage,
    User,
    WaveTileActionPage,
)
from neighbourhood.postcodes import normalise_range_bound
from neighbourhood.selectors import wop_for_postcode
from neighbourhood.services import (
    action_request_create,
    action_request_transition,
    buddy_signup_create,
    buddy_signup_status_change,
    consent_record,
    coordinators_sync,
    match_confirm,
    match_follow_up_record,
    submission_withdraw,
    wop_group,
)
from welcome_pack.models import ClaimStatus, Present, WelcomePackClaim, WelcomePackPage
from welcome_pack.services import (
    claim_address_key,
    claim_transition,
    claim_withdraw,
    welcome_pack_claim,
)


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
def demo_build() -> DemoSummary:
    """Create or bring up to date the whole demo site; safe to run repeatedly."""
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
    with mail_off():
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


def _consent(*, text: str, data, came_in) -> dict:
    """The consent as given when the submission came in, ``days_ago``."""
    return consent_record(text=text, method=data.consent_method) | {
        "consent_at": came_in
    }


def _registered_by(*, data, volunteer: User | None) -> User | None:
    """Consent given verbally or on paper: registered by the WOP's volunteer."""
    return volunteer if data.consent_method != ConsentMethod.ONLINE else None


# Pages


def _set_relation(page: Page, name: str, rows: list[dict]) -> None:
    child_model = page._meta.get_field(name).related_model
    children = [child_model(sort_order=i, **row) for i, row in enumerate(rows)]
    setattr(page, name, children)


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    # publish() saves a copy made from the revision; read back what is live.
    return type(page).objects.get(pk=page.pk)


def _differs(page: Page, name: str, value) -> bool:
    if isinstance(page._meta.get_field(name), ParentalManyToManyField):
        current = {obj.pk for obj in getattr(page, name).all()}
        return current != {obj.pk for obj in value}
    return getattr(page, name) != value


def page_update(page: Page, *, fields: dict, relations: dict | None = None) -> Page:
    """Set ``fields`` and inline ``relations`` on ``page``; publish only on change.

    A many-to-many field (``audiences``) takes a list of objects and compares
    as a set. ``relations`` maps a child relation (``postcode_areas``) to the
    wanted rows as dicts of field values, in order. Returns the page as now live.
    """
    changed = False
    for name, value in fields.items():
        if _differs(page, name, value):
            setattr(page, name, value)
            changed = True
    for name, rows in (relations or {}).items():
        compared = rows[0].keys() if rows else ()
        current = [
            {field: getattr(child, field) for field in compared}
            for child in getattr(page, name).all()
        ]
        if current != rows:
            _set_relation(page, name, rows)
            changed = True
    # A draft waiting for a coordinator's review is theirs to publish.
    in_review = page.has_unpublished_changes and page.workflow_in_progress
    if changed or not page.live or (page.has_unpublished_changes and not in_review):
        page = _publish(page)
    return page


def page_upsert(
    *, parent: Page, page_class, slug: str, fields: dict, relations=None
) -> Page:
    """The live child of ``parent`` with ``slug``: created, or brought up to date."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is None:
        page = page_class(slug=slug, **fields)
        for name, rows in (relations or {}).items():
            _set_relation(page, name, rows)
        parent.add_child(instance=page)
        return _publish(page)
    page = existing.specific
    if not isinstance(page, page_class):
        raise CommandError(
            f"{existing.url_path} is a {type(page).__name__}, "
            f"not a {page_class.__name__}: move it away and run seed_demo again."
        )
    return page_update(page, fields=fields, relations=relations)


def home_page_update() -> HomePage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    if not isinstance(home, HomePage):
        raise CommandError("The default site's root page is not a HomePage.")
    return page_update(
        home,
        fields={
            "title": content.HOME_TITLE,
            "intro": content.HOME_INTRO,
            "body": content.HOME_BODY,
        },
    )


def neighbourhood_index_upsert(*, home: HomePage) -> NeighbourhoodIndexPage:
    """The one "Wijken" page: an existing one is kept, whatever its slug."""
    fields = {"title": content.INDEX_TITLE, "intro": content.INDEX_INTRO}
    existing = NeighbourhoodIndexPage.objects.first()
    if existing is not None:
        return page_update(existing, fields=fields)
    return page_upsert(
        parent=home,
        page_class=NeighbourhoodIndexPage,
        slug=content.INDEX_SLUG,
        fields=fields,
    )


# WOPs, their streets and key figures


def _area_row(area: str | tuple[str, str]) -> dict:
    first, last = (area, area) if isinstance(area, str) else area
    return {
        "first": normalise_range_bound(first, upper=False),
        "last": normalise_range_bound(last, upper=True),
    }


def _check_areas_free(*, slug: str, rows: list[dict]) -> None:
    """Refuse areas another (non-demo) WOP already covers: each postcode must
    lead to one WOP."""
    for row in rows:
        clash = (
            PostcodeArea.objects.overlapping(row["first"], row["last"])
            .exclude(page__slug=slug)
            .select_related("page")
            .first()
        )
        if clash is not None:
            raise CommandError(
                f"Postcode area {clash} of WOP {clash.page.title} overlaps the "
                f"demo WOP {slug}; change one of them and run seed_demo again."
            )


def wop_upsert(*, index: NeighbourhoodIndexPage, data: content.WopData):
    """A WOP page with its postcode areas, key figures and street pages."""
    areas = [_area_row(area) for area in data.areas]
    _check_areas_free(slug=data.slug, rows=areas)
    wop = page_upsert(
        parent=index,
        page_class=NeighbourhoodPage,
        slug=data.slug,
        fields={
            "title": data.title,
            "intro": data.intro,
            "body": data.body,
            "contact_name": data.contact_name,
            "contact_phone": data.contact_phone,
            "contact_email": data.contact_email,
            "contact_address": data.contact_address,
            "contact_hours": data.contact_hours,
        },
        relations={"postcode_areas": areas},
    )
    key_figures = {
        figure.name: key_figure_upsert(wop=wop, data=figure)
        for figure in data.key_figures
    }
    for street in data.streets:
        page_upsert(
            parent=wop,
            page_class=StreetPage,
            slug=street.slug,
            fields={
                "title": street.title,
                "streets": street.streets,
                "intro": street.intro,
                "body": street.body,
            },
            relations={
                "contacts": [
                    {"key_figure_id": key_figures[name].pk} for name in street.contacts
                ]
            },
        )
    return wop


def drawn_image(*, title: str, description: str, prefix: str, draw):
    """The image titled ``title``; ``draw()`` makes its PNG on first use."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).order_by("pk").first()
    if image is not None:
        return image
    png = draw()
    slug = hashlib.sha1(title.encode()).hexdigest()[:10]
    image = image_model(
        title=title,
        description=description,
        file=ImageFile(BytesIO(png), name=f"{prefix}-{slug}.png"),
        file_size=len(png),
        file_hash=hashlib.sha1(png).hexdigest(),
    )
    image.save()
    return image


def portrait_image(name: str):
    """The portrait image titled ``name``, drawn and stored on first use."""
    return drawn_image(
        title=name,
        description=f"Getekend portret van {name}",
        prefix="portret",
        draw=lambda: portrait_png(name),
    )


def key_figure_upsert(*, wop: NeighbourhoodPage, data: content.KeyFigureData):
    figure, _created = KeyFigure.objects.update_or_create(
        wop=wop,
        name=data.name,
        defaults={
            "role": data.role,
            "phone": data.phone,
            "email": data.email,
            "reachable": data.reachable,
            "photo": portrait_image(data.name),
        },
    )
    return figure


# Buddy projects, sign-ups and matches


def partner_upsert(*, data: content.PartnerData) -> Partner:
    partner = Partner.objects.filter(name=data.name).order_by("pk").first()
    if partner is None:
        partner = Partner(name=data.name)
    partner.phone = data.phone
    partner.email = data.email
    partner.website = data.website
    partner.save()
    return partner


def audiences_for(slugs) -> list[Audience]:
    """The audiences with ``slugs``, in that order; made by a migration."""
    audiences = Audience.objects.in_bulk(slugs, field_name="slug")
    missing = set(slugs) - audiences.keys()
    if missing:
        raise CommandError(
            f"Audiences {', '.join(sorted(missing))} are missing: run "
            "manage.py migrate and then seed_demo again."
        )
    return [audiences[slug] for slug in slugs]


def buddy_projects_upsert(
    *,
    home: HomePage,
    wops: dict[str, NeighbourhoodPage],
    partners: dict[str, Partner],
) -> dict[str, BuddyProjectPage]:
    """The buddy projects, keyed by slug: under their WOP, or city-wide under
    the home page."""
    projects = {}
    for data in content.BUDDY_PROJECTS:
        contact_wop, contact_name = data.contact
        projects[data.slug] = page_upsert(
            parent=wops[data.wop] if data.wop else home,
            page_class=BuddyProjectPage,
            slug=data.slug,
            fields={
                "title": data.title,
                "intro": data.intro,
                "body": data.body,
                "audiences": audiences_for(data.audiences),
                "partner": partners[data.partner],
                "contact": KeyFigure.objects.get(
                    wop=wops[contact_wop], name=contact_name
                ),
                "is_open": data.is_open,
                "closed_message": data.closed_message,
            },
        )
    return projects


def _signup_existing(*, project: BuddyProjectPage, data: content.BuddySignupData):
    signups = BuddySignup.objects.filter(project=project, role=data.role)
    if data.status == BuddySignupStatus.WITHDRAWN:
        # Withdrawn means anonymised: the name is gone; what stays is the
        # withdrawal and the 4-digit postcode area.
        return signups.filter(
            withdrawn_at__isnull=False, postcode=data.postcode[:4]
        ).first()
    return signups.filter(name=data.name).order_by("pk").first()


def buddy_signup_upsert(
    *,
    project: BuddyProjectPage,
    data: content.BuddySignupData,
    volunteers: dict[int, User],
) -> BuddySignup:
    """A sign-up, created once and then left alone: looked up by project and
    name, so whatever the demo's users did with it since stays as it is.

    Made through ``buddy_signup_create``, as on the site. Registered on
    behalf (consent given verbally or on paper) means by the volunteer of the
    sign-up's WOP, who also made the first contact.
    """
    existing = _signup_existing(project=project, data=data)
    if existing is not None:
        return existing
    wop = project.wop or wop_for_postcode(postcode=data.postcode)
    if wop is None:
        raise CommandError(
            f"No WOP covers {data.postcode}, the postcode of demo sign-up {data.name}."
        )
    volunteer = volunteers.get(wop.pk)
    came_in = timezone.now() - timedelta(days=data.days_ago)
    signup = buddy_signup_create(
        project=project,
        wop=wop,
        data={
            "created_at": came_in,
            "name": data.name,
            "email": data.email,
            "phone": data.phone,
            "street": data.street,
            "house_number": data.house_number,
            "postcode": data.postcode,
            "contact_preference": data.contact_preference,
            "role": data.role,
            "interests": list(data.interests),
            "interests_other": data.interests_other,
            "availability": list(data.availability),
            "languages": list(data.languages),
            "languages_other": data.languages_other,
            "meeting_needs": data.meeting_needs,
            "message": data.message,
        },
        consent=_consent(text=content.BUDDY_CONSENT_TEXT, data=data, came_in=came_in),
        registered_by=_registered_by(data=data, volunteer=volunteer),
    )
    if data.status == BuddySignupStatus.WITHDRAWN:
        submission_withdraw(submission=signup)
    elif data.status != BuddySignupStatus.NEW:
        buddy_signup_status_change(signup=signup, status=data.status, by=volunteer)
    return signup


def buddy_match_upsert(
    *,
    data: content.BuddyMatchData,
    signups: dict[tuple[str, str], BuddySignup],
    coordinator: User,
) -> BuddyMatch:
    """A match made by the coordinator ``weeks_ago``, with its recorded
    follow-up if any; looked up by seeker and buddy."""
    seeker = signups[(data.project, data.seeker)]
    buddy = signups[(data.project, data.buddy)]
    match = BuddyMatch.objects.filter(seeker=seeker, buddy=buddy).first()
    if match is not None:
        return match
    match = match_confirm(
        seeker=seeker,
        buddy=buddy,
        by=coordinator,
        started_on=timezone.localdate() - timedelta(weeks=data.weeks_ago),
    )
    if data.follow_up is not None:
        outcome, note = data.follow_up
        match = match_follow_up_record(
            match=match, outcome=outcome, by=coordinator, note=note
        )
    return match


# Neighbour actions: card designs, action pages, requests


def card_design_upsert(*, data: content.CardDesignData) -> CardDesign:
    design, _created = CardDesign.objects.update_or_create(
        name=data.name,
        defaults={
            "kind": data.kind,
            "suggested_text": data.suggested_text,
            "is_offered": True,
            "front_image": drawn_image(
                title=f"Kaart: {data.name}",
                description=f"Kaart met het woord ‘{data.word}’",
                prefix="kaart",
                draw=lambda: card_front_png(data.word, data.colour),
            ),
        },
    )
    return design


ACTION_PAGE_CLASSES = {
    ActionKind.CARD: CardActionPage,
    ActionKind.TREAT: TreatActionPage,
    ActionKind.WAVE_TILE: WaveTileActionPage,
}


def action_page_upsert(*, wop: NeighbourhoodPage, data: content.ActionPageData):
    """The WOP's page for one action: having it is what offers the action."""
    fields = {"title": data.title, "intro": data.intro, "body": data.body}
    relations = None
    if data.kind == ActionKind.TREAT:
        fields["monthly_limit"] = data.monthly_limit
        relations = {
            "treats": [
                {"name": name, "description": description}
                for name, description in data.treats
            ]
        }
    return page_upsert(
        parent=wop,
        page_class=ACTION_PAGE_CLASSES[data.kind],
        slug=data.slug,
        fields=fields,
        relations=relations,
    )


def _action_request_existing(
    *, wop: NeighbourhoodPage, data: content.ActionRequestData
):
    requests = ActionRequest.objects.filter(wop=wop, kind=data.kind)
    if data.status == ActionStatus.WITHDRAWN:
        # Withdrawn means anonymised: no name or address left to find it by.
        return requests.filter(status=ActionStatus.WITHDRAWN).first()
    return (
        requests.filter(
            name=data.name,
            anonymous=data.anonymous,
            recipient_street=data.recipient_street,
            house_number=data.house_number,
        )
        .order_by("pk")
        .first()
    )


# The steps from new or waiting to each demo status, as volunteers take them.
_STEPS = {
    ActionStatus.APPROVED: [ActionStatus.APPROVED],
    ActionStatus.PRINTED: [ActionStatus.APPROVED, ActionStatus.PRINTED],
    ActionStatus.DONE: [ActionStatus.APPROVED, ActionStatus.DONE],
    ActionStatus.DECLINED: [ActionStatus.DECLINED],
}


def action_request_upsert(
    *,
    wop: NeighbourhoodPage,
    data: content.ActionRequestData,
    designs: dict[str, CardDesign],
    pages: dict[tuple[str, str], Page],
    volunteer: User,
) -> ActionRequest:
    """A request, created once and then left alone (like the sign-ups).

    Sent through ``action_request_create``, as a resident sends it: the
    service decides what it starts as (a self-delivered card done at once, a
    treat over the month's limit or a tile without stock on the waiting
    list). Its steps go through the queue's service with the WOP's volunteer,
    so they are logged and approved tiles come out of the stock.
    """
    existing = _action_request_existing(wop=wop, data=data)
    if existing is not None:
        return existing
    came_in = timezone.now() - timedelta(days=data.days_ago)
    page = pages[(data.wop, data.kind)]
    request = action_request_create(
        kind=data.kind,
        wop=wop,
        data={
            "created_at": came_in,
            "name": data.name,
            "phone": data.phone,
            "email": data.email,
            "street": data.street,
            "house_number": data.house_number,
            "postcode": data.postcode,
            "card_design": designs.get(data.card_design),
            "message": data.message,
            "anonymous": data.anonymous,
            "delivery": data.delivery,
            "recipient_street": data.recipient_street,
            "recipient_house_number": data.recipient_house_number,
            "recipient_postcode": data.recipient_postcode,
            "treat": data.treat,
            "treat_for": data.treat_for,
        },
        consent=_consent(text=content.ACTION_CONSENT_TEXT, data=data, came_in=came_in),
        monthly_limit=getattr(page, "monthly_limit", None),
        registered_by=_registered_by(data=data, volunteer=volunteer),
    )
    if data.status == ActionStatus.WITHDRAWN:
        return submission_withdraw(submission=request)
    if request.status != data.status:
        for step in _STEPS.get(data.status, []):
            request = action_request_transition(
                request=request,
                to=step,
                by=volunteer,
                reason=data.decline_reason,
                on=timezone.localdate() - timedelta(days=data.handled_days_ago),
            )
    if request.status != data.status:
        raise CommandError(
            f"Demo request of {data.name or 'an anonymous sender'} in {data.wop} "
            f"is {request.status}, not {data.status}: the demo data breaks a rule."
        )
    return request


def welcome_pack_upsert(
    *, wop: NeighbourhoodPage, data: content.WelcomePackData
) -> WelcomePackPage:
    """The WOP's welcome pack page and its presents. A present's stock is set
    when it is created and then left alone: volunteers count it."""
    page = page_upsert(
        parent=wop,
        page_class=WelcomePackPage,
        slug=content.WELCOME_PACK_SLUG,
        fields={
            "title": content.WELCOME_PACK_TITLE,
            "intro": data.intro,
            "body": data.body,
        },
    )
    for name, stock in data.presents:
        Present.objects.get_or_create(wop=wop, name=name, defaults={"stock": stock})
    return page


# The steps from new to each demo status, as volunteers take them.
_CLAIM_STEPS = {
    ClaimStatus.PACKED: [ClaimStatus.PACKED],
    ClaimStatus.DELIVERED: [ClaimStatus.PACKED, ClaimStatus.DELIVERED],
    ClaimStatus.NOT_DELIVERED: [ClaimStatus.PACKED, ClaimStatus.NOT_DELIVERED],
}


def welcome_claim_upsert(
    *,
    wop: NeighbourhoodPage,
    data: content.WelcomeClaimData,
    volunteer: User,
) -> WelcomePackClaim:
    """A claim, created once and then left alone (like the action requests).

    Made through ``welcome_pack_claim``, as a resident makes it, so the
    present comes out of stock (and an empty one is refused). Its steps go
    through ``claim_transition`` with the WOP's volunteer, so they are
    logged; a withdrawn one through ``claim_withdraw``.
    """
    key = claim_address_key(
        postcode=data.postcode,
        house_number=data.house_number,
        addition=data.house_number_addition,
    )
    claims = WelcomePackClaim.objects.filter(wop=wop)
    if data.status == ClaimStatus.WITHDRAWN:
        # Withdrawn means anonymised: no name or address left to find it by.
        existing = claims.filter(status=ClaimStatus.WITHDRAWN).first()
    else:
        existing = claims.filter(address_key=key).first()
    if existing is not None:
        return existing
    came_in = timezone.now() - timedelta(days=data.days_ago)
    claim = welcome_pack_claim(
        wop=wop,
        data={
            "created_at": came_in,
            "name": data.name,
            "phone": data.phone,
            "email": data.email,
            "street": data.street,
            "house_number": data.house_number,
            "house_number_addition": data.house_number_addition,
            "postcode": data.postcode,
            "contact_preference": "phone" if data.phone else "email",
            "moved_in_on": timezone.localdate()
            - timedelta(days=data.moved_in_days_ago),
            "household_size": data.household_size,
            "preferred_language": data.preferred_language,
            "interests": list(data.interests),
        },
        consent=_consent(text=content.WELCOME_CONSENT_TEXT, data=data, came_in=came_in),
        present=(
            Present.objects.get(wop=wop, name=data.present) if data.present else None
        ),
        registered_by=_registered_by(data=data, volunteer=volunteer),
    )
    if data.status == ClaimStatus.WITHDRAWN:
        return claim_withdraw(submission=claim)
    for step in _CLAIM_STEPS.get(data.status, []):
        claim = claim_transition(
            claim=claim,
            to=step,
            by=volunteer,
            on=timezone.localdate() - timedelta(days=data.handled_days_ago),
            reason=data.not_delivered_reason,
        )
    return claim


def event_index_upsert(*, parent: Page, title: str, slug: str, intro: str):
    """The one calendar under ``parent``: an existing one is kept, whatever
    its slug."""
    fields = {"title": title, "intro": intro}
    existing = EventIndexPage.objects.child_of(parent).first()
    if existing is not None:
        return page_update(existing, fields=fields)
    return page_upsert(
        parent=parent, page_class=EventIndexPage, slug=slug, fields=fields
    )


def _first_of_month(day: date, months_later: int = 0) -> date:
    month = day.month - 1 + months_later
    return date(day.year + month // 12, month % 12 + 1, 1)


def event_schedule(*, data: content.EventData, today: date) -> tuple[dict, list[dict]]:
    """A new activity's schedule fields and its dates off, counted from
    ``today``: a repeating one from the first of this month for
    ``data.months`` months, a one-off ``data.starts_in_days`` from today."""
    fields = {
        "start_time": time.fromisoformat(data.start_time),
        "end_time": time.fromisoformat(data.end_time),
        "repeat": data.repeat,
        "weekdays": list(data.weekdays),
        "monthly_week": data.monthly_week,
        "monthly_weekday": data.monthly_weekday,
    }
    if data.repeat == "once":
        fields |= {
            "start_date": today + timedelta(days=data.starts_in_days),
            "repeat_until": None,
        }
    else:
        start = _first_of_month(today)
        fields |= {
            "start_date": start,
            "repeat_until": _first_of_month(today, data.months) - timedelta(days=1),
        }
    exceptions = []
    if data.skip_after_days is not None:
        earliest = today + timedelta(days=data.skip_after_days)
        skipped = next(
            (day for day in occurrence_dates(EventPage(**fields)) if day >= earliest),
            None,
        )
        if skipped is not None:
            exceptions.append({"date": skipped, "reason": data.skip_reason})
    return fields, exceptions


def event_upsert(
    *, calendar: EventIndexPage, data: content.EventData, partners: dict
) -> EventPage:
    """An activity. What it is and where is brought up to date on every run;
    its schedule is set once, when it is created, and then left alone."""
    fields = {
        "title": data.title,
        "description": data.description,
        "place_name": data.place_name,
        "place_address": data.place_address,
        "kind": data.kind,
        "audiences": audiences_for(data.audiences),
        "organiser": partners[data.organiser] if data.organiser else None,
        "cost": Decimal(data.cost) if data.cost else None,
        "wheelchair_access": data.wheelchair_access,
        "hearing_loop": data.hearing_loop,
        "accessible_toilet": data.accessible_toilet,
        "signup_required": data.signup_required,
        "capacity": data.capacity,
        "max_people_per_signup": data.max_people_per_signup,
    }
    relations = None
    if not Page.objects.child_of(calendar).filter(slug=data.slug).exists():
        schedule, exceptions = event_schedule(data=data, today=timezone.localdate())
        fields |= schedule
        relations = {"exceptions": exceptions}
    return page_upsert(
        parent=calendar,
        page_class=EventPage,
        slug=data.slug,
        fields=fields,
        relations=relations,
    )


def events_upsert(
    *,
    home: HomePage,
    wops: dict[str, NeighbourhoodPage],
    partners: dict[str, Partner],
) -> tuple[list[EventIndexPage], dict[tuple[str | None, str], EventPage]]:
    """A calendar "Activiteiten" for every WOP and the city-wide "Agenda",
    with their activities keyed by (WOP slug or None, slug). Publishing an
    activity stores its dates."""
    calendars = {
        None: event_index_upsert(
            parent=home,
            title=content.CITY_CALENDAR_TITLE,
            slug=content.CITY_CALENDAR_SLUG,
            intro=content.CITY_CALENDAR_INTRO,
        )
    }
    for slug, wop in wops.items():
        calendars[slug] = event_index_upsert(
            parent=wop,
            title=content.EVENT_INDEX_TITLE,
            slug=content.EVENT_INDEX_SLUG,
            intro=content.EVENT_INDEX_INTRO,
        )
    events = {
        (data.wop, data.slug): event_upsert(
            calendar=calendars[data.wop], data=data, partners=partners
        )
        for data in content.EVENTS
    }
    return list(calendars.values()), events


def meal_rsvps_seed(*, event: EventPage, volunteer: User) -> None:
    """The RSVPs of the demo's "Samen eten" on its next two dates, made once
    (while it has none) and then left alone.

    Made through ``rsvp_create`` and ``rsvp_cancel``, as on the site, so the
    places, the waiting list and moving up are the real thing. Nobody is
    mailed: no cancel link is given, and whoever moves up has no e-mail
    address, so a volunteer has to call them. Registered on behalf (consent
    given verbally or on paper) means by the WOP's volunteer.
    """
    if EventRSVP.objects.filter(occurrence__event=event).exists():
        return
    dates = EventOccurrence.objects.upcoming().filter(event=event)[:2]
    for occurrence, rsvps in zip(
        dates, (content.MEAL_FULL_DATE, content.MEAL_NEXT_DATE), strict=False
    ):
        made = [
            (
                data,
                rsvp_create(
                    occurrence=occurrence,
                    wop=event.wop,
                    data={
                        "name": data.name,
                        "email": data.email,
                        "phone": data.phone,
                        "postcode": data.postcode,
                        "people": data.people,
                        "contact_preference": "phone" if data.phone else "email",
                    },
                    consent=consent_record(
                        text=rsvp_consent_purpose(event.title),
                        method=data.consent_method,
                    ),
                    registered_by=_registered_by(data=data, volunteer=volunteer),
                ),
            )
            for data in rsvps
        ]
        for data, rsvp in made:
            if data.cancels:
                rsvp_cancel(submission=rsvp, by=volunteer)


def week_rsvps_seed(*, event: EventPage, rsvps, volunteer: User) -> None:
    """Sign-ups for the first coming date of ``event``, made once (while it
    has none) through ``rsvp_create``, as on the site; nobody is mailed."""
    if EventRSVP.objects.filter(occurrence__event=event).exists():
        return
    occurrence = EventOccurrence.objects.upcoming().filter(event=event).first()
    if occurrence is None:
        return
    for data in rsvps:
        rsvp_create(
            occurrence=occurrence,
            wop=event.wop,
            data={
                "name": data.name,
                "email": data.email,
                "phone": data.phone,
                "postcode": data.postcode,
                "people": data.people,
                "contact_preference": "phone" if data.phone else "email",
            },
            consent=consent_record(
                text=rsvp_consent_purpose(event.title), method=data.consent_method
            ),
            registered_by=_registered_by(data=data, volunteer=volunteer),
        )


def review_draft_seed(*, wop: NeighbourhoodPage, volunteer: User) -> Page | None:
    """The volunteer's change to a street page, saved as a draft and sent for
    review, so the dashboards show a page waiting. Once: a page already in
    review, or that has been reviewed since, is left alone. None (and
    nothing done) when the neighbourhood tree has no review workflow yet.

    Starting the workflow tells the reviewers, as it does on the site: the
    only e-mail the seed causes, and it goes to staff, never to a resident.
    """
    _wop_slug, street_slug, body = content.REVIEW_DRAFT
    page = StreetPage.objects.child_of(wop).filter(slug=street_slug).first()
    if page is None:
        return None
    workflow = page.get_workflow()
    if workflow is None:
        return None
    if page.workflow_states.exists():
        return page if page.workflow_in_progress else None
    page.body = body
    page.save_revision(user=volunteer, log_action=True)
    workflow.start(page, volunteer)
    return page


def meal_full_date_summary(*, event: EventPage) -> str:
    """ "Thursday 12 March: 12 of 12 places, 2 on the waiting list, 1 to call
    (…)" for the first coming date of ``event`` with a waiting list, or ""."""
    for occurrence in EventOccurrence.objects.upcoming().filter(event=event):
        rsvps = occurrence.rsvps.active()
        waiting = rsvps.filter(status="waiting").count()
        if not waiting:
            continue
        confirmed = sum(rsvps.confirmed().values_list("people", flat=True))
        to_call = rsvps.confirmed().filter(
            promoted_at__isnull=False, promotion_told=False
        )
        names = [rsvp.name for rsvp in to_call]
        return (
            f"{occurrence.date:%A %d %B}: {confirmed} of {event.capacity} places, "
            f"{waiting} on the waiting list, {len(names)} to call"
            + (f" ({', '.join(names)})" if names else "")
        )
    return ""


# Site settings and users


def site_settings_update(*, site: Site, privacy_page: Page, accessibility_page: Page):
    settings = SiteSettings.for_site(site)
    settings.organisation_name = content.ORGANISATION_NAME
    settings.contact_phone = content.CONTACT_PHONE
    settings.contact_email = content.CONTACT_EMAIL
    settings.contact_hours = content.CONTACT_HOURS
    settings.accessibility_page = accessibility_page
    settings.save()
    privacy = PrivacySettings.for_site(site)
    privacy.privacy_page = privacy_page
    privacy.save()
    return settings


def user_upsert(*, data: content.DemoUser, is_superuser: bool = False, **fields):
    """A demo user with a known password and a verified e-mail address, so the
    printed login works at /account/login/ and in the admin."""
    user = User.objects.filter(email=data.email).first() or User(email=data.email)
    user.first_name = data.first_name
    user.last_name = data.last_name
    user.is_active = True
    user.is_staff = is_superuser
    user.is_superuser = is_superuser
    for name, value in fields.items():
        setattr(user, name, value)
    user.set_password(data.password)
    user.save()
    EmailAddress.objects.filter(user=user).exclude(email=data.email).update(
        primary=False
    )
    EmailAddress.objects.update_or_create(
        user=user, email=data.email, defaults={"verified": True, "primary": True}
    )
    return user


def volunteer_upsert(*, wop: NeighbourhoodPage, data: content.DemoUser):
    """A volunteer in exactly ``wop``'s volunteer group."""
    user = user_upsert(data=data, home_wop=wop)
    user.groups.set([wop_group(wop)])
    return user
