"""The public forms' rate limit counts sendings, not posts with mistakes, and
gives trusted addresses (a community centre's shared computer) more."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory

from neighbourhood.models import BuddySignup
from neighbourhood.submissions.guard import (
    RATE_LIMIT_MESSAGE,
    HoneypotFormMixin,
    public_form_refusal,
    sending_count,
)
from tests.factories import buddy_signup_form_data as answers

HUIS_VAN_DE_WIJK = "192.0.2.10"


def refusal_for(address: str):
    request = RequestFactory().post("/formulier/", REMOTE_ADDR=address)
    return request, public_form_refusal(request, HoneypotFormMixin(request.POST))


def test_five_posts_with_mistakes_do_not_lock_out_the_sixth_good_one(
    client, buddy_project
):
    for _attempt in range(5):
        mistake = client.post(buddy_project.url, answers(name="", phone="12"))
        assert mistake.status_code == 200

    response = client.post(buddy_project.url, answers())

    assert response.status_code == 302
    assert BuddySignup.objects.count() == 1


def test_a_shared_computer_helps_residents_in_a_row_up_to_the_limit(
    client, settings, buddy_project
):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for number in range(2):
        client.post(buddy_project.url, answers(phone=f"010-123 45 6{number}"))

    response = client.post(buddy_project.url, answers(phone="010-123 45 69"))

    assert response.status_code == 429
    assert BuddySignup.objects.count() == 2


def test_a_trusted_address_gets_the_higher_limit(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    settings.PUBLIC_FORM_TRUSTED_ADDRESSES = ["198.51.100.0/24", HUIS_VAN_DE_WIJK]
    settings.PUBLIC_FORM_TRUSTED_RATE_LIMIT = 4

    for address in (HUIS_VAN_DE_WIJK, "198.51.100.77", "203.0.113.5"):
        outcomes = []
        for _attempt in range(5):
            request, refused = refusal_for(address)
            outcomes.append(refused)
            if refused is None:
                sending_count(request)
        limit = 2 if address == "203.0.113.5" else 4
        assert outcomes == [None] * limit + [RATE_LIMIT_MESSAGE] * (5 - limit), address


def test_a_trusted_address_that_is_no_address_is_named_by_the_check(settings):
    settings.PUBLIC_FORM_TRUSTED_ADDRESSES = ["huis-van-de-wijk.example"]

    with pytest.raises(SystemCheckError, match="verbuurzamen.E012"):
        call_command("check")

    # Meanwhile the forms still work: the entry is left out.
    assert refusal_for("192.0.2.10")[1] is None
