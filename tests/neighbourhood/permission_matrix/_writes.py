"""The permission matrix's POSTs on each side, and what they could change."""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.models import TaskState

from events.models import EventOccurrence, EventRSVP
from neighbourhood.models import ActionRequest, BuddySignup, ConsentMethod, WopGroup
from neighbourhood.privacy.records import record_key
from tests.factories import welcome_claim_form_data
from tests.neighbourhood.permission_matrix._checks import _assert_no_secret
from tests.neighbourhood.permission_matrix._object_doors import (
    ADD_ACTION_REQUEST,
    ADD_CLAIM,
    RECORD_ATTENDANCE,
)
from welcome_pack.models import Present, WelcomePackClaim


@dataclass(frozen=True)
class PostDoor:
    """A POST: ``request(side)`` gives the URL and the form data."""

    request: object
    # Refused (403/404) when the URL names B's thing; False for a search by
    # e-mail or phone, which answers without B's records.
    by_url: bool = True
    # The control on A's things: "changes" (A's things differ afterwards) or
    # "shows" (A's marker in the answer).
    control: str = "changes"
    for_volunteers: bool = False


def _consent() -> dict:
    return {"consent_method": ConsentMethod.VERBAL, "consent_given": "on"}


def _card_answers(s) -> dict:
    return {
        "card_design": str(s.card.card_design_id),
        "message": "Dank voor de soep.",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": s.postcode,
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "",
        **_consent(),
    }


def _claim_answers(s, present) -> dict:
    data = welcome_claim_form_data(
        consent=None,
        website=None,
        postcode=s.postcode,
        house_number="99",
        present=str(present.pk),
    )
    return {**data, **_consent()}


def _erase(s, record) -> tuple:
    return (
        reverse("personal_data:erase"),
        {"term": s.seeker.email, "confirm": "1", "record": [record_key(record)]},
    )


def _review_action(page, action, task_state) -> str:
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
    )


POST_DOORS = {
    "volunteers-invite": PostDoor(
        lambda s: (
            reverse("volunteers:invite"),
            {
                "email": "nieuwe.buur@example.org",
                "name": "Nieuwe Buur",
                "wops": [s.wop.pk],
            },
        ),
        by_url=False,
    ),
    "volunteers-remove": PostDoor(
        lambda s: (reverse("volunteers:remove", args=[s.wop.pk, s.volunteer.pk]), {})
    ),
    "volunteers-publish": PostDoor(
        lambda s: (
            reverse("volunteers:publish", args=[s.wop.pk, s.volunteer.pk]),
            {"may_publish": "1"},
        )
    ),
    "personal-data-search-email": PostDoor(
        lambda s: (reverse("personal_data:search"), {"term": s.seeker.email}),
        by_url=False,
        control="shows",
    ),
    "personal-data-search-phone": PostDoor(
        lambda s: (reverse("personal_data:search"), {"term": s.seeker.phone}),
        by_url=False,
        control="shows",
    ),
    "personal-data-export": PostDoor(
        lambda s: (reverse("personal_data:export"), {"term": s.seeker.email}),
        by_url=False,
        control="shows",
    ),
    "personal-data-erase-confirm": PostDoor(
        lambda s: (reverse("personal_data:erase"), {"term": s.seeker.email}),
        by_url=False,
        control="shows",
    ),
    "personal-data-erase": PostDoor(lambda s: _erase(s, s.seeker), by_url=False),
    "attendance-record": PostDoor(
        lambda s: (
            reverse(RECORD_ATTENDANCE, args=[s.past_occurrence.pk]),
            {"attended": [s.past_rsvp.pk], "walk_ins": "7"},
        ),
        for_volunteers=True,
    ),
    "review-approve": PostDoor(
        lambda s: (_review_action(s.review_page, "approve", s.review), {"comment": ""})
    ),
    "review-reject": PostDoor(
        lambda s: (
            _review_action(s.review_page, "reject", s.review),
            {"comment": "Graag de straatnamen erbij."},
        )
    ),
    "action-request-add": PostDoor(
        lambda s: (
            f"{reverse(ADD_ACTION_REQUEST)}?page={s.card_page.pk}",
            _card_answers(s),
        ),
        for_volunteers=True,
    ),
    "claim-add": PostDoor(
        lambda s: (
            f"{reverse(ADD_CLAIM)}?page={s.pack.pk}",
            _claim_answers(s, s.present),
        ),
        for_volunteers=True,
    ),
}

# Own URL, B's thing in the data (or the other way round): nothing of B's
# changes, and nothing of A's either.
CROSS_POST_DOORS = {
    "volunteers-remove-others-person-from-own-wop": lambda a, b: (
        reverse("volunteers:remove", args=[a.wop.pk, b.volunteer.pk]),
        {},
    ),
    "volunteers-publish-others-person-in-own-wop": lambda a, b: (
        reverse("volunteers:publish", args=[a.wop.pk, b.volunteer.pk]),
        {"may_publish": "1"},
    ),
    "personal-data-erase-others-record-with-own-term": lambda a, b: _erase(a, b.seeker),
    "attendance-record-others-rsvp-on-own-date": lambda a, b: (
        reverse(RECORD_ATTENDANCE, args=[a.past_occurrence.pk]),
        {"attended": [b.past_rsvp.pk], "walk_ins": "7"},
    ),
    "attendance-record-others-rsvp-on-city-wide-date": lambda a, b: (
        reverse(RECORD_ATTENDANCE, args=[a.city_occurrence.pk]),
        {"attended": [a.city_rsvp.pk, b.city_rsvp.pk]},
    ),
    "review-approve-others-review-through-own-page": lambda a, b: (
        _review_action(a.review_page, "approve", b.review),
        {"comment": ""},
    ),
    "claim-add-others-present-on-own-page": lambda a, b: (
        f"{reverse(ADD_CLAIM)}?page={a.pack.pk}",
        _claim_answers(a, b.present),
    ),
}


def _state(side) -> dict:
    """What the POSTs above could change about one side's things."""
    occurrence = EventOccurrence.objects.get(pk=side.past_occurrence.pk)
    return {
        "members": sorted(
            WopGroup.objects.filter(
                wop=side.wop, group__user__isnull=False
            ).values_list("group__user", "role")
        ),
        "seeker": BuddySignup.objects.filter(pk=side.seeker.pk)
        .values_list("name", "email", "phone", "anonymised_at", "withdrawn_at")
        .get(),
        "walk-ins": occurrence.walk_ins,
        "attended": sorted(
            EventRSVP.objects.filter(wop=side.wop).values_list("pk", "attended")
        ),
        "review": TaskState.objects.get(pk=side.review.pk).status,
        "requests": ActionRequest.objects.filter(wop=side.wop).count(),
        "claims": WelcomePackClaim.objects.filter(wop=side.wop).count(),
        "presents": sorted(
            Present.objects.filter(wop=side.wop).values_list("pk", "stock")
        ),
    }


def _post(client, url, data, door):
    """POST, then follow any redirect with GET; neither answer shows B's
    things, beyond what was typed."""
    response = client.post(url, data)
    answers = [response]
    if response.status_code in (301, 302):
        answers.append(client.get(response.url, follow=True))
    typed = [value for value in data.values() if isinstance(value, str) and value]
    for answer in answers:
        _assert_no_secret(answer, door, typed=typed)
    return response
