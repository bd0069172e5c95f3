"""Coordinators invite volunteers to their WOPs; the invited person sets a
password through allauth and lands in the admin, or, with an account of their
own, says yes to the invitation."""

import time
from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from django.core import signing
from django.urls import reverse
from wagtail.models import ModelLogEntry

from home.models import User
from neighbourhood.models import WopRole
from neighbourhood.scoping.access import wop_group
from neighbourhood.volunteers.invitations import volunteer_invite
from tests import factories
from tests.neighbourhood.volunteers._support import (
    INDEX,
    PASSWORD,
    _accept_link,
    _invite,
    _link,
    _messages,
)

pytestmark = pytest.mark.django_db


def test_invite_makes_one_account_in_the_wop_and_mails_a_personal_link(
    as_coordinator, coordinator, wop, mailoutbox
):
    coordinator.first_name, coordinator.last_name = "Ans", "Bakker"
    coordinator.save()

    response = _invite(as_coordinator, email="Truus@Example.org", wops=[wop.pk])

    assert response.status_code == 302
    assert response.url == INDEX
    assert _messages(response) == [
        "Uitnodiging verstuurd naar truus@example.org voor Schollevaar."
    ]
    person = User.objects.get(email="truus@example.org")
    assert person.get_full_name() == "Truus Jansen"
    assert not person.has_usable_password()
    assert list(person.groups.all()) == [wop_group(wop)]
    assert EmailAddress.objects.filter(
        user=person, email="truus@example.org", verified=True, primary=True
    ).exists()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["truus@example.org"]
    assert "Schollevaar" in mail.subject
    assert "Ans Bakker nodigt u uit als vrijwilliger bij Schollevaar" in mail.body
    assert "3 dagen" in mail.body
    assert "niet verwacht" in mail.body
    assert _link(mail)
    entry = ModelLogEntry.objects.get(
        object_id=str(person.pk), action="verbuurzamen.volunteer_invite"
    )
    assert entry.user == coordinator
    assert entry.message == "Uitgenodigd als vrijwilliger bij Schollevaar"


def test_following_the_link_and_setting_a_password_opens_the_dashboard(
    client, coordinator, wop, mailoutbox
):
    volunteer_invite(
        email="nick@example.org", name="Nick de Wit", wops=[wop], by=coordinator
    )

    to_form = client.get(_link(mailoutbox[0]))
    form_url = to_form.url
    form = client.get(form_url)
    done = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    dashboard = client.get(done.url)

    assert to_form.status_code == 302
    assert form.status_code == 200
    assert done.status_code == 302
    assert done.url == reverse("wagtailadmin_home")
    person = User.objects.get(email="nick@example.org")
    assert client.session["_auth_user_id"] == str(person.pk)
    assert person.check_password(PASSWORD)
    assert dashboard.status_code == 200
    assert "wagtailadmin/home.html" in [t.name for t in dashboard.templates]


def test_link_works_only_once(client, coordinator, wop, mailoutbox):
    volunteer_invite(
        email="nick@example.org", name="Nick de Wit", wops=[wop], by=coordinator
    )
    link = _link(mailoutbox[0])
    form_url = client.get(link).url
    client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    client.logout()

    again = client.get(link)

    assert again.status_code == 200
    assert again.context["token_fail"]


def test_inviting_an_existing_address_asks_its_holder_and_tells_the_coordinator_nothing(
    client, wop, existing, mailoutbox
):
    wop_coordinator = factories.make_wop_coordinator(wop, email="a@example.org")
    client.force_login(wop_coordinator)

    response = _invite(client, email="TRUUS@Example.ORG", wops=[wop.pk])
    client.get(INDEX)  # shows the message once
    listing = client.get(INDEX).content.decode()

    # The same message as for a new address, and nothing of the account.
    assert _messages(response) == [
        "Uitnodiging verstuurd naar truus@example.org voor Schollevaar."
    ]
    assert User.objects.filter(email__iexact="truus@example.org").count() == 1
    assert wop_group(wop) not in existing.groups.all()
    assert existing.check_password("geheim-wachtwoord-123")
    assert "Geertruida" not in listing
    assert "Verborgen" not in listing
    assert "truus@example.org" not in listing
    # Its holder is asked, by e-mail, with a link to say yes.
    (mail,) = mailoutbox
    assert mail.to == ["truus@example.org"]
    assert mail.subject == "Uitnodiging: vrijwilliger bij Schollevaar"
    assert "nodigt u uit als vrijwilliger bij Schollevaar" in mail.body
    assert "14 dagen" in mail.body
    assert "/account/password/reset/key/" not in mail.body
    assert _accept_link(mail)


