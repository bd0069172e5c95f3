"""``manage.py seed_demo``: a complete demo site, and nothing doubled on a rerun."""

import io
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision, Site

from events.admin.viewsets import attendance_viewset
from events.models import (
    EventIndexPage,
    EventOccurrence,
    EventPage,
    EventRSVP,
    RSVPStatus,
)
from events.recurrence import occurrence_dates
from home.demo import content
from home.models import HomePage, SiteSettings, StandardPage
from neighbourhood.models import (
    AVAILABILITY_CHOICES,
    ActionKind,
    ActionRequest,
    ActionStatus,
    BuddyMatch,
    BuddyProjectPage,
    BuddySignup,
    BuddySignupStatus,
    CardDesign,
    ConsentMethod,
    FollowUpOutcome,
    Interest,
    KeyFigure,
    Language,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    OutboxEmail,
    Partner,
    PostcodeArea,
    PrivacySettings,
    StreetContact,
    StreetPage,
    TileStock,
    User,
)
from neighbourhood.scoping.access import wop_group
from neighbourhood.wops.selectors import wop_for_postcode
from tests.dashboard import on_behalf_keys, todo_counts
from welcome_pack.models import ClaimStatus, Present, WelcomePackClaim, WelcomePackPage
from welcome_pack.selectors import claim_is_overdue

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


def assert_demo_complete() -> None:
    assert NeighbourhoodPage.objects.live().count() == 4
    assert not Page.objects.not_live().exists()
    assert not KeyFigure.objects.filter(photo__isnull=True).exists()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    privacy = StandardPage.objects.get(slug="privacy")
    assert privacy.live
    privacy_settings = PrivacySettings.for_site(site_settings.site)
    assert privacy_settings.privacy_page.specific == privacy
    assert site_settings.accessibility_page.slug == "toegankelijkheid"
    assert site_settings.organisation_name == "Verbuurzamen Capelle"

    for data in content.WOPS:
        wop = NeighbourhoodPage.objects.get(slug=data.slug)
        volunteer = User.objects.get(email=data.volunteer.email)
        assert list(volunteer.groups.all()) == [wop_group(wop)]
        assert volunteer.home_wop == wop
        assert volunteer.get_full_name()
        assert wop_for_postcode(postcode=data.example_postcode) == wop
    assert wop_for_postcode(postcode="2903 MZ").slug == "middelwatering"
    assert wop_for_postcode(postcode="2903 NA").slug == "oostgaarde"
    assert wop_for_postcode(postcode=content.UNCOVERED_POSTCODE) is None

    coordinator = User.objects.get(email=content.COORDINATOR.email)
    assert [group.name for group in coordinator.groups.all()] == ["Coordinators"]
    assert User.objects.get(email=content.ADMIN.email).is_superuser
    assert_buddies_complete()
    assert_events_complete()
    assert_actions_complete()


