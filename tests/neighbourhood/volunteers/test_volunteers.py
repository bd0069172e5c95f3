"""Coordinators invite volunteers to their WOPs, remove them and let trusted
volunteers publish; the invited person sets a password through allauth and
lands in the admin."""

import html
import re
import time
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import signing
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.models import User, WopRole
from neighbourhood.scoping.access import wop_group
from neighbourhood.scoping.permissions import wops_for_user
from neighbourhood.volunteers.invitations import volunteer_invite
from neighbourhood.volunteers.services import volunteer_remove
from neighbourhood.volunteers.viewsets import volunteer_viewset
from tests import factories
from tests.neighbourhood.review.test_workflow import _review_mails, _submit

pytestmark = pytest.mark.django_db

INDEX = reverse(volunteer_viewset.get_url_name("index"))
INVITE = reverse(volunteer_viewset.get_url_name("invite"))
PASSWORD = "Buurtkoffie-op-woensdag-42"


def _remove_url(wop, user):
    return reverse(volunteer_viewset.get_url_name("remove"), args=[wop.pk, user.pk])


def _publish_url(wop, user):
    return reverse(volunteer_viewset.get_url_name("publish"), args=[wop.pk, user.pk])


def _messages(response) -> list[str]:
    """The admin messages, as the person reads them."""
    return [
        html.unescape(str(message)).strip()
        for message in response.wsgi_request._messages
    ]


def _invite(client, **data):
    data.setdefault("email", "truus@example.org")
    data.setdefault("name", "Truus Jansen")
    return client.post(INVITE, data)


def _link(mail) -> str:
    """The path and query of the set-password link in ``mail``."""
    url = re.search(r"https?://\S+/account/password/reset/key/\S+", mail.body)[0]
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator)
    return client


# Inviting --------------------------------------------------------------------


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


def _accept_link(mail) -> str:
    """The path of the link to accept an invitation in ``mail``."""
    url = re.search(r"https?://\S+/vrijwilliger/uitnodiging/\S+/", mail.body)[0]
    return urlsplit(url).path


@pytest.fixture
def existing(db):
    """Someone with an account of their own, in no WOP."""
    return factories.make_user(
        email="truus@example.org", first_name="Geertruida", last_name="Verborgen"
    )


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


# Listing ---------------------------------------------------------------------


def test_list_shows_each_wops_people_with_role_and_last_login(
    as_coordinator, wop, other_wop, volunteer, other_volunteer
):
    factories.make_publisher(wop, email="trusted@example.org")
    factories.make_wop_coordinator(wop, email="wijkcoordinator@example.org")

    page = as_coordinator.get(INDEX).content.decode()

    # Panels by title: Oostgaarde first, then Schollevaar.
    schollevaar = page[page.index(f'id="wop-{wop.pk}') :]
    assert "vrijwilliger@example.org" in schollevaar
    assert "trusted@example.org" in schollevaar
    assert "Publiceert zelf" in schollevaar
    assert "Coördinator" in schollevaar
    assert "Nog niet ingelogd" in schollevaar
    assert "oostgaarde@example.org" not in schollevaar
    assert "oostgaarde@example.org" in page


def test_menu_shows_volunteers_to_coordinators_only(client, coordinator, volunteer):
    client.force_login(coordinator)
    coordinator_dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(volunteer)
    volunteer_dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert INDEX in coordinator_dashboard
    assert INDEX not in volunteer_dashboard


# Removing --------------------------------------------------------------------


def test_remove_asks_for_confirmation_first(as_coordinator, volunteer, wop):
    response = as_coordinator.get(_remove_url(wop, volunteer))

    assert response.status_code == 200
    assert "Weet u zeker" in response.content.decode()
    assert wop_group(wop) in volunteer.groups.all()


