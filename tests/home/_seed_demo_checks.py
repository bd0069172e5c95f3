"""What the seeded demo holds, part by part: buddies, activities, neighbour
actions and welcome packs."""

from datetime import timedelta

from django.utils import timezone

from events.models import (
    EventIndexPage,
    EventOccurrence,
    EventPage,
    EventRSVP,
    RSVPStatus,
)
from home.demo import content
from home.models import HomePage, User
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
    Language,
    NeighbourhoodPage,
    StreetPage,
    TileStock,
    profile_for,
)
from neighbourhood.wops.selectors import wop_for_postcode
from welcome_pack.models import ClaimStatus, Present, WelcomePackClaim, WelcomePackPage
from welcome_pack.selectors import claim_is_overdue


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
            assert profile_for(signup.registered_by).home_wop == signup.wop
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
    # The home page promises a compliment card and an invitation.
    offered_designs = CardDesign.objects.filter(is_offered=True)
    assert offered_designs.filter(kind="compliment", name="Compliment").exists()
    assert offered_designs.filter(kind="invitation").exists()

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
