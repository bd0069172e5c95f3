"""Neighbour actions: card designs, action pages and requests."""

from datetime import timedelta

from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Page

from home.demo import content
from home.demo.build.pages import drawn_image, page_upsert
from home.demo.build.submissions import consent_as_given, registered_by_for
from home.demo.cards import card_front_png
from home.models import User
from neighbourhood.actions.services import (
    action_request_create,
    action_request_transition,
)
from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    CardActionPage,
    CardDesign,
    NeighbourhoodPage,
    TreatActionPage,
    WaveTileActionPage,
)
from neighbourhood.submissions.services import submission_withdraw


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
        consent=consent_as_given(
            text=content.ACTION_CONSENT_TEXT, data=data, came_in=came_in
        ),
        monthly_limit=getattr(page, "monthly_limit", None),
        registered_by=registered_by_for(data=data, volunteer=volunteer),
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