def test_removed_volunteer_loses_the_wop_at_their_next_request(
    client, coordinator, wop, other_wop
):
    volunteer = factories.make_publisher(wop, email="hans@example.org")
    volunteer.groups.add(wop_group(other_wop))
    request = factories.make_action_request(wop=wop)
    edit = reverse(action_request_viewset.get_url_name("edit"), args=[request.pk])
    client.force_login(volunteer)
    assert client.get(edit).status_code == 200

    client.force_login(coordinator)
    response = client.post(_remove_url(wop, volunteer))
    client.force_login(volunteer)

    assert response.status_code == 302
    assert _messages(response) == [
        "hans@example.org is verwijderd uit Schollevaar en kan daar niet meer bij."
    ]
    assert client.get(edit).status_code == 404
    assert list(wops_for_user(User.objects.get(pk=volunteer.pk))) == [other_wop]
    assert ModelLogEntry.objects.filter(
        object_id=str(volunteer.pk), action="verbuurzamen.volunteer_remove"
    ).exists()


def test_volunteer_of_one_wop_has_no_admin_left_after_removal(
    client, coordinator, volunteer, wop
):
    request = factories.make_action_request(wop=wop)
    edit = reverse(action_request_viewset.get_url_name("edit"), args=[request.pk])

    volunteer_remove(user=volunteer, wop=wop, by=coordinator)
    client.force_login(volunteer)
    response = client.get(edit)

    assert not wops_for_user(User.objects.get(pk=volunteer.pk)).exists()
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_wop_coordinator_cannot_remove_a_fellow_coordinator(client, wop):
    wop_coordinator = factories.make_wop_coordinator(wop, email="a@example.org")
    colleague = factories.make_wop_coordinator(wop, email="b@example.org")
    client.force_login(wop_coordinator)

    page = client.get(INDEX).content.decode()
    response = client.post(_remove_url(wop, colleague))

    assert _remove_url(wop, colleague) not in page
    assert response.status_code == 302
    assert wop_group(wop, WopRole.COORDINATORS) in colleague.groups.all()


def test_city_wide_coordinator_can_remove_a_wop_coordinator(as_coordinator, wop):
    wop_coordinator = factories.make_wop_coordinator(wop, email="a@example.org")

    as_coordinator.post(_remove_url(wop, wop_coordinator))

    assert not wops_for_user(User.objects.get(pk=wop_coordinator.pk)).exists()


# Trusted volunteers ----------------------------------------------------------


def test_trusted_toggle_lets_a_volunteer_publish_the_wops_pages(
    as_coordinator, volunteer, wop
):
    street = factories.make_street(wop=wop)
    assert not street.permissions_for_user(volunteer).can_publish()

    on = as_coordinator.post(_publish_url(wop, volunteer), {"may_publish": "1"})
    trusted = User.objects.get(pk=volunteer.pk)
    may_publish_when_on = street.permissions_for_user(trusted).can_publish()
    as_coordinator.post(_publish_url(wop, volunteer), {"may_publish": "0"})
    untrusted = User.objects.get(pk=volunteer.pk)

    assert _messages(on) == [
        "vrijwilliger@example.org mag nu zelf pagina's van Schollevaar publiceren."
    ]
    assert may_publish_when_on
    assert not street.permissions_for_user(untrusted).can_publish()
    assert street.permissions_for_user(untrusted).can_edit()


def test_publish_toggle_is_post_only(as_coordinator, volunteer, wop):
    assert as_coordinator.get(_publish_url(wop, volunteer)).status_code == 405


# Scope -----------------------------------------------------------------------


def test_wop_coordinator_works_in_their_own_wop_only(
    client, wop, other_wop, other_volunteer, mailoutbox
):
    wop_coordinator = factories.make_wop_coordinator(wop, email="a@example.org")
    client.force_login(wop_coordinator)

    page = client.get(INDEX).content.decode()
    form = client.get(INVITE, {"wop": other_wop.pk})
    invite = _invite(client, wops=[other_wop.pk])
    remove_page = client.get(_remove_url(other_wop, other_volunteer))
    remove = client.post(_remove_url(other_wop, other_volunteer))
    publish = client.post(
        _publish_url(other_wop, other_volunteer), {"may_publish": "1"}
    )

    assert "Schollevaar" in page
    assert "Oostgaarde" not in page
    assert list(form.context["form"].fields["wops"].queryset) == [wop]
    assert invite.status_code == 200
    assert "wops" in invite.context["form"].errors
    assert not User.objects.filter(email="truus@example.org").exists()
    assert mailoutbox == []
    assert (remove_page.status_code, remove.status_code, publish.status_code) == (
        404,
        404,
        404,
    )
    assert set(other_volunteer.groups.all()) == {wop_group(other_wop)}


