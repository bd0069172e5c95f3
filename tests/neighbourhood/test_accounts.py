"""Accounts: e-mail login with verification, in Dutch."""

from allauth.account.models import EmailAddress
from django.urls import reverse

from home.models import User
from neighbourhood.models import profile_for
from tests.factories import make_user

PASSWORD = "Buurtkoffie-op-woensdag-42"


def test_sign_up_sends_a_dutch_verification_mail(client, db, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {"email": "Truus@Example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "truus@example.org"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["truus@example.org"]
    assert "bevestig" in (mailoutbox[0].subject + mailoutbox[0].body).lower()


def test_unverified_address_cannot_log_in_yet(client, db, mailoutbox):
    user = make_user(email="nick@example.org", password=PASSWORD)
    EmailAddress.objects.create(
        user=user, email=user.email, verified=False, primary=True
    )

    response = client.post(
        reverse("account_login"), {"login": "nick@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_verified_address_logs_in_with_email_and_password(client, db):
    user = make_user(email="patricia@example.org", password=PASSWORD)
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )

    response = client.post(
        reverse("account_login"),
        {"login": "patricia@example.org", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_gets_a_dutch_message(client, db):
    make_user(email="yonas@example.org", password=PASSWORD)

    response = client.post(
        reverse("account_login"), {"login": "yonas@example.org", "password": "fout"}
    )

    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()


def test_user_has_optional_phone_and_home_wop(wop):
    user = make_user(email="hans@example.org", phone="010-4567890", home_wop=wop)

    assert profile_for(User.objects.get(pk=user.pk)).home_wop == wop
    assert profile_for(User.objects.get(pk=user.pk)).phone == "010-4567890"
    assert profile_for(make_user(email="zeynep@example.org")).phone == ""