def test_invited_account_joins_the_wop_only_when_it_says_yes(
    client, coordinator, wop, existing, mailoutbox
):
    volunteer_invite(
        email="truus@example.org", name="Truus", wops=[wop], by=coordinator
    )
    link = _accept_link(mailoutbox[0])

    anonymous = client.get(link)
    client.force_login(existing)
    question = client.get(link)
    in_group_after_get = wop_group(wop) in existing.groups.all()
    accepted = client.post(link)
    again = client.post(link)

    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("account_login"))
    assert question.status_code == 200
    assert "Wilt u vrijwilliger worden in Schollevaar?" in question.content.decode()
    assert not in_group_after_get
    assert accepted.status_code == 200
    assert "U bent nu vrijwilliger bij Schollevaar." in accepted.content.decode()
    assert set(existing.groups.all()) == {wop_group(wop)}
    assert User.objects.filter(email__iexact="truus@example.org").count() == 1
    assert again.status_code == 400
    assert "Deze link werkt niet meer" in again.content.decode()
    assert (
        ModelLogEntry.objects.get(
            object_id=str(existing.pk), action="verbuurzamen.volunteer_accept"
        ).message
        == "Heeft de uitnodiging als vrijwilliger bij Schollevaar aangenomen"
    )


def test_invitation_opened_by_someone_else_does_nothing(
    client, coordinator, wop, existing, mailoutbox
):
    volunteer_invite(
        email="truus@example.org", name="Truus", wops=[wop], by=coordinator
    )
    link = _accept_link(mailoutbox[0])
    someone_else = factories.make_user(email="buur@example.org")
    client.force_login(someone_else)

    shown = client.get(link)
    posted = client.post(link)

    assert shown.status_code == posted.status_code == 403
    assert "voor een ander account" in posted.content.decode()
    assert "truus@example.org" not in posted.content.decode()
    assert "Geertruida" not in posted.content.decode()
    assert wop_group(wop) not in someone_else.groups.all()
    assert wop_group(wop) not in existing.groups.all()


def test_expired_or_altered_invitation_is_refused_in_dutch(
    client, coordinator, wop, existing, mailoutbox, monkeypatch
):
    volunteer_invite(
        email="truus@example.org", name="Truus", wops=[wop], by=coordinator
    )
    link = _accept_link(mailoutbox[0])
    client.force_login(existing)
    token = link.rstrip("/").rsplit("/", 1)[1]
    altered = link.replace(token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))

    tampered = client.post(altered)
    later = time.time() + 15 * 24 * 60 * 60
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later))
    expired = client.post(link)

    for response in (tampered, expired):
        assert response.status_code == 400
        assert "Deze link werkt niet meer. Misschien is hij verlopen" in (
            response.content.decode()
        )
    assert wop_group(wop) not in existing.groups.all()


def test_inviting_someone_already_in_the_wop_changes_nothing(
    as_coordinator, volunteer, wop, mailoutbox
):
    groups_before = set(volunteer.groups.all())

    response = _invite(as_coordinator, email=volunteer.email, wops=[wop.pk])

    assert set(volunteer.groups.all()) == groups_before
    assert mailoutbox == []
    assert _messages(response) == [
        "vrijwilliger@example.org staat al bij Schollevaar. Daar is niets veranderd."
    ]
    assert not ModelLogEntry.objects.filter(
        action="verbuurzamen.volunteer_invite"
    ).exists()


def test_invite_to_two_wops_with_publishing(as_coordinator, wop, other_wop, mailoutbox):
    _invite(as_coordinator, wops=[wop.pk, other_wop.pk], may_publish="on")

    person = User.objects.get(email="truus@example.org")
    assert set(person.groups.all()) == {
        wop_group(wop),
        wop_group(wop, WopRole.PUBLISHERS),
        wop_group(other_wop),
        wop_group(other_wop, WopRole.PUBLISHERS),
    }
    assert "Oostgaarde en Schollevaar" in mailoutbox[0].body
    assert "zelf publiceren" in mailoutbox[0].body


def test_invalid_email_gets_a_dutch_message_next_to_the_field(
    as_coordinator, wop, mailoutbox
):
    response = _invite(as_coordinator, email="truus-at-example", wops=[wop.pk])

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Dit is geen geldig e-mailadres. Een e-mailadres ziet eruit als "
        "naam@voorbeeld.nl."
    ]
    assert "naam@voorbeeld.nl" in response.content.decode()
    assert not User.objects.filter(email__startswith="truus").exists()
    assert mailoutbox == []


def test_invite_without_a_wop_asks_for_one(as_coordinator, wop):
    response = _invite(as_coordinator)

    assert response.context["form"].errors["wops"] == ["Kies minstens één wijk."]
