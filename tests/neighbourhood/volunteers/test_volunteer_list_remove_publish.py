"""Coordinators list the volunteers of their WOPs, remove them and let trusted
volunteers publish, each in their own WOPs only."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from home.models import User
from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.models import WopRole
from neighbourhood.scoping.access import wop_group
from neighbourhood.scoping.permissions import wops_for_user
from neighbourhood.volunteers.services import volunteer_remove
from tests import factories
from tests.neighbourhood.volunteers._support import (
    INDEX,
    INVITE,
    _invite,
    _messages,
    _publish_url,
    _remove_url,
)

pytestmark = pytest.mark.django_db

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
