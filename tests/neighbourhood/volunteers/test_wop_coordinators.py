"""City-wide coordinators appoint coordinators of one WOP, who get its review
requests and publish its pages, and take that role away again."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from home.models import User
from neighbourhood.models import WopRole
from neighbourhood.scoping.access import wop_group
from neighbourhood.volunteers.viewsets import volunteer_viewset
from tests import factories
from tests.neighbourhood.review.test_workflow import _review_mails, _submit
from tests.neighbourhood.volunteers._support import (
    INDEX,
    INVITE,
    _accept_link,
    _invite,
    _link,
    _messages,
)

pytestmark = pytest.mark.django_db

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
