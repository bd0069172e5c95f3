"""One way in: allauth's login, with its limit on failed attempts and its
second step. No other route logs anyone in with a password alone, and the
limit counts per client address, also behind a proxy."""

import re
import runpy
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern
from django.views.generic import RedirectView
from wagtail.models import PageViewRestriction

from neighbourhood.submissions.guard import client_ip
from tests import factories

PASSWORD = "Buurtkoffie-op-woensdag-42"


@pytest.fixture
def volunteer_with_app(wop):
    """A volunteer who turned on two-factor login with an authenticator app."""
    user = factories.make_volunteer(wop, email="fatima@example.org", password=PASSWORD)
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    TOTP.activate(user, generate_totp_secret())
    return user


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def account_login_with_next(next_url: str) -> str:
    return f"{reverse('account_login')}?next={next_url}"


# Wagtail's login form for private pages --------------------------------------


def test_wagtails_private_page_login_does_not_skip_the_second_step(
    client, volunteer_with_app
):
    response = client.post(
        "/_util/login/",
        {"username": "fatima@example.org", "password": PASSWORD, "next": "/beheer/"},
    )

    assert not logged_in(client)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert client.get("/beheer/").status_code == 302


def test_wagtails_private_page_login_leads_to_the_site_login_keeping_next(client):
    response = client.get("/_util/login/?next=/wijken/")

    assert response.status_code == 302
    assert response.url == account_login_with_next("/wijken/")


