"""wagtail-cache's "Clear cache" in the admin empties the page cache only on a
form's POST with its CSRF token, never on a plain GET (a link, an image)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_volunteer

pytestmark = pytest.mark.usefixtures("page_cache")

CACHE_HEADER = "X-Wagtail-Cache"
CLEAR_URL = "/beheer/cache/clearcache"


@pytest.fixture
def cached_page(wop):
    """A public page, kept in the page cache by an anonymous visit."""
    assert Client().get(wop.url)[CACHE_HEADER] == "miss"
    return wop.url


def still_cached(url) -> bool:
    return Client().get(url)[CACHE_HEADER] == "hit"


@pytest.fixture
def superuser_client(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    return client


def csrf_token_of_the_clear_form(client) -> str:
    page = client.get("/beheer/cache/").content.decode()
    form = re.search(
        rf'<form action="{CLEAR_URL}" method="post">(.*?)</form>', page, re.S
    )
    assert form, "no form that clears the cache"
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form[1])[1]


def test_a_plain_get_does_not_clear_the_page_cache(superuser_client, cached_page):
    response = superuser_client.get(CLEAR_URL)

    assert response.status_code == 405
    assert still_cached(cached_page)


def test_the_clear_cache_button_posts_and_clears_the_page_cache(
    superuser_client, cached_page
):
    token = csrf_token_of_the_clear_form(superuser_client)

    response = superuser_client.post(CLEAR_URL, {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response.url == "/beheer/cache/"
    assert not still_cached(cached_page)


def test_a_post_without_csrf_token_is_refused(superuser_client, cached_page):
    response = superuser_client.post(CLEAR_URL)

    assert response.status_code == 403
    assert still_cached(cached_page)


def test_an_anonymous_post_does_not_clear_the_page_cache(cached_page):
    response = Client().post(CLEAR_URL)

    assert response.status_code in (302, 403)
    assert still_cached(cached_page)


def test_a_volunteer_neither_sees_nor_clears_the_page_cache(client, wop, cached_page):
    """Like wagtail-cache's menu item, its page is for superusers: publishing
    already empties the cache, and the page lists what is cached."""
    client.force_login(make_volunteer(wop))

    listing = client.get("/beheer/cache/")
    cleared = client.post(CLEAR_URL)

    assert listing.status_code == 302
    assert listing.url == reverse("wagtailadmin_home")
    assert cleared.status_code == 302
    assert still_cached(cached_page)
