"""Logging in to the admin: one login (allauth's), a limit on failed attempts,
and two-factor login with an authenticator app for volunteers and
coordinators."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from tests import factories

PASSWORD = "Buurtkoffie-op-woensdag-42"


@pytest.fixture
def volunteer(wop):
    user = factories.make_volunteer(wop, email="fatima@example.org", password=PASSWORD)
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    return user


def current_code(secret: str) -> str:
    """The code an authenticator app shows now for ``secret``."""
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counter))


def log_in(client, *, password=PASSWORD, next_url=None):
    url = reverse("account_login")
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"login": "fatima@example.org", "password": password})


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# One login for the admin -------------------------------------------------------


def test_admin_sends_to_the_site_login_and_back(client, volunteer):
    asked = client.get("/beheer/")

    assert asked.status_code == 302
    assert asked.url == f"{reverse('account_login')}?next=/beheer/"

    response = log_in(client, next_url="/beheer/")

    assert response.status_code == 302
    assert response.url == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_wagtails_own_login_form_leads_to_the_site_login(client, volunteer):
    """Wagtail's login form would skip the limit and the second step."""
    response = client.post(
        "/beheer/login/", {"username": "fatima@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not logged_in(client)


def test_after_five_failed_logins_even_the_right_password_waits(client, volunteer):
    for _attempt in range(5):
        failed = log_in(client, password="fout-wachtwoord")
        assert failed.status_code == 200
        assert not logged_in(client)

    refused = log_in(client)

    assert refused.status_code == 200
    assert not logged_in(client)
    assert "U heeft te vaak geprobeerd in te loggen" in refused.content.decode()


# Two-factor login --------------------------------------------------------------


def test_with_an_authenticator_app_the_password_alone_is_not_enough(client, volunteer):
    secret = generate_totp_secret()
    TOTP.activate(volunteer, secret)

    after_password = log_in(client, next_url="/beheer/")

    assert after_password.status_code == 302
    assert after_password.url == reverse("mfa_authenticate")
    assert not logged_in(client)
    assert client.get("/beheer/").status_code == 302

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert wrong.status_code == 200
    assert "Deze code klopt niet" in wrong.content.decode()
    assert not logged_in(client)

    right = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})

    assert right.status_code == 302
    assert right.url == "/beheer/"
    assert logged_in(client)
    assert client.get("/beheer/").status_code == 200


def test_volunteer_turns_on_two_factor_from_the_account_pages(client, volunteer):
    log_in(client)
    account = client.get(reverse("account_email")).content.decode()
    assert reverse("mfa_index") in account

    # Changing how one logs in asks for the password once more.
    asked = client.get(reverse("mfa_activate_totp"))
    assert asked.url.startswith(reverse("account_reauthenticate"))
    confirmed = client.post(asked.url, {"password": PASSWORD})
    assert confirmed.url == reverse("mfa_activate_totp")

    form_page = client.get(reverse("mfa_activate_totp"))
    assert form_page.status_code == 200
    assert 'src="data:image/svg+xml' in form_page.content.decode()  # the QR code
    secret = form_page.context["form"].secret

    activated = client.post(
        reverse("mfa_activate_totp"), {"code": current_code(secret)}
    )

    assert activated.status_code == 302
    kinds = set(
        Authenticator.objects.filter(user=volunteer).values_list("type", flat=True)
    )
    assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


def test_a_recovery_code_works_once_when_the_phone_is_lost(client, volunteer):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    TOTP.activate(volunteer, generate_totp_secret())
    code = RecoveryCodes.activate(volunteer).get_unused_codes()[0]

    log_in(client)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert logged_in(client)

    client.post(reverse("account_logout"))
    log_in(client)
    again = client.post(reverse("mfa_authenticate"), {"code": code})

    assert again.status_code == 200
    assert not logged_in(client)


def test_admin_account_page_links_to_two_factor_login(client, volunteer):
    log_in(client)

    response = client.get(reverse("wagtailadmin_account"))

    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("mfa_index") in content
    assert "Inloggen in twee stappen" in content