def test_person_outside_the_wop_is_a_404(as_coordinator, wop, other_volunteer):
    assert as_coordinator.get(_remove_url(wop, other_volunteer)).status_code == 404


def test_coordinator_of_one_wop_and_volunteer_of_another_manages_only_the_first(
    client, wop, other_wop, other_volunteer
):
    person = factories.make_wop_coordinator(wop, email="a@example.org")
    person.groups.add(wop_group(other_wop))
    client.force_login(person)

    page = client.get(INDEX).content.decode()
    remove = client.post(_remove_url(other_wop, other_volunteer))

    assert "Oostgaarde" not in page
    assert remove.status_code == 404


def test_volunteer_cannot_reach_the_volunteer_admin(client, volunteer, wop):
    colleague = factories.make_volunteer(wop, email="collega@example.org")
    client.force_login(volunteer)

    responses = [
        client.get(INDEX),
        client.get(INVITE),
        _invite(client, wops=[wop.pk]),
        client.post(_remove_url(wop, colleague)),
        client.post(_publish_url(wop, colleague), {"may_publish": "1"}),
    ]

    # Wagtail's answer to a permission denied: back to the dashboard, with a
    # message (a 403 for script requests).
    assert {(r.status_code, r.url) for r in responses} == {
        (302, reverse("wagtailadmin_home"))
    }
    assert set(colleague.groups.all()) == {wop_group(wop)}
    assert not User.objects.filter(email="truus@example.org").exists()
    assert (
        client.get(INDEX, headers={"x-requested-with": "XMLHttpRequest"}).status_code
        == 403
    )


# Coordinators of a WOP (appointed by city-wide coordinators) -----------------


def _coordinator_url(wop, user):
    return reverse(
        volunteer_viewset.get_url_name("coordinator"), args=[wop.pk, user.pk]
    )


def _fresh(user) -> User:
    """``user`` as their next request sees them (no cached permissions)."""
    return User.objects.get(pk=user.pk)


def _submit_for_review(page, author):
    """``author`` submits ``page`` for review in the page editor, as in
    review/test_workflow; returns the review request e-mails."""
    client = Client()
    client.force_login(author)
    _submit(client, page, intro="Nieuwe tekst over de buurt.")
    return _review_mails()


def test_city_wide_coordinator_invites_a_coordinator_of_one_wop(
    as_coordinator, coordinator, wop, other_wop, volunteer, mailoutbox
):
    form = as_coordinator.get(INVITE).content.decode()

    response = _invite(
        as_coordinator,
        email="zeynep@example.org",
        name="Zeynep Kaya",
        wops=[wop.pk],
        role="coordinators",
    )

    assert "Coördinator van deze wijk(en)" in form
    assert _messages(response) == [
        "Uitnodiging als coördinator verstuurd naar zeynep@example.org voor "
        "Schollevaar."
    ]
    person = User.objects.get(email="zeynep@example.org")
    assert set(person.groups.all()) == {wop_group(wop, WopRole.COORDINATORS)}
    mail = mailoutbox[-1]
    assert mail.to == ["zeynep@example.org"]
    assert mail.subject == "Uitnodiging: coördinator van Schollevaar"
    assert "nodigt u uit als coördinator van Schollevaar" in mail.body
    assert "Vraagt een vrijwilliger om controle van een pagina" in mail.body
    assert _link(mail)
    assert (
        ModelLogEntry.objects.get(
            object_id=str(person.pk), action="verbuurzamen.volunteer_invite"
        ).message
        == "Uitgenodigd als coördinator van Schollevaar"
    )
    street = factories.make_street(wop=wop)
    other_street = factories.make_street(wop=other_wop, title="Oostgaardestraat")
    assert street.permissions_for_user(_fresh(person)).can_publish()
    assert not other_street.permissions_for_user(_fresh(person)).can_edit()

    mails = _submit_for_review(street, volunteer)

    assert [mail.to for mail in mails] == [["zeynep@example.org"]]


