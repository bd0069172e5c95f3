"""Claiming a welcome pack and bringing it to the door."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from neighbourhood.models import NeighbourhoodPage
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.submissions.services import (
    submission_anonymise,
    submission_withdraw_url,
    wop_staff_emails,
)
from neighbourhood.submissions.status import StatusMachine, Step
from neighbourhood.wops.postcodes import address_key
from welcome_pack.models import ClaimStatus, Present, WelcomePackClaim


class AlreadyClaimed(Exception):
    """This address already claimed its pack."""

    def __init__(self, earlier: WelcomePackClaim):
        super().__init__("This address already claimed a welcome pack")
        self.earlier = earlier


class PresentGone(Exception):
    """The chosen present ran out while the resident was filling in the form."""


def claim_address_key(*, postcode: str, house_number: str, addition: str = "") -> str:
    return address_key(postcode, house_number, addition)


def earlier_claim(
    *, postcode: str, house_number: str, addition: str = ""
) -> WelcomePackClaim | None:
    return WelcomePackClaim.objects.filter(
        address_key=claim_address_key(
            postcode=postcode, house_number=house_number, addition=addition
        )
    ).first()


def welcome_pack_claim(
    *,
    wop: NeighbourhoodPage,
    data: dict,
    consent: dict,
    present: Present | None = None,
    registered_by=None,
    withdraw_url_for=submission_withdraw_url,
) -> WelcomePackClaim:
    """Save a claim, take its present from stock and queue its e-mails, all
    in one transaction.

    The present's row is locked while its stock is checked, so the last one
    is never given twice; the address's unique key means a second claim for
    one household fails even when both arrive at once. Raises PresentGone or
    AlreadyClaimed; then nothing is stored.
    """
    claim = WelcomePackClaim(wop=wop, registered_by=registered_by, **consent, **data)
    claim.address_key = claim_address_key(
        postcode=claim.postcode,
        house_number=claim.house_number,
        addition=claim.house_number_addition,
    )
    try:
        with transaction.atomic():
            if present is not None:
                locked = Present.objects.select_for_update().get(pk=present.pk, wop=wop)
                if locked.stock < 1:
                    raise PresentGone
                locked.stock -= 1
                locked.save(update_fields=["stock"])
                claim.present = locked
            claim.save()
            log(instance=claim, action="wagtail.create", user=registered_by)
            _notify(claim, withdraw_url_for=withdraw_url_for)
    except IntegrityError:
        earlier = WelcomePackClaim.objects.filter(address_key=claim.address_key).first()
        if earlier is not None:
            raise AlreadyClaimed(earlier) from None
        raise
    return claim


def _notify(claim: WelcomePackClaim, *, withdraw_url_for) -> None:
    staff = wop_staff_emails(wop=claim.wop, except_user=claim.registered_by)
    if staff:
        email_enqueue(
            to=staff,
            subject=_("Nieuwe aanvraag welkomstpakket in %(wop)s")
            % {"wop": claim.wop.title},
            template="welcome_pack/email/claim_staff.txt",
            context={"claim": claim},
        )
    if claim.email:
        with translation.override(claim.language):
            email_enqueue(
                to=[claim.email],
                subject=_("Uw welkomstpakket van %(wop)s") % {"wop": claim.wop.title},
                template="welcome_pack/email/claim_confirmation.txt",
                context={"claim": claim, "withdraw_url": withdraw_url_for(claim)},
            )


# The volunteers' steps: packed, delivered (the day, by whom) or could not
# deliver (why); a pack that could not be delivered can be tried again.
claim_machine = StatusMachine(
    model=WelcomePackClaim,
    transitions={
        ClaimStatus.NEW: {
            ClaimStatus.PACKED,
            ClaimStatus.DELIVERED,
            ClaimStatus.NOT_DELIVERED,
        },
        ClaimStatus.PACKED: {ClaimStatus.DELIVERED, ClaimStatus.NOT_DELIVERED},
        ClaimStatus.NOT_DELIVERED: {ClaimStatus.PACKED, ClaimStatus.DELIVERED},
    },
    steps={
        ClaimStatus.DELIVERED: Step(date_field="delivered_on", by_field="delivered_by"),
        ClaimStatus.NOT_DELIVERED: Step(
            note_field="not_delivered_reason",
            note_missing=gettext_lazy("Schrijf erbij waarom het niet lukte."),
        ),
    },
)


def claim_transition(
    *, claim: WelcomePackClaim, to: str, by, on: date | None = None, reason: str = ""
) -> WelcomePackClaim:
    """Packed, delivered (date, by whom) or could-not-deliver (reason), logged.
    Raises TransitionNotAllowed."""
    return claim_machine.transition(claim, to=to, by=by, note=reason, on=on)


@transaction.atomic
def claim_withdraw(*, submission: WelcomePackClaim, by=None) -> WelcomePackClaim:
    """The resident withdraws: anonymised, and a present not yet packed goes
    back into stock."""
    claim = WelcomePackClaim.objects.select_for_update().get(pk=submission.pk)
    if claim.anonymised_at is not None:
        return claim
    if claim.present_id and claim.status == ClaimStatus.NEW:
        present = Present.objects.select_for_update().get(pk=claim.present_id)
        present.stock += 1
        present.save(update_fields=["stock"])
    claim.status = ClaimStatus.WITHDRAWN
    claim.withdrawn_at = timezone.now()
    return submission_anonymise(submission=claim, by=by)