def assert_buddies_complete() -> None:
    coordinator = User.objects.get(email=content.COORDINATOR.email)
    projects = BuddyProjectPage.objects.live()
    assert projects.count() == len(content.BUDDY_PROJECTS)
    city_wide = [project for project in projects if project.wop is None]
    assert {project.slug for project in city_wide} == {
        "jongerenmaatje",
        "na-het-verlies",
    }
    youth = BuddyProjectPage.objects.get(slug="jongerenmaatje")
    assert [a.slug for a in youth.audiences.all()] == ["young-people"]
    for project in projects:
        assert project.partner is not None
        assert project.contact is not None
        assert project.audiences.exists()
        if project.wop is not None:
            assert project.contact.wop == project.wop
    closed = projects.filter(is_open=False)
    assert closed.count() == 1
    assert closed.get().closed_message
    # Every WOP has a project of its own.
    assert {project.wop.slug for project in projects if project.wop} == {
        wop.slug for wop in content.WOPS
    }

    signups = BuddySignup.objects.all()
    assert set(signups.values_list("status", flat=True)) == set(
        BuddySignupStatus.values
    )
    assert set(signups.values_list("role", flat=True)) == {"seeker", "buddy"}
    for signup in signups.active():
        # Each sign-up is in the WOP its address belongs to, and reachable.
        assert wop_for_postcode(postcode=signup.postcode) == signup.wop
        if signup.project.wop is not None:
            assert signup.wop == signup.project.wop
        assert signup.email or signup.phone
        assert set(signup.interests) <= set(Interest.values)
        assert set(signup.languages) <= set(Language.values)
        assert set(signup.availability) <= {code for code, _ in AVAILABILITY_CHOICES}
        if signup.consent_method == ConsentMethod.ONLINE:
            assert signup.registered_by is None
        else:
            assert signup.registered_by.home_wop == signup.wop
    assert not signups.filter(email__endswith="@verbuurzamen.nl").exists()
    withdrawn = signups.get(status=BuddySignupStatus.WITHDRAWN)
    assert withdrawn.anonymised_at is not None
    assert withdrawn.name == withdrawn.email == withdrawn.phone == ""

    hans = signups.get(name=content.HANS.name)
    assert hans.email == ""
    assert hans.phone
    assert hans.contact_preference == "phone"
    assert hans.interests == ["chess"]
    assert "rollator" in hans.meeting_needs
    assert hans.status == BuddySignupStatus.NEW
    assert hans.consent_method == ConsentMethod.VERBAL
    assert hans.registered_by.email == content.WOPS[0].volunteer.email
    # Someone the coordinator can match him with: a chess-playing buddy in
    # his project, free on one of his afternoons, not matched yet.
    chess_buddies = [
        signup
        for signup in signups.filter(
            project=hans.project,
            role="buddy",
            status__in=[BuddySignupStatus.NEW, BuddySignupStatus.CONTACTED],
        )
        if "chess" in signup.interests
        and set(signup.availability) & set(hans.availability)
    ]
    assert chess_buddies

    matches = BuddyMatch.objects.all()
    assert matches.follow_up_due().exists()
    assert matches.filter(
        follow_up_outcome=FollowUpOutcome.GOING_WELL, ended_on__isnull=True
    ).exists()
    assert matches.filter(ended_on__isnull=False).exists()
    for match in matches:
        assert match.created_by == coordinator
        assert match.seeker.role == "seeker"
        assert match.buddy.role == "buddy"
        # Both signed up before they were matched.
        assert match.seeker.created_at.date() < match.started_on
        assert match.buddy.created_at.date() < match.started_on