def test_city_wide_coordinator_makes_a_volunteer_coordinator_of_their_wop(
    as_coordinator, coordinator, wop, other_wop, mailoutbox
):
    person = factories.make_publisher(
        wop, email="truus@example.org", first_name="Truus", last_name="Jansen"
    )
    person.groups.add(wop_group(other_wop))
    author = factories.make_volunteer(wop, email="auteur@example.org")
    street = factories.make_street(wop=wop)
    other_street = factories.make_street(wop=other_wop, title="Oostgaardestraat")

    response = as_coordinator.post(
        _coordinator_url(wop, person), {"is_coordinator": "1"}
    )

    assert _messages(response) == [
        "Truus Jansen is nu coördinator van Schollevaar en krijgt de verzoeken om "
        "controle van die wijk."
    ]
    assert wop_group(wop, WopRole.COORDINATORS) in person.groups.all()
    assert street.permissions_for_user(_fresh(person)).can_publish()
    # Still a plain volunteer in the other WOP: edits, does not publish.
    assert other_street.permissions_for_user(_fresh(person)).can_edit()
    assert not other_street.permissions_for_user(_fresh(person)).can_publish()
    mail = mailoutbox[-1]
    assert mail.to == ["truus@example.org"]
    assert mail.subject == "U bent nu coördinator van Schollevaar"
    assert "heeft u coördinator gemaakt van Schollevaar" in mail.body
    assert "/account/password/reset/" not in mail.body
    assert (
        ModelLogEntry.objects.get(
            object_id=str(person.pk), action="verbuurzamen.volunteer_coordinator"
        ).message
        == "Coördinator gemaakt van Schollevaar"
    )

    mails = _submit_for_review(street, author)

    assert [mail.to for mail in mails] == [["truus@example.org"]]


def test_existing_account_invited_as_coordinator_becomes_one_only_when_it_says_yes(
    as_coordinator, client, wop, existing, mailoutbox
):
    response = _invite(
        as_coordinator,
        email="truus@example.org",
        wops=[wop.pk],
        role="coordinators",
    )
    not_yet = set(existing.groups.all())
    person = Client()
    person.force_login(existing)
    link = _accept_link(mailoutbox[-1])
    question = person.get(link).content.decode()
    person.post(link)

    assert _messages(response) == [
        "Uitnodiging als coördinator verstuurd naar truus@example.org voor Schollevaar."
    ]
    assert not_yet == set()
    assert mailoutbox[-1].subject == "Uitnodiging: coördinator van Schollevaar"
    assert "Wilt u coördinator worden van Schollevaar?" in question
    assert set(existing.groups.all()) == {wop_group(wop, WopRole.COORDINATORS)}


def test_inviting_a_volunteer_of_the_wop_as_coordinator_promotes_them(
    as_coordinator, volunteer, wop, mailoutbox
):
    response = _invite(
        as_coordinator, email=volunteer.email, wops=[wop.pk], role="coordinators"
    )

    assert _messages(response) == [
        "vrijwilliger@example.org had al een account en is nu coördinator van "
        "Schollevaar."
    ]
    assert wop_group(wop, WopRole.COORDINATORS) in volunteer.groups.all()
    assert mailoutbox[-1].subject == "U bent nu coördinator van Schollevaar"


def test_list_shows_coordinators_first_and_who_gets_the_review_requests(
    as_coordinator, wop, other_wop, other_volunteer
):
    factories.make_volunteer(wop, email="anna@example.org")
    factories.make_wop_coordinator(
        wop, email="zeynep@example.org", first_name="Zeynep", last_name="Kaya"
    )

    page = as_coordinator.get(INDEX).content.decode()

    oostgaarde = page[
        page.index(f'id="wop-{other_wop.pk}') : page.index(f'id="wop-{wop.pk}')
    ]
    schollevaar = page[page.index(f'id="wop-{wop.pk}') :]
    assert schollevaar.index("zeynep@example.org") < schollevaar.index(
        "anna@example.org"
    )
    assert (
        "Verzoeken om controle van pagina's van Schollevaar gaan naar de "
        "coördinatoren van deze wijk: Zeynep Kaya." in schollevaar
    )
    assert (
        "Oostgaarde heeft geen eigen coördinator. Verzoeken om controle gaan naar "
        "de coördinatoren van de hele stad." in oostgaarde
    )
    assert "Coördinator van de wijk maken" in schollevaar
    assert "Geen coördinator meer" in schollevaar