def test_page_for_logged_in_people_sends_visitors_to_the_site_login(client, wop):
    PageViewRestriction.objects.create(
        page=wop, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(wop.url)

    assert response.status_code == 302
    assert response.url == account_login_with_next(wop.url)


# No other password-only login ------------------------------------------------


def _routes(patterns, prefix=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, (*prefix, pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield (*prefix, pattern.pattern), pattern.callback


def _is_login_view(callback) -> bool:
    view = getattr(callback, "view_class", callback)
    return "login" in getattr(view, "__name__", "").lower()


def _is_allauths_or_leads_there(callback) -> bool:
    view = getattr(callback, "view_class", None)
    if callback.__module__.startswith("allauth."):
        return True
    return (
        view is not None
        and issubclass(view, RedirectView)
        and callback.view_initkwargs.get("pattern_name") == "account_login"
    )


def test_every_login_route_answers_with_allauths_login():
    """Walks every URL pattern; a login view that is not allauth's (Wagtail's
    admin and front-end login, Django's) may only exist where an earlier
    route answers in its place, leading to allauth's."""
    checked = []
    for chain, callback in _routes(get_resolver().url_patterns):
        if not _is_login_view(callback):
            continue
        assert all(isinstance(part, RoutePattern) for part in chain), chain
        path = "/" + "".join(str(part) for part in chain)
        assert "<" not in path, path
        answered_by = resolve(path).func
        assert _is_allauths_or_leads_there(answered_by), (path, answered_by)
        checked.append(path)

    assert {"/beheer/login/", "/_util/login/", "/account/login/"} <= set(checked)


@pytest.mark.parametrize("name", ["wagtailcore_login", "wagtailadmin_login"])
def test_wagtails_login_forms_log_nobody_in(client, volunteer_with_app, name):
    response = client.post(
        reverse(name), {"username": "fatima@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not logged_in(client)


# allauth's own ways in keep the second step ------------------------------------


def test_the_site_login_asks_for_the_code_before_the_admin_opens(
    client, volunteer_with_app
):
    response = client.post(
        reverse("account_login"),
        {"login": "fatima@example.org", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert not logged_in(client)
    assert client.get("/beheer/").status_code == 302


def test_a_password_reset_link_asks_for_the_code_before_logging_in(
    client, volunteer_with_app, mailoutbox
):
    """Choosing a new password logs the person in (also how an invited
    volunteer chooses a first one): not past the second step."""
    client.post(reverse("account_reset_password"), {"email": "fatima@example.org"})
    link = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[-1].body)[1]
    form_url = client.get(link).url
    new_password = "Nieuw-wachtwoord-voor-de-buurt-7"

    response = client.post(
        form_url, {"password1": new_password, "password2": new_password}
    )

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert not logged_in(client)
    assert client.get("/beheer/").status_code == 302


# The limit on failed logins behind a proxy -----------------------------------

BASE_SETTINGS = (
    Path(__file__).resolve().parents[2] / "site/verbuurzamen/settings/base.py"
)


@pytest.fixture
def behind_one_proxy(settings, monkeypatch):
    """The settings base.py derives from ``NUM_PROXIES=1`` (one proxy, as
    nginx in front in bin/production), applied to this test."""
    monkeypatch.setenv("NUM_PROXIES", "1")
    derived = runpy.run_path(str(BASE_SETTINGS))
    for name, value in derived.items():
        if name.isupper() and "PROX" in name:
            setattr(settings, name, value)


@pytest.fixture
def coordinator_account(db):
    user = factories.make_coordinator(
        email="coordinator@example.org", password=PASSWORD
    )
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    return user


def log_in_from(address: str, *, email: str, password: str):
    """A login through the proxy, for a client at ``address``."""
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)
    response = client.post(
        reverse("account_login"), {"login": email, "password": password}
    )
    return client, response


def fail_ten_logins(addresses):
    for number, address in enumerate(addresses):
        _client, response = log_in_from(
            address, email=f"gok{number}@example.org", password="fout-wachtwoord"
        )
        assert response.status_code == 200


def test_failed_logins_from_many_addresses_do_not_lock_out_another_address(
    behind_one_proxy, coordinator_account
):
    fail_ten_logins(f"203.0.113.{number}" for number in range(10))

    client, response = log_in_from(
        "198.51.100.50", email="coordinator@example.org", password=PASSWORD
    )

    assert response.status_code == 302
    assert logged_in(client)


def test_failed_logins_from_one_address_lock_out_that_address_only(
    behind_one_proxy, coordinator_account
):
    fail_ten_logins(["203.0.113.7"] * 10)

    client, refused = log_in_from(
        "203.0.113.7", email="coordinator@example.org", password=PASSWORD
    )

    assert not logged_in(client)
    assert "U heeft te vaak geprobeerd in te loggen" in refused.content.decode()

    client, response = log_in_from(
        "198.51.100.50", email="coordinator@example.org", password=PASSWORD
    )

    assert response.status_code == 302
    assert logged_in(client)


def test_public_forms_count_by_the_same_client_address(behind_one_proxy):
    request = RequestFactory().post(
        "/formulier/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )

    assert client_ip(request) == "203.0.113.9"


def test_a_request_that_skipped_a_proxy_is_counted_by_its_own_address(
    behind_one_proxy, settings, coordinator_account
):
    """Two proxies configured, one entry in X-Forwarded-For: the request did
    not pass both, so only the address it came from is certain. It logs in
    (no server error), and the public forms count it by that address."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    client = Client(REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.9")

    response = client.post(
        reverse("account_login"),
        {"login": "coordinator@example.org", "password": PASSWORD},
    )
    request = RequestFactory().post(
        "/formulier/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )

    assert response.status_code == 302
    assert logged_in(client)
    assert client_ip(request) == "192.0.2.10"


# The documented production set-up --------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def test_documented_app_servers_listen_only_where_the_proxy_reaches_them():
    """gunicorn reachable from anywhere would let a client forge
    X-Forwarded-For and escape the rate limits and the login lockout."""
    readme = (ROOT / "README.md").read_text()
    start_script = (ROOT / "bin/production").read_text()

    binds = re.findall(r"--bind[ =]\"?([^\s\"]+)", readme + start_script)

    assert binds
    assert not [bind for bind in binds if bind.startswith(("0.0.0.0", "[::]"))]
    assert "--bind 127.0.0.1:8000" in readme
    assert '--bind "127.0.0.1:$port"' in start_script
