"""The scale data set's submissions of every kind, inserted in bulk."""

from collections import defaultdict
from datetime import timedelta

from django.utils.text import slugify

from events.forms import rsvp_consent_purpose
from events.models import EventOccurrence, EventPage, EventRSVP, RSVPStatus
from home.demo import content
from home.demo.build.actions import card_design_upsert
from home.demo.scale.common import (
    FIRST_NAMES,
    HISTORY_DAYS,
    LAST_NAMES,
    ScaleWop,
    batched_create,
)
from neighbourhood.models import (
    AVAILABILITY_CHOICES,
    ActionKind,
    ActionRequest,
    ActionStatus,
    BuddyMatch,
    BuddySignup,
    BuddySignupStatus,
    CardDesign,
    ConsentMethod,
    Interest,
    Language,
)
from neighbourhood.models.buddies import FOLLOW_UP_AFTER
from neighbourhood.submissions.services import consent_record
from neighbourhood.wops.postcodes import address_key
from welcome_pack.models import ClaimStatus, FurtherInterest, WelcomePackClaim

# Shares of the submissions per kind, and of the activities per repeat.
SUBMISSION_SHARES = (("rsvp", 35), ("buddy", 20), ("action", 30), ("claim", 15))
ANONYMISED_SHARE = 0.05


