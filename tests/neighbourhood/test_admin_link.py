"""The way to the admin for volunteers and coordinators: after logging in they
land on its dashboard, and public pages show them a "Beheer" link in the
header. The link is theirs alone: it never reaches an anonymous visitor
through the page cache."""

import re
from urllib.parse import urlencode

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.usefixtures("page_cache")

PASSWORD = "Buurtkoffie-op-woensdag-42"
CACHE_HEADER = "X-Wagtail-Cache"


def _with_verified_email(user):
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    return user


def _admin_links(response) -> list[str]:
    return re.findall(
        r'<a [^>]*href="([^"]*)"[^>]*>\s*Beheer\s*</a>', response.content.decode()
    )


def _log_in(user, **query):
    """Log in with allauth's form; the response says where it leads."""
    url = reverse("account_login")
    if query:
        url = f"{url}?{urlencode(query)}"
    return Client().post(url, {"login": user.email, "password": PASSWORD})


def test_a_volunteer_lands_on_the_dashboard_after_logging_in(wop):
    volunteer = _with_verified_email(
        factories.make_volunteer(wop, email="fatima@example.org", password=PASSWORD)
    )

    response = _log_in(volunteer)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_resident_with_an_account_lands_on_the_home_page(db):
    member = _with_verified_email(
        factories.make_user(email="truus@example.org", password=PASSWORD)
    )

    assert _log_in(member)["Location"] == "/"


def test_a_next_parameter_still_decides_where_a_volunteer_lands(wop):
    volunteer = _with_verified_email(
        factories.make_volunteer(wop, email="fatima@example.org", password=PASSWORD)
    )

    assert _log_in(volunteer, next=wop.url)["Location"] == wop.url


def test_a_volunteer_sees_the_beheer_link_and_others_do_not(client, wop):
    client.force_login(factories.make_volunteer(wop, email="fatima@example.org"))
    member = Client()
    member.force_login(factories.make_user(email="truus@example.org"))

    assert _admin_links(client.get(wop.url)) == [reverse("wagtailadmin_home")]
    assert _admin_links(member.get(wop.url)) == []
    assert _admin_links(Client().get(wop.url)) == []


@pytest.mark.parametrize(
    "base_template", ["base.html", "neighbourhood/layouts/base.html"]
)
def test_an_anonymous_visitor_never_gets_the_link_after_a_volunteer_visited(
    settings, wop, base_template
):
    settings.VERBUURZAMEN_BASE_TEMPLATE = base_template
    volunteer = Client()
    volunteer.force_login(factories.make_volunteer(wop, email="fatima@example.org"))
    url = factories.make_buddy_project(parent=wop).url

    as_volunteer = volunteer.get(url)
    first = Client().get(url)
    second = Client().get(url)
    volunteer_again = volunteer.get(url)

    assert _admin_links(as_volunteer) == [reverse("wagtailadmin_home")]
    assert as_volunteer[CACHE_HEADER] == "skip"
    assert (first[CACHE_HEADER], second[CACHE_HEADER]) == ("miss", "hit")
    assert _admin_links(first) == _admin_links(second) == []
    assert _admin_links(volunteer_again) == [reverse("wagtailadmin_home")]
