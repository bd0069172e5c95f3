"""Entering a buddy sign-up in the admin on behalf of a resident: consent, the
volunteer and the WOP recorded, and which projects and postcodes are allowed."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from neighbourhood.buddies.viewsets import buddy_signup_viewset
from neighbourhood.models import BuddySignup, ConsentMethod, OutboxEmail
from tests.factories import make_volunteer

pytestmark = pytest.mark.django_db

SIGNUP_ADD = buddy_signup_viewset.get_url_name("add")


def _assisted_data(project, **changes):
    data = {
        "project": project.pk,
        "role": "seeker",
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "hans@example.org",
        "street": "Kerkweg",
        "house_number": "12",
        "postcode": "2906 ab",
        "contact_preference": "phone",
        "interests": ["chess"],
        "availability": ["mon_morning"],
        "languages": ["nl"],
        "interests_other": "",
        "languages_other": "",
        "meeting_needs": "Loopt met een rollator",
        "message": "",
        "consent_method": ConsentMethod.VERBAL,
        "consent_given": "on",
    }
    return {**data, **changes}


def test_assisted_signup_records_verbal_consent_the_volunteer_and_the_wop(
    client, volunteer, wop, buddy_project, mailoutbox
):
    make_volunteer(wop, email="collega@example.org")
    client.force_login(volunteer)

    response = client.post(reverse(SIGNUP_ADD), _assisted_data(buddy_project))

    assert response.status_code == 302
    signup = BuddySignup.objects.get()
    assert signup.wop == wop
    assert signup.project_id == buddy_project.pk
    assert signup.registered_by == volunteer
    assert signup.consent_method == ConsentMethod.VERBAL
    assert "Schaakmaatjes" in signup.consent_text
    assert signup.postcode == "2906AB"
    assert signup.interests == ["chess"]
    assert signup.meeting_needs == "Loopt met een rollator"
    staff = OutboxEmail.objects.get(to=["collega@example.org"])
    assert staff.subject == "Nieuwe aanmelding voor Schaakmaatjes"
    assert "/intrekken/" not in staff.body
    confirmation = OutboxEmail.objects.get(to=["hans@example.org"])
    assert f"/intrekken/{signup.token}/" in confirmation.body
    assert sorted(m.to[0] for m in mailoutbox) == [
        "collega@example.org",
        "hans@example.org",
    ]


def test_the_volunteer_who_entered_the_signup_gets_no_mail_about_it(
    client, volunteer, wop, buddy_project, mailoutbox
):
    client.force_login(volunteer)

    client.post(reverse(SIGNUP_ADD), _assisted_data(buddy_project, email=""))

    assert BuddySignup.objects.get().registered_by == volunteer
    assert [m.to for m in mailoutbox] == []


def test_assisted_signup_can_record_consent_on_paper(client, volunteer, buddy_project):
    client.force_login(volunteer)

    client.post(
        reverse(SIGNUP_ADD),
        _assisted_data(buddy_project, consent_method=ConsentMethod.PAPER),
    )

    assert BuddySignup.objects.get().consent_method == ConsentMethod.PAPER


def test_assisted_signup_needs_the_residents_consent(client, volunteer, buddy_project):
    client.force_login(volunteer)
    data = _assisted_data(buddy_project)
    del data["consent_given"]

    response = client.post(reverse(SIGNUP_ADD), data)

    assert response.status_code == 200
    assert "consent_given" in response.context["form"].errors
    assert not BuddySignup.objects.exists()


def test_assisted_signup_offers_own_and_city_wide_projects_only(
    client, volunteer, buddy_project, city_buddy_project, other_buddy_project
):
    client.force_login(volunteer)

    form = client.get(reverse(SIGNUP_ADD)).context["form"]

    assert {p.pk for p in form.fields["project"].queryset} == {
        buddy_project.pk,
        city_buddy_project.pk,
    }


def test_volunteer_cannot_register_for_another_wops_project(
    client, volunteer, other_buddy_project
):
    client.force_login(volunteer)

    response = client.post(
        reverse(SIGNUP_ADD),
        _assisted_data(other_buddy_project, postcode="2903 AB"),
    )

    assert response.status_code == 200
    assert "project" in response.context["form"].errors
    assert not BuddySignup.objects.exists()


def test_city_wide_signup_goes_to_the_wop_of_the_postcode(
    client, volunteer, wop, city_buddy_project
):
    client.force_login(volunteer)

    client.post(reverse(SIGNUP_ADD), _assisted_data(city_buddy_project))

    assert BuddySignup.objects.get().wop == wop


def test_city_wide_signup_for_another_wops_postcode_is_refused(
    client, volunteer, other_wop, city_buddy_project
):
    client.force_login(volunteer)

    response = client.post(
        reverse(SIGNUP_ADD), _assisted_data(city_buddy_project, postcode="2903 AB")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["postcode"] == [
        "Postcode 2903 AB hoort bij wijk Oostgaarde, waar u niet in werkt. Geef de "
        "aanmelding door aan een coördinator of aan de vrijwilligers van die wijk."
    ]
    assert not BuddySignup.objects.exists()


def test_coordinator_registers_a_city_wide_signup_in_any_wop(
    client, coordinator, other_wop, city_buddy_project
):
    client.force_login(coordinator)

    client.post(
        reverse(SIGNUP_ADD), _assisted_data(city_buddy_project, postcode="2903 AB")
    )

    signup = BuddySignup.objects.get()
    assert (signup.wop, signup.registered_by) == (other_wop, coordinator)


# The consent text read out on the phone --------------------------------------


def _read_out(response) -> str:
    """The words beside the consent box that the volunteer reads out."""
    text = " ".join(unescape(strip_tags(response.content.decode())).split())
    match = re.search(r"Lees de bewoner voor: “(.*?)”", text)
    assert match, "no consent text to read out"
    return match.group(1)


def test_before_a_project_is_chosen_the_consent_text_fits_any_project(
    client, volunteer, buddy_project, city_buddy_project
):
    client.force_login(volunteer)

    text = _read_out(client.get(reverse(SIGNUP_ADD)))

    assert "het maatjesproject waarvoor ik mij aanmeld" in text
    assert "‘" not in text and "…" not in text


def test_the_consent_text_names_the_chosen_project(
    client, volunteer, buddy_project, city_buddy_project
):
    client.force_login(volunteer)

    chosen = client.get(reverse(SIGNUP_ADD), {"project": city_buddy_project.pk})
    posted = client.post(
        reverse(SIGNUP_ADD),
        _assisted_data(buddy_project, consent_given=""),  # read out first
    )

    assert "maatjesproject ‘Jongerenmaatjes’" in _read_out(chosen)
    assert "maatjesproject ‘Schaakmaatjes’" in _read_out(posted)
    assert not BuddySignup.objects.exists()


def test_with_one_project_on_offer_it_is_chosen_and_named(
    client, volunteer, buddy_project
):
    client.force_login(volunteer)

    response = client.get(reverse(SIGNUP_ADD))

    assert "maatjesproject ‘Schaakmaatjes’" in _read_out(response)
    assert response.context["form"]["project"].value() == buddy_project.pk