def _kind_counts(total: int) -> dict[str, int]:
    whole = sum(share for _kind, share in SUBMISSION_SHARES)
    counts = {kind: total * share // whole for kind, share in SUBMISSION_SHARES}
    counts["rsvp"] += total - sum(counts.values())
    return counts


def _person(rng, *, n: int, wop: ScaleWop, created_at, method=None) -> dict:
    """A resident's contact fields and consent, in ``wop``'s area."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    postcode, number = wop.new_address()
    email = (
        f"{slugify(first)}.{slugify(last)}.{n}@example.org"
        if rng.random() < 0.6
        else ""
    )
    phone = (
        f"06-{rng.randint(10000000, 99999999)}"
        if not email or rng.random() < 0.5
        else ""
    )
    method = (
        method
        or rng.choices(
            (ConsentMethod.ONLINE, ConsentMethod.VERBAL, ConsentMethod.PAPER), (8, 1, 1)
        )[0]
    )
    return {
        "wop": wop.page,
        "created_at": created_at,
        "name": f"{first} {last}",
        "email": email,
        "phone": phone,
        "street": rng.choice(wop.streets) if wop.streets else "Kerkstraat",
        "house_number": number,
        "postcode": postcode,
        "contact_preference": "email" if email else "phone",
        "consent_at": created_at,
        "consent_method": method,
        "registered_by": wop.volunteer if method != ConsentMethod.ONLINE else None,
    }


def _anonymise(submission, *, at) -> None:
    """What ``submission_anonymise`` leaves: no person, the 4-digit area."""
    for name in submission.personal_fields:
        value = getattr(submission, name)
        setattr(submission, name, [] if isinstance(value, list) else "")
    submission.postcode = submission.postcode[:4]
    submission.withdrawn_at = submission.anonymised_at = at
    submission.status = submission.withdrawn_status


def submissions_create(
    *,
    wops: list[ScaleWop],
    events: list[EventPage],
    occurrences: list[EventOccurrence],
    count: int,
    rng,
    now,
) -> dict[str, int]:
    """``count`` submissions over the four kinds, the WOPs and the last two
    years, statuses mixed, one in twenty withdrawn and anonymised."""
    counts = _kind_counts(count)
    version = consent_record(text="")["consent_privacy_version"]
    designs = list(CardDesign.objects.filter(is_offered=True)) or [
        card_design_upsert(data=data) for data in content.CARD_DESIGNS
    ]
    serial = 0

    def came_in():
        return now - timedelta(seconds=rng.randint(0, HISTORY_DAYS * 86400))

    def person(wop, created_at, **kw):
        nonlocal serial
        serial += 1
        return _person(rng, n=serial, wop=wop, created_at=created_at, **kw)

    def later(created_at, days):
        return min(now, created_at + timedelta(days=rng.randint(1, days)))

    wop_of = {w.page.pk: w for w in wops}

    # Buddy sign-ups, and matches between the matched ones of a project.
    signups = []
    buddy_statuses = (
        (BuddySignupStatus.NEW, 30),
        (BuddySignupStatus.CONTACTED, 25),
        (BuddySignupStatus.MATCHED, 30),
        (BuddySignupStatus.ENDED, 15),
    )
    for _ in range(counts["buddy"]):
        wop = rng.choice(wops)
        created_at = came_in()
        signup = BuddySignup(
            **person(wop, created_at),
            project=wop.project,
            role=rng.choice(("seeker", "buddy")),
            interests=rng.sample(Interest.values, rng.randint(1, 3)),
            availability=rng.sample(
                [code for code, _label in AVAILABILITY_CHOICES], rng.randint(1, 4)
            ),
            languages=["nl"] + rng.sample(Language.values[1:-1], rng.randint(0, 1)),
            status=rng.choices(*zip(*buddy_statuses, strict=True))[0],
            consent_text=str(content.BUDDY_CONSENT_TEXT),
            consent_privacy_version=version,
        )
        if rng.random() < ANONYMISED_SHARE:
            _anonymise(signup, at=later(created_at, 60))
        signups.append(signup)
    signups = batched_create(BuddySignup, signups)
    waiting = defaultdict(lambda: {"seeker": [], "buddy": []})
    for signup in signups:
        if signup.status == BuddySignupStatus.MATCHED:
            waiting[signup.wop_id][signup.role].append(signup)
    matches = []
    for wop_id, roles in waiting.items():
        for seeker, buddy in zip(roles["seeker"], roles["buddy"], strict=False):
            started = max(seeker.created_at, buddy.created_at).date() + timedelta(7)
            started = min(started, now.date())
            matches.append(
                BuddyMatch(
                    wop_id=wop_id,
                    seeker=seeker,
                    buddy=buddy,
                    started_on=started,
                    follow_up_on=started + FOLLOW_UP_AFTER,
                    created_by=wop_of[wop_id].volunteer,
                )
            )
    batched_create(BuddyMatch, matches)

    # Neighbour actions.
    requests = []
    action_statuses = (
        (ActionStatus.NEW, 20),
        (ActionStatus.WAITING, 5),
        (ActionStatus.APPROVED, 15),
        (ActionStatus.PRINTED, 10),
        (ActionStatus.DONE, 40),
        (ActionStatus.DECLINED, 10),
    )
    for _ in range(counts["action"]):
        wop = rng.choice(wops)
        created_at = came_in()
        kind = rng.choice(ActionKind.values)
        fields = person(wop, created_at)
        status = rng.choices(*zip(*action_statuses, strict=True))[0]
        extra = {}
        if kind in (ActionKind.CARD, ActionKind.TREAT):
            postcode, number = wop.new_address()
            extra = {
                "recipient_street": rng.choice(wop.streets) if wop.streets else "",
                "recipient_house_number": number,
                "recipient_postcode": postcode,
            }
        if kind == ActionKind.CARD:
            extra |= {
                "card_design": rng.choice(designs),
                "message": "Fijn dat u onze buur bent!",
                "anonymous": rng.random() < 0.2,
                "delivery": rng.choice(("volunteer", "self")),
            }
            if extra["delivery"] == "self":
                status = ActionStatus.DONE
        elif kind == ActionKind.TREAT:
            extra |= {
                "treat": "Appeltaart",
                "treat_for": rng.choice(("neighbour", "together")),
            }
        else:
            extra["address_key"] = address_key(
                fields["postcode"], fields["house_number"]
            )
        request = ActionRequest(
            **fields,
            **extra,
            kind=kind,
            status=status,
            handled_on=(
                later(created_at, 21).date() if status == ActionStatus.DONE else None
            ),
            decline_reason=(
                "Dit adres valt buiten de wijk."
                if status == ActionStatus.DECLINED
                else ""
            ),
            consent_text=str(content.ACTION_CONSENT_TEXT),
            consent_privacy_version=version,
        )
        if rng.random() < ANONYMISED_SHARE:
            _anonymise(request, at=later(created_at, 30))
        requests.append(request)
    batched_create(ActionRequest, requests)

    # Welcome-pack claims: one per address.
    claims = []
    claim_statuses = (
        (ClaimStatus.NEW, 15),
        (ClaimStatus.PACKED, 10),
        (ClaimStatus.DELIVERED, 70),
        (ClaimStatus.NOT_DELIVERED, 5),
    )
    for _ in range(counts["claim"]):
        wop = rng.choice(wops)
        created_at = came_in()
        fields = person(wop, created_at)
        addition = "A" if rng.random() < 0.1 else ""
        status = rng.choices(*zip(*claim_statuses, strict=True))[0]
        delivered = status == ClaimStatus.DELIVERED
        claim = WelcomePackClaim(
            **fields,
            house_number_addition=addition,
            moved_in_on=created_at.date() - timedelta(days=rng.randint(0, 60)),
            household_size=rng.randint(1, 5),
            preferred_language=rng.choice(Language.values),
            present=rng.choice(wop.presents) if rng.random() < 0.8 else None,
            interests=rng.sample(FurtherInterest.values, rng.randint(0, 2)),
            status=status,
            delivered_on=later(created_at, 14).date() if delivered else None,
            delivered_by=wop.volunteer if delivered else None,
            not_delivered_reason=(
                "Niemand thuis, drie keer geprobeerd."
                if status == ClaimStatus.NOT_DELIVERED
                else ""
            ),
            address_key=address_key(
                fields["postcode"], f"{fields['house_number']}{addition}"
            ),
            consent_text=str(content.WELCOME_CONSENT_TEXT),
            consent_privacy_version=version,
        )
        if rng.random() < ANONYMISED_SHARE:
            _anonymise(claim, at=later(created_at, 90))
        claims.append(claim)
    batched_create(WelcomePackClaim, claims)

    # RSVPs, for dates of activities that take sign-ups (any date when none
    # does); a city-wide activity's RSVP goes to a random WOP.
    event_ids = {event.pk for event in events if event.signup_required}
    open_dates = [o for o in occurrences if o.event_id in event_ids] or occurrences
    titles = {event.pk: event.title for event in events}
    rsvps = []
    earliest = now - timedelta(days=HISTORY_DAYS)
    for _ in range(counts["rsvp"] if open_dates else 0):
        occurrence = rng.choice(open_dates)
        wop = wop_of[occurrence.wop_id] if occurrence.wop_id else rng.choice(wops)
        created_at = min(now, occurrence.starts_at) - timedelta(
            seconds=rng.randint(3600, 30 * 86400)
        )
        created_at = max(created_at, earliest)
        status = rng.choices(
            (RSVPStatus.CONFIRMED, RSVPStatus.WAITING, RSVPStatus.CANCELLED),
            (85, 5, 10),
        )[0]
        past = occurrence.ends_at < now
        rsvp = EventRSVP(
            **person(wop, created_at),
            occurrence=occurrence,
            people=rng.choices((1, 2, 3), (6, 3, 1))[0],
            status=status,
            attended=(
                rng.random() < 0.85 if past and status == RSVPStatus.CONFIRMED else None
            ),
            consent_text=str(rsvp_consent_purpose(titles[occurrence.event_id])),
            consent_privacy_version=version,
        )
        if rng.random() < ANONYMISED_SHARE:
            _anonymise(rsvp, at=later(created_at, 30))
        rsvps.append(rsvp)
    batched_create(EventRSVP, rsvps)
    return {
        "buddy sign-ups": len(signups),
        "buddy matches": len(matches),
        "action requests": len(requests),
        "welcome-pack claims": len(claims),
        "RSVPs": len(rsvps),
    }