def assert_events_complete() -> None:
    """A calendar per WOP and a city-wide one, a month of activities around
    today with dates stored, and a full "Samen eten" with a waiting list."""
    today = timezone.localdate()
    agenda = EventIndexPage.objects.get(slug="agenda")
    assert isinstance(agenda.get_parent().specific, HomePage)
    assert agenda.wop is None
    for data in content.WOPS:
        wop = NeighbourhoodPage.objects.get(slug=data.slug)
        calendar = EventIndexPage.objects.child_of(wop).get()
        assert calendar.title == "Activiteiten"
        assert EventPage.objects.child_of(calendar).count() >= 3
        # Something on in the coming four weeks, for the WOP page and poster.
        assert (
            EventOccurrence.objects.upcoming()
            .filter(wop=wop, date__lte=today + timedelta(weeks=4))
            .exists()
        )

    events = EventPage.objects.live()
    assert events.count() == len(content.EVENTS)
    for event in events:
        dates = list(event.occurrences.all())
        assert dates, f"{event.title} has no dates"
        assert {occurrence.wop for occurrence in dates} == {event.wop}
        assert event.audiences.exists()
        assert event.start_date <= today + timedelta(days=31)
        if event.repeat != "once":
            assert event.repeat_until - event.start_date < timedelta(days=2 * 366)
    assert events.exclude(repeat="once").count() >= 6
    assert any(len(event.weekdays) > 1 for event in events)
    assert {event.organiser.name for event in events if event.organiser} == {
        data.name for data in content.PARTNERS
    }
    assert events.filter(wheelchair_access=True, hearing_loop=True).exists()
    youth = events.get(slug="jongerenavond")
    assert [a.slug for a in youth.audiences.all()] == ["young-people"]
    assert "newcomers" in events.get(slug="taalcafe").audiences.values_list(
        "slug", flat=True
    )
    chess = events.get(slug="schaakmiddag")
    assert chess.repeat == "monthly"
    for occurrence in chess.occurrences.all():
        # Every first Wednesday.
        assert occurrence.date.weekday() == 2
        assert occurrence.date.day <= 7
    coffee = events.get(slug="koffieochtend")
    skipped = coffee.exceptions.get()
    assert coffee.occurrences.get(date=skipped.date).is_cancelled
    assert skipped.date > today

    meal = events.get(slug="samen-eten")
    assert meal.signup_required
    assert meal.capacity == 12
    rsvps = EventRSVP.objects.filter(occurrence__event=meal)
    assert set(rsvps.values_list("wop__slug", flat=True)) == {"schollevaar"}
    volunteer = User.objects.get(email=content.WOPS[0].volunteer.email)
    full = rsvps.filter(status=RSVPStatus.WAITING).get(name="Yonas Tesfay").occurrence
    assert full.date >= today
    assert not full.is_past
    on_full = rsvps.filter(occurrence=full)
    assert sum(on_full.confirmed().values_list("people", flat=True)) == 12
    assert [r.name for r in on_full.waiting()] == ["Yonas Tesfay", "Corrie Bos"]
    moved_up = on_full.get(name="Hans van Leeuwen")
    assert moved_up.status == RSVPStatus.CONFIRMED
    assert moved_up.promoted_at is not None
    assert not moved_up.promotion_told
    assert moved_up.email == ""
    cancelled = on_full.get(status=RSVPStatus.CANCELLED)
    assert cancelled.anonymised_at is not None
    assert cancelled.name == cancelled.phone == ""
    for rsvp in rsvps.active():
        assert rsvp.email or rsvp.phone
        assert "Samen eten" in rsvp.consent_text
        if rsvp.consent_method == ConsentMethod.ONLINE:
            assert rsvp.registered_by is None
        else:
            assert rsvp.registered_by == volunteer
    assert rsvps.exclude(occurrence=full).exists()


def assert_actions_complete() -> None:
    """Each WOP its own mix of actions, requests in every step, tiles placed
    in streets that have a street page, and the stock used by approvals."""
    offered = {
        wop.slug: {
            page.specific.action_kind
            for page in wop.get_children().specific()
            if hasattr(page, "action_kind") and page.action_kind
        }
        for wop in NeighbourhoodPage.objects.all()
    }
    assert offered == {
        "schollevaar": {"card", "wave_tile"},
        "oostgaarde": {"card", "treat"},
        "middelwatering": {"wave_tile"},
        "s-gravenland": {"treat"},
    }
    for design in CardDesign.objects.all():
        assert design.front_image.width < design.front_image.height  # portrait

    requests = ActionRequest.objects.all()
    assert set(requests.values_list("status", flat=True)) == set(ActionStatus.values)
    for request in requests.active():
        assert request.kind in offered[request.wop.slug]
        assert (
            wop_for_postcode(postcode=request.postcode or request.recipient_postcode)
            == request.wop
        )
        if request.consent_method == ConsentMethod.ONLINE:
            assert request.registered_by is None
    cards = requests.filter(kind=ActionKind.CARD)
    assert cards.filter(anonymous=True, name="").exists()
    assert cards.filter(delivery="self", status=ActionStatus.DONE).exists()
    assert cards.filter(delivery="volunteer", status=ActionStatus.APPROVED).exists()
    assert requests.filter(kind=ActionKind.TREAT, status=ActionStatus.WAITING).exists()
    declined = requests.get(status=ActionStatus.DECLINED)
    assert declined.decline_reason
    assert declined.email == ""  # so the seed mails nobody

    placed = requests.filter(kind=ActionKind.WAVE_TILE, status=ActionStatus.DONE)
    assert placed.count() >= 3
    for tile in placed:
        assert tile.handled_on is not None
        streets = " ".join(
            StreetPage.objects.child_of(tile.wop).values_list("streets", flat=True)
        )
        assert tile.street in streets
    for slug, quantity in content.TILE_STOCK.items():
        taken = requests.filter(
            wop__slug=slug,
            kind=ActionKind.WAVE_TILE,
            status__in=[ActionStatus.APPROVED, ActionStatus.PRINTED, ActionStatus.DONE],
        ).count()
        assert TileStock.objects.get(wop__slug=slug).quantity == quantity - taken


