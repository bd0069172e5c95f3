"""Fixtures of the privacy tests: media in a folder of the test's own; Hans
de Vries in every kind of submission, and a namesake."""

import pytest
from django.utils import timezone
from wagtail.log_actions import log

from neighbourhood.buddies.services import match_confirm
from neighbourhood.models import ActionStatus
from neighbourhood.outbox.services import email_enqueue
from tests import factories
from tests.neighbourhood.privacy._support import HANS_EMAIL, HANS_PHONE


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Card images go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def occurrence(wop):
    calendar = factories.make_event_index(parent=wop)
    event = factories.make_event(
        index=calendar, title="Samen eten", signup_required=True, capacity=2
    )
    return event.occurrences.get()


@pytest.fixture
def present(wop):
    return factories.make_present(wop=wop, name="Bloembollen", stock=5)


@pytest.fixture
def hans(wop, other_wop, buddy_project, other_buddy_project, occurrence, present):
    """Hans de Vries in every kind of submission, each typed a little
    differently, with a buddy match, e-mail, history and a member account;
    and one sign-up in the other WOP."""
    signup = factories.make_buddy_signup(
        project=buddy_project, email="Hans@Example.org", phone=HANS_PHONE
    )
    piet = factories.make_buddy_signup(
        project=buddy_project, name="Piet Bakker", phone="010-999 88 77", role="buddy"
    )
    coordinator = factories.make_coordinator(email="matcher@example.org")
    match = match_confirm(seeker=signup, buddy=piet, by=coordinator)
    match.follow_up_note = "Hans vertelde over zijn vrouw."
    match.save()
    card = factories.make_action_request(
        wop=wop,
        name="Hans de Vries",
        phone="+31 6 1234 5678",
        status=ActionStatus.DONE,
        handled_on=timezone.localdate(),
    )
    claim = factories.make_claim(
        wop=wop,
        name="Hans de Vries",
        phone="0612345678",
        email=HANS_EMAIL,
        present=present,
    )
    present.stock -= 1
    present.save()
    rsvp = factories.make_rsvp(
        occurrence=occurrence, name="Hans de Vries", email="HANS@example.org", phone=""
    )
    elsewhere = factories.make_buddy_signup(
        project=other_buddy_project, email=HANS_EMAIL, phone=""
    )
    for record in (signup, card, claim, rsvp, elsewhere):
        log(instance=record, action="wagtail.create")
    email_enqueue(
        to=[HANS_EMAIL],
        subject="Bevestiging",
        template="neighbourhood/email/buddy_signup_confirmation.txt",
        context={"signup": signup, "project": buddy_project, "wop": wop},
    )
    account = factories.make_user(email=HANS_EMAIL, first_name="Hans")
    return {
        "signup": signup,
        "piet": piet,
        "match": match,
        "card": card,
        "claim": claim,
        "rsvp": rsvp,
        "elsewhere": elsewhere,
        "account": account,
    }


@pytest.fixture
def namesake(wop, buddy_project):
    """Another Hans de Vries: same name, other address and number."""
    signup = factories.make_buddy_signup(
        project=buddy_project, email="hans.devries@example.org", phone="06-12345679"
    )
    log(instance=signup, action="wagtail.create")
    email_enqueue(
        to=["hans.devries@example.org"],
        subject="Bevestiging",
        template="neighbourhood/email/buddy_signup_staff.txt",
        context={"admin_url": "http://testserver/beheer/"},
    )
    return signup
