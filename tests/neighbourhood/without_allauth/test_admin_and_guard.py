"""A host without allauth: the public forms count by the plugin's own rule
for the client address, and the admin offers no two-factor login."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from neighbourhood.submissions.guard import client_ip


def _request(**meta):
    return RequestFactory().post("/", **meta)


def test_behind_one_proxy_the_address_it_added_counts(settings):
    settings.NUM_PROXIES = 1
    # allauth's setting counts for nothing without allauth.
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    request = _request(
        REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.20"
    )

    assert client_ip(request) == "198.51.100.20"


def test_behind_two_proxies_the_address_the_outer_one_added_counts(settings):
    settings.NUM_PROXIES = 2

    request = _request(
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9, 198.51.100.20",
    )

    assert client_ip(request) == "203.0.113.9"


def test_without_proxies_a_forged_x_forwarded_for_is_ignored(settings):
    settings.NUM_PROXIES = 0

    request = _request(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert client_ip(request) == "198.51.100.7"


def test_a_request_that_skipped_a_proxy_counts_by_its_own_address(settings):
    settings.NUM_PROXIES = 2

    request = _request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert client_ip(request) == "10.0.0.1"


@pytest.mark.django_db
def test_the_admin_account_page_offers_no_two_factor_login(client, volunteer):
    client.force_login(volunteer)

    response = client.get(reverse("wagtailadmin_account"))

    assert response.status_code == 200
    assert "Inloggen in twee stappen" not in response.content.decode()
