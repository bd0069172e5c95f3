"""A host that mounts Wagtail's admin, documents and the plugin elsewhere
(``admin/``, ``documents/``, ``buurt/``): the admin guards and the page
cache's rules follow them there, with no route of the host's own."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory
from django.urls import include, path, reverse
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from neighbourhood.page_cache import may_be_cached
from tests.factories import make_street, make_volunteer

# A host's urls.py: the plugin's one include, Wagtail at its own prefixes.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include("allauth.urls")),
    path("buurt/", include("neighbourhood.urls")),
    path("", include(wagtail_urls)),
]

GUARD = "neighbourhood.scoping.middleware.AdminGuardMiddleware"


@pytest.fixture
def host_urls(settings):
    settings.ROOT_URLCONF = __name__


def test_the_explorer_offers_no_other_wops_volunteers_under_another_prefix(
    client, host_urls, wop, other_wop
):
    outsider = make_volunteer(
        other_wop, email="bram@example.org", first_name="Bram", last_name="Oost"
    )
    make_street(wop=other_wop, owner=outsider)
    client.force_login(make_volunteer(wop, email="fatima@example.org"))
    explorer = reverse("wagtailadmin_explore", args=[wop.pk])

    response = client.get(explorer)

    assert explorer.startswith("/admin/pages/")
    assert response.status_code == 200
    assert "Bram" not in response.content.decode()


def test_the_admin_documents_and_withdraw_links_are_never_cached_under_another_prefix(
    host_urls, settings
):
    settings.VERBUURZAMEN_NEVER_CACHED_PATHS = ("/account/",)
    never = [
        "/admin/",
        "/admin/pages/3/",
        "/documents/1/folder.pdf",
        "/buurt/intrekken/onbekend/",
        "/account/login/",
    ]
    may = ["/", "/wijken/schollevaar/", "/beheer/", "/intrekken/onbekend/"]

    assert [url for url in never if may_be_cached(RequestFactory().get(url))] == []
    assert [url for url in may if not may_be_cached(RequestFactory().get(url))] == []


def test_without_the_guard_middleware_the_system_check_names_it(settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != GUARD]

    with pytest.raises(SystemCheckError, match=GUARD):
        call_command("check")


def test_the_guard_middleware_before_the_login_middleware_is_a_check_error(settings):
    without = [name for name in settings.MIDDLEWARE if name != GUARD]
    settings.MIDDLEWARE = [GUARD, *without]

    with pytest.raises(SystemCheckError, match="must come after"):
        call_command("check")
