"""The one status machine behind the volunteers' queues: a card request and a
welcome-pack claim take their steps on their "Afhandelen" page the same way,
logged the same way and refused with the same words."""

from dataclasses import dataclass

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.models import ActionStatus
from neighbourhood.submissions.status_forms import StepForm
from tests.factories import make_action_request, make_claim
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset
from welcome_pack.models import ClaimStatus

pytestmark = pytest.mark.django_db


@dataclass
class Queue:
    viewset: object
    make: object
    # An allowed step from "new", and what the history says about it.
    step: str
    logged: str
    # A status and a step that may not follow it, and what the volunteer reads.
    stuck_at: str
    refused_step: str
    refusal: str

    def url(self, name, item):
        return reverse(self.viewset.get_url_name(name), args=[item.pk])


QUEUES = {
    "action request": Queue(
        viewset=action_request_viewset,
        make=make_action_request,
        step=ActionStatus.APPROVED,
        logged="Status van ‘Nieuw’ naar ‘Goedgekeurd’",
        stuck_at=ActionStatus.NEW,
        refused_step=ActionStatus.PRINTED,
        refusal="Van ‘Nieuw’ kan dit niet naar ‘Afgedrukt’.",
    ),
    "welcome-pack claim": Queue(
        viewset=welcome_pack_claim_viewset,
        make=make_claim,
        step=ClaimStatus.PACKED,
        logged="Status van ‘Nieuw’ naar ‘Ingepakt’",
        stuck_at=ClaimStatus.DELIVERED,
        refused_step=ClaimStatus.PACKED,
        refusal="Van ‘Bezorgd’ kan dit niet naar ‘Ingepakt’.",
    ),
}


@pytest.fixture(params=QUEUES.values(), ids=QUEUES.keys())
def queue(request):
    return request.param


def _status_log(item):
    return ModelLogEntry.objects.filter(
        action="verbuurzamen.status", object_id=str(item.pk)
    )


def test_an_allowed_step_moves_the_item_and_shows_in_its_history(
    client, volunteer, wop, queue
):
    item = queue.make(wop=wop)
    client.force_login(volunteer)

    response = client.post(queue.url("handle", item), {"to": queue.step})

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == queue.step
    [entry] = _status_log(item)
    assert entry.data == {"from": "new", "to": queue.step}
    assert entry.user == volunteer
    assert queue.logged in client.get(queue.url("history", item)).content.decode()


def test_a_step_that_may_not_follow_is_refused_in_the_same_words_and_changes_nothing(
    client, volunteer, wop, queue
):
    item = queue.make(wop=wop, status=queue.stuck_at)
    client.force_login(volunteer)

    response = client.post(queue.url("handle", item), {"to": queue.refused_step})

    assert response.status_code == 200
    assert queue.refusal in response.content.decode()
    assert isinstance(response.context["form"], StepForm)
    item.refresh_from_db()
    assert item.status == queue.stuck_at
    assert not _status_log(item).exists()