def assert_welcome_packs_complete() -> None:
    """A pack in every WOP, one present out of stock, claims in every step,
    one of them late, each in the WOP of its postcode."""
    for wop in NeighbourhoodPage.objects.all():
        assert WelcomePackPage.objects.child_of(wop).live().exists()
        assert Present.objects.filter(wop=wop).count() >= 2
    assert Present.objects.filter(stock=0).count() == 1
    claims = WelcomePackClaim.objects.all()
    assert set(claims.values_list("status", flat=True)) == set(ClaimStatus.values)
    assert {claim.name for claim in claims if claim_is_overdue(claim)} == {
        "Mehmet Yildiz",
        "Familie Öztürk",
        "Ahmad Karimi",
        "Familie Bakker",
    }
    assert claims.get(name=content.WELCOME_YONAS.name).preferred_language == "ti"
    patricia = claims.get(name=content.WELCOME_PATRICIA.name)
    assert patricia.household_size == 2
    for claim in claims.active():
        assert wop_for_postcode(postcode=claim.postcode) == claim.wop
        assert claim.present is None or claim.present.wop == claim.wop
    delivered = claims.get(name="Ingrid Bos")
    assert delivered.delivered_on is not None
    assert delivered.delivered_by.groups.filter(wop_role__wop=delivered.wop).exists()
    assert claims.get(status=ClaimStatus.NOT_DELIVERED).not_delivered_reason
    withdrawn = claims.get(status=ClaimStatus.WITHDRAWN)
    assert withdrawn.name == withdrawn.email == withdrawn.address_key == ""


def assert_output_lists_the_logins(output: str) -> None:
    assert "http://127.0.0.1:8000/beheer/" in output
    assert content.UNCOVERED_POSTCODE in output
    for login in (content.ADMIN, content.COORDINATOR) + tuple(
        wop.volunteer for wop in content.WOPS
    ):
        assert login.email in output
        assert login.password in output
        user = User.objects.get(email=login.email)
        assert user.check_password(login.password)
        validate_password(login.password, user)
        assert EmailAddress.objects.get(user=user, primary=True).verified


@pytest.mark.django_db
def test_seed_builds_the_demo_and_a_second_run_duplicates_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    first_output = seed()
    after_first = counts()
    log_entries = (PageLogEntry.objects.count(), ModelLogEntry.objects.count())
    second_output = seed()

    assert after_first == expected_counts()
    assert counts() == after_first
    assert (PageLogEntry.objects.count(), ModelLogEntry.objects.count()) == (
        log_entries
    )
    assert_demo_complete()
    assert_output_lists_the_logins(first_output)
    assert_output_lists_the_logins(second_output)
    assert (
        f"Buddy projects ({len(content.BUDDY_SIGNUPS)} sign-ups, "
        f"{len(content.BUDDY_MATCHES)} matches, 4 follow-ups due)" in first_output
    )
    assert content.HANS.name in first_output
    assert (
        f"Activities ({len(content.EVENTS)} activities with "
        f"{after_first['activity dates']} dates, "
        f"{after_first['event RSVPs']} RSVPs)" in first_output
    )
    assert "2 on the waiting list, 1 to call (Hans van Leeuwen)" in first_output
    assert (
        f"Neighbour actions ({len(content.ACTION_REQUESTS)} requests)" in first_output
    )
    assert f"Welcome packs ({len(content.WELCOME_CLAIMS)} claims)" in first_output
    assert_welcome_packs_complete()


