"""Every kind of submission goes through the one public-form flow from its
page, and its confirmation mail carries the link of the one withdraw-link
builder."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from events.models import EventRSVP
from neighbourhood.models import ActionKind, ActionRequest, BuddySignup
from neighbourhood.submissions.services import submission_withdraw_url
from tests import factories
from tests.neighbourhood._public_address import PUBLIC
from tests.neighbourhood.actions.form_data import (
    card_answers,
    tile_answers,
    treat_answers,
)
from welcome_pack.models import WelcomePackClaim

EMAIL = "bewoner@example.org"


@dataclass
class Kind:
    """One kind of submission: its public page, answers as a resident fills
    them in (with an e-mail address), and where it is stored."""

    page: Callable
    answers: Callable
    stored: Callable


def _event(wop):
    calendar = factories.make_event_index(parent=wop)
    return factories.make_event(index=calendar, signup_required=True, capacity=10)


KINDS = {
    "buddy sign-up": Kind(
        page=lambda wop: factories.make_buddy_project(parent=wop),
        answers=lambda page: factories.buddy_signup_form_data(email=EMAIL),
        stored=lambda: BuddySignup.objects.all(),
    ),
    "card": Kind(
        page=lambda wop: factories.make_card_action(wop=wop),
        answers=lambda page: card_answers(factories.make_card_design(), email=EMAIL),
        stored=lambda: ActionRequest.objects.filter(kind=ActionKind.CARD),
    ),
    "treat": Kind(
        page=lambda wop: factories.make_treat_action(wop=wop),
        answers=lambda page: treat_answers(page, email=EMAIL),
        stored=lambda: ActionRequest.objects.filter(kind=ActionKind.TREAT),
    ),
    "wave tile": Kind(
        page=lambda wop: factories.make_wave_tile_action(wop=wop),
        answers=lambda page: tile_answers(email=EMAIL),
        stored=lambda: ActionRequest.objects.filter(kind=ActionKind.WAVE_TILE),
    ),
    "welcome-pack claim": Kind(
        page=lambda wop: factories.make_welcome_pack(wop=wop),
        answers=lambda page: factories.welcome_claim_form_data(email=EMAIL),
        stored=lambda: WelcomePackClaim.objects.all(),
    ),
    "RSVP": Kind(
        page=_event,
        answers=lambda page: factories.rsvp_form_data(
            occurrence=page.occurrences.get(), email=EMAIL
        ),
        stored=lambda: EventRSVP.objects.all(),
    ),
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Card images go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(params=list(KINDS))
def kind(request):
    return KINDS[request.param]


@pytest.fixture
def page(kind, wop):
    return kind.page(wop)


def withdraw_link(record) -> str:
    return PUBLIC + reverse("neighbourhood:withdraw", args=[record.token])


def test_a_valid_post_stores_one_record_and_leads_to_the_thanks_page(
    client, kind, page
):
    response = client.post(page.url, kind.answers(page))

    assert response.status_code == 302
    assert response.url.startswith(page.url)
    assert response.url != page.url
    assert kind.stored().count() == 1
    assert client.get(response.url).status_code == 200


def test_the_same_post_sent_twice_is_stored_once(client, kind, page):
    sent = {**kind.answers(page), "csrfmiddlewaretoken": "one-rendered-form"}

    first = client.post(page.url, sent)
    again = client.post(page.url, sent)

    assert kind.stored().count() == 1
    assert again.status_code == 302
    assert again.url == first.url


def test_a_filled_in_honeypot_is_refused_and_stores_nothing(
    client, kind, page, mailoutbox
):
    response = client.post(
        page.url, {**kind.answers(page), "website": "http://spam.example"}
    )

    assert response.status_code == 400
    assert "Uw formulier is niet verstuurd" in response.content.decode()
    assert not kind.stored().exists()
    assert mailoutbox == []


def test_the_confirmation_mail_has_the_withdraw_link_on_the_public_address(
    client, kind, page, public_site, mailoutbox
):
    client.post(page.url, kind.answers(page))

    record = kind.stored().get()
    [confirmation] = [mail for mail in mailoutbox if mail.to == [EMAIL]]
    assert withdraw_link(record) in confirmation.body
    assert "testserver" not in confirmation.body
    assert "127.0.0.1" not in confirmation.body


# The builder ------------------------------------------------------------------


def test_withdraw_link_is_on_the_public_address(buddy_project, public_site):
    signup = factories.make_buddy_signup(project=buddy_project)

    link = submission_withdraw_url(signup)

    assert link == f"https://wijk.example.nl/intrekken/{signup.token}/"