def test_wop_coordinator_cannot_appoint_coordinators(
    client, wop, volunteer, mailoutbox
):
    wop_coordinator = factories.make_wop_coordinator(wop, email="a@example.org")
    client.force_login(wop_coordinator)

    form = client.get(INVITE).content.decode()
    index = client.get(INDEX).content.decode()
    invite = _invite(client, wops=[wop.pk], role="coordinators")
    promote = client.post(_coordinator_url(wop, volunteer), {"is_coordinator": "1"})

    assert "Coördinator van deze wijk(en)" not in form
    assert _coordinator_url(wop, volunteer) not in index
    assert invite.status_code == 200
    assert invite.context["form"].errors["role"] == [
        "U kunt iemand alleen als vrijwilliger uitnodigen. Alleen coördinatoren "
        "van de hele stad maken iemand coördinator van een wijk."
    ]
    assert "Alleen coördinatoren van de hele stad" in invite.content.decode()
    assert not User.objects.filter(email="truus@example.org").exists()
    assert _messages(promote) == [
        "Alleen coördinatoren van de hele stad maken iemand coördinator van een "
        "wijk, of nemen die rol weer af. Er is niets veranderd."
    ]
    assert set(volunteer.groups.all()) == {wop_group(wop)}
    assert mailoutbox == []
    assert not ModelLogEntry.objects.filter(
        action="verbuurzamen.volunteer_coordinator"
    ).exists()


def test_wop_coordinator_can_still_invite_volunteers(client, wop, mailoutbox):
    wop_coordinator = factories.make_wop_coordinator(wop, email="a@example.org")
    client.force_login(wop_coordinator)

    _invite(client, wops=[wop.pk])

    person = User.objects.get(email="truus@example.org")
    assert set(person.groups.all()) == {wop_group(wop)}
    assert "als vrijwilliger" in mailoutbox[-1].body


def test_taking_the_coordinator_role_away_removes_publish_rights_at_once(
    as_coordinator, coordinator, wop, volunteer
):
    person = factories.make_wop_coordinator(wop, email="zeynep@example.org")
    street = factories.make_street(wop=wop)
    assert street.permissions_for_user(_fresh(person)).can_publish()

    response = as_coordinator.post(
        _coordinator_url(wop, person), {"is_coordinator": "0"}
    )

    assert _messages(response) == [
        "zeynep@example.org is geen coördinator meer van Schollevaar, maar blijft "
        "vrijwilliger. Pagina's van zeynep@example.org worden weer eerst bekeken."
    ]
    demoted = _fresh(person)
    assert not street.permissions_for_user(demoted).can_publish()
    assert street.permissions_for_user(demoted).can_edit()
    assert set(demoted.groups.all()) == {wop_group(wop)}
    # The WOP has no coordinator of its own now: the city-wide ones review.
    mails = _submit_for_review(street, volunteer)
    assert [mail.to for mail in mails] == [["coordinator@example.org"]]


def test_a_trusted_volunteer_made_coordinator_and_back_is_reviewed_again(
    as_coordinator, wop
):
    person = factories.make_publisher(wop, email="truus@example.org")
    street = factories.make_street(wop=wop)

    as_coordinator.post(_coordinator_url(wop, person), {"is_coordinator": "1"})
    as_coordinator.post(_coordinator_url(wop, person), {"is_coordinator": "0"})

    assert not street.permissions_for_user(_fresh(person)).can_publish()


def test_coordinator_toggle_is_post_only(as_coordinator, volunteer, wop):
    assert as_coordinator.get(_coordinator_url(wop, volunteer)).status_code == 405


def test_coordinator_toggle_for_someone_outside_the_wop_is_a_404(
    as_coordinator, wop, other_wop, other_volunteer
):
    response = as_coordinator.post(
        _coordinator_url(wop, other_volunteer), {"is_coordinator": "1"}
    )

    assert response.status_code == 404
    assert set(other_volunteer.groups.all()) == {wop_group(other_wop)}