@pytest.mark.django_db
def test_seed_restores_a_buddy_projects_audiences(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seed()
    project = BuddyProjectPage.objects.get(slug="jongerenmaatje")
    project.audiences = []
    project.save_revision().publish()
    revisions = Revision.objects.count()

    seed()
    seed()

    project = BuddyProjectPage.objects.get(slug="jongerenmaatje")
    assert [audience.slug for audience in project.audiences.all()] == ["young-people"]
    assert Revision.objects.count() == revisions + 1


@pytest.mark.django_db
def test_seeded_site_shows_the_wops_finds_by_postcode_and_lets_volunteers_in(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed()
    schollevaar = NeighbourhoodPage.objects.get(slug="schollevaar")
    volunteer = content.WOPS[0].volunteer

    home = client.get("/")
    found = client.get(
        reverse("neighbourhood:find_neighbourhood"), {"postcode": "2906 AB"}
    )
    # Verified, so allauth's mandatory e-mail verification lets them straight in.
    login = client.post(
        reverse("account_login"),
        {"login": volunteer.email, "password": volunteer.password},
    )

    assert home.status_code == 200
    for data in content.WOPS:
        assert escape(data.title) in home.content.decode()
    assert found.status_code == 302
    assert found.url == schollevaar.url
    assert login.status_code == 302
    assert login.url == "/"


@pytest.mark.django_db
def test_seeded_volunteer_sees_this_weeks_full_meal_and_prints_its_list(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed()
    volunteer = User.objects.get(email=content.WOPS[0].volunteer.email)
    full = EventRSVP.objects.get(name="Yonas Tesfay").occurrence
    client.force_login(volunteer)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    attendee_list = client.get(
        reverse(attendance_viewset.get_url_name("print"), args=[full.pk])
    )

    assert "Aanmeldingen deze week" in dashboard
    assert "Samen eten" in dashboard
    assert "Hans van Leeuwen" in dashboard
    # Schollevaar's volunteer sees no other WOP's activities.
    assert "Open tafel" not in dashboard
    assert attendee_list.status_code == 200
    assert len(attendee_list.context["confirmed"]) == 7
    assert [r.name for r in attendee_list.context["waiting"]] == [
        "Yonas Tesfay",
        "Corrie Bos",
    ]


# Rows every demo volunteer's "Te doen per wijk" shows for their WOP.
DEMO_DASHBOARD_ROWS = {
    "buddy_signups_new",
    "buddy_follow_ups_due",
    "actions_new",
    "welcome_packs_packed",
    "welcome_packs_overdue",
    "rsvps_this_week",
}


@pytest.mark.django_db
def test_each_seeded_volunteer_has_things_to_do_in_their_own_wop(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed()

    for data in content.WOPS:
        wop = NeighbourhoodPage.objects.get(slug=data.slug)
        client.force_login(User.objects.get(email=data.volunteer.email))

        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

        counts = todo_counts(dashboard)
        assert list(counts) == [wop.pk], data.title
        assert DEMO_DASHBOARD_ROWS <= counts[wop.pk].keys(), data.title
        assert all(count > 0 for count in counts[wop.pk].values())
        assert on_behalf_keys(dashboard) == [
            "buddy_signup",
            "action_request",
            "welcome_pack_claim",
            "event_rsvp",
        ]


@pytest.mark.django_db
def test_seeded_street_page_waits_for_review_and_only_staff_are_mailed(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed()
    if not _review_workflow_exists():
        pytest.skip("No review workflow on the neighbourhood pages.")
    wop_slug, street_slug, body = content.REVIEW_DRAFT
    page = StreetPage.objects.get(slug=street_slug)
    volunteer = User.objects.get(email=content.WOPS[0].volunteer.email)
    client.force_login(volunteer)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    seed()

    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().body == body
    assert StreetPage.objects.get(pk=page.pk).body != body  # not live yet
    wop = NeighbourhoodPage.objects.get(slug=wop_slug)
    assert todo_counts(dashboard)[wop.pk]["pages_in_review"] == 1
    staff = set(User.objects.filter(is_staff=True).values_list("email", flat=True))
    staff.add(content.COORDINATOR.email)
    for email in OutboxEmail.objects.all():
        assert set(email.to) <= staff
    # The second run neither publishes the draft nor sends it again.
    assert StreetPage.objects.get(pk=page.pk).workflow_in_progress
    assert page.workflow_states.count() == 1
