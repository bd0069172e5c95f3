"""A host without allauth: an invited volunteer chooses a password through
Django's reset page (the plugin's, in Wagtail's look), lands in the admin and
later logs in with Wagtail's own login."""

import re
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.urls import reverse

from home.models import User
from neighbourhood.volunteers.invitations import volunteer_invite
from tests.neighbourhood.volunteers._support import PASSWORD

pytestmark = pytest.mark.django_db


def _set_password_link(mail) -> str:
    url = re.search(r"https?://\S+/vrijwilliger/wachtwoord/\S+/", mail.body)[0]
    return urlsplit(url).path


def _choose_password(client, link):
    form_url = client.get(link).url
    form = client.get(form_url)
    done = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    return form, done


def test_allauth_is_out_of_the_app_registry():
    assert not apps.is_installed("allauth.account")


def test_invitation_mails_a_link_to_choose_a_password_then_the_dashboard(
    client, coordinator, wop, mailoutbox
):
    volunteer_invite(
        email="nick@example.org", name="Nick de Wit", wops=[wop], by=coordinator
    )
    mail = mailoutbox[0]

    form, done = _choose_password(client, _set_password_link(mail))
    dashboard = client.get(done.url)

    assert "Kies eerst een wachtwoord" in mail.body
    assert f"{reverse('wagtailadmin_password_reset')}\n" in mail.body
    assert form.status_code == 200
    assert done.status_code == 302
    assert done.url == reverse("wagtailadmin_home")
    person = User.objects.get(email="nick@example.org")
    assert person.check_password(PASSWORD)
    assert client.session["_auth_user_id"] == str(person.pk)
    assert dashboard.status_code == 200
    assert "wagtailadmin/home.html" in [t.name for t in dashboard.templates]


def test_with_the_chosen_password_the_volunteer_logs_in_to_the_admin_later(
    client, coordinator, wop, mailoutbox
):
    volunteer_invite(
        email="nick@example.org", name="Nick de Wit", wops=[wop], by=coordinator
    )
    _choose_password(client, _set_password_link(mailoutbox[0]))
    client.logout()

    login = client.post(
        reverse("wagtailadmin_login"),
        {"username": "nick@example.org", "password": PASSWORD},
    )

    assert login.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_link_works_only_once(client, coordinator, wop, mailoutbox):
    volunteer_invite(
        email="nick@example.org", name="Nick de Wit", wops=[wop], by=coordinator
    )
    link = _set_password_link(mailoutbox[0])
    _choose_password(client, link)
    client.logout()

    again = client.get(link, follow=True)

    assert again.status_code == 200
    assert not again.context["validlink"]
    assert "_auth_user_id" not in client.session


def test_an_existing_address_is_asked_to_accept(client, coordinator, wop, mailoutbox):
    existing = User.objects.create_user(
        email="truus@example.org", password="geheim-wachtwoord-123"
    )

    result = volunteer_invite(
        email="Truus@Example.org", name="Truus", wops=[wop], by=coordinator
    )

    assert result.user == existing
    assert not result.created
    assert result.invited == [wop]
    assert "/vrijwilliger/uitnodiging/" in mailoutbox[0].body
