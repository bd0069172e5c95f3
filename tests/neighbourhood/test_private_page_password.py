"""A page behind a password (Wagtail's page privacy): five wrong tries per
client address in 15 minutes, then it waits, whatever the password."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.neighbourhood.submissions.test_guard import UNREACHABLE_REDIS

PASSWORD = "koffie-in-de-Wielewaal"
TOO_MANY_TRIES = "Te veel pogingen. Probeer het over een kwartier opnieuw."


@pytest.fixture
def restriction(wop):
    return PageViewRestriction.objects.create(
        page=wop, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )


def visitor(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def try_password(client, restriction, password):
    url = reverse(
        "wagtailcore_authenticate_with_password",
        args=[restriction.pk, restriction.page_id],
    )
    return client.post(url, {"password": password, "return_url": restriction.page.url})


def page_opens(client, restriction) -> bool:
    """The page itself, not the password form."""
    response = client.get(restriction.page.url)
    return response.status_code == 200 and "authenticate_with_password" not in (
        response.content.decode()
    )


def five_wrong_tries(client, restriction):
    for _try in range(5):
        wrong = try_password(client, restriction, "raden")
        assert wrong.status_code == 200
        assert not page_opens(client, restriction)


def test_the_right_password_opens_the_page(restriction):
    client = visitor("198.51.100.7")

    response = try_password(client, restriction, PASSWORD)

    assert response.status_code == 302
    assert page_opens(client, restriction)


def test_after_five_wrong_passwords_even_the_right_one_waits(restriction):
    client = visitor("198.51.100.7")
    five_wrong_tries(client, restriction)

    refused = try_password(client, restriction, PASSWORD)

    assert refused.status_code == 429
    assert TOO_MANY_TRIES in refused.content.decode()
    assert not page_opens(client, restriction)


def test_another_client_is_not_held_back(restriction):
    five_wrong_tries(visitor("198.51.100.7"), restriction)
    neighbour = visitor("198.51.100.8")

    response = try_password(neighbour, restriction, PASSWORD)

    assert response.status_code == 302
    assert page_opens(neighbour, restriction)


def test_four_wrong_tries_then_the_right_one_opens_the_page(restriction):
    client = visitor("198.51.100.7")
    for _try in range(4):
        try_password(client, restriction, "raden")

    response = try_password(client, restriction, PASSWORD)

    assert response.status_code == 302
    assert page_opens(client, restriction)


def test_with_the_cache_unreachable_tries_are_not_limited(settings, restriction):
    """Redis down: nothing can be counted, so the limit lets tries through
    (see verbuurzamen.cache), as the public forms' limit does."""
    settings.CACHES = {**settings.CACHES, **UNREACHABLE_REDIS}
    client = visitor("198.51.100.7")
    for _try in range(6):
        try_password(client, restriction, "raden")

    response = try_password(client, restriction, PASSWORD)

    assert response.status_code == 302
