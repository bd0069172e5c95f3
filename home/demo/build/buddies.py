"""Buddy projects, their partners, sign-ups and matches."""

from datetime import timedelta

from django.core.management.base import CommandError
from django.utils import timezone

from home.demo import content
from home.demo.build.pages import page_upsert
from home.demo.build.submissions import consent_as_given, registered_by_for
from home.models import HomePage, User
from neighbourhood.buddies.services import (
    buddy_signup_create,
    buddy_signup_status_change,
    match_confirm,
    match_follow_up_record,
)
from neighbourhood.models import (
    Audience,
    BuddyMatch,
    BuddyProjectPage,
    BuddySignup,
    BuddySignupStatus,
    KeyFigure,
    NeighbourhoodPage,
    Partner,
)
from neighbourhood.submissions.services import submission_withdraw
from neighbourhood.wops.selectors import wop_for_postcode


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
        consent=consent_as_given(
            text=content.BUDDY_CONSENT_TEXT, data=data, came_in=came_in
        ),
        registered_by=registered_by_for(data=data, volunteer=volunteer),
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
