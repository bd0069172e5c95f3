"""Welcome packs: pages, presents and claims."""

from datetime import timedelta

from django.utils import timezone

from home.demo import content
from home.demo.build.pages import page_upsert
from home.demo.build.submissions import consent_as_given, registered_by_for
from home.models import User
from neighbourhood.models import NeighbourhoodPage
from welcome_pack.models import ClaimStatus, Present, WelcomePackClaim, WelcomePackPage
from welcome_pack.services import (
    claim_address_key,
    claim_transition,
    claim_withdraw,
    welcome_pack_claim,
)


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
        consent=consent_as_given(
            text=content.WELCOME_CONSENT_TEXT, data=data, came_in=came_in
        ),
        present=(
            Present.objects.get(wop=wop, name=data.present) if data.present else None
        ),
        registered_by=registered_by_for(data=data, volunteer=volunteer),
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
