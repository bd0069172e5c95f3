"""Mistakes in a buddy sign-up, each explained in Dutch at its field."""

import re

import pytest

from neighbourhood.models import BuddySignup, KeyFigure
from tests.factories import buddy_signup_form_data as answers
from tests.neighbourhood.buddies._support import field_error


def test_each_mistake_is_explained_in_dutch_at_its_field_and_typed_values_stay(
    client, buddy_project
):
    response = client.post(
        buddy_project.url,
        answers(
            role=None,
            name="",
            phone="12345",
            postcode="29O6 AB",
            contact_preference=None,
            consent=None,
            interests_other="Fietsen",
        ),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert not BuddySignup.objects.exists()
    assert "<title>Fout:" in content
    assert "Er ging iets mis" in content
    assert "maatje zoekt of graag maatje wilt zijn" in field_error(content, "role")
    assert field_error(content, "name") == "Fout: Vul uw naam in."
    assert "geen geldig telefoonnummer" in field_error(content, "phone")
    assert "4 cijfers en 2 letters" in field_error(content, "postcode")
    assert "Kies hoe we contact" in field_error(content, "contact_preference")
    assert "Zonder uw toestemming" in field_error(content, "consent")
    assert re.search(r'<input[^>]*name="phone"[^>]*aria-invalid="true"', content)
    assert 'value="12345"' in content
    assert 'value="29O6 AB"' in content
    assert 'value="Fietsen"' in content
    assert re.search(r'value="chess"[^>]*checked', content)
    assert re.search(r'value="wed_afternoon"[^>]*checked', content)


def test_neither_phone_nor_email_asks_for_one_of_them(client, buddy_project):
    response = client.post(buddy_project.url, answers(phone="", email=""))

    content = response.content.decode()
    assert response.status_code == 200
    assert field_error(content, "phone") == (
        "Fout: Vul een telefoonnummer of een e-mailadres in, zodat we u kunnen "
        "bereiken."
    )
    assert not BuddySignup.objects.exists()


def test_malformed_phone_number_is_refused(client, buddy_project):
    response = client.post(buddy_project.url, answers(phone="06-1234"))

    assert "Vul 10 cijfers in" in field_error(response.content.decode(), "phone")
    assert not BuddySignup.objects.exists()


def test_malformed_email_address_is_refused(client, buddy_project):
    response = client.post(buddy_project.url, answers(email="truus@"))

    assert "geen geldig e-mailadres" in field_error(response.content.decode(), "email")
    assert not BuddySignup.objects.exists()


@pytest.mark.parametrize("preference", ["post", "visit"])
def test_a_letter_or_a_visit_needs_street_and_house_number(
    client, buddy_project, preference
):
    response = client.post(buddy_project.url, answers(contact_preference=preference))

    content = response.content.decode()
    assert "Vul uw straat in" in field_error(content, "street")
    assert "Vul uw huisnummer in" in field_error(content, "house_number")
    assert not BuddySignup.objects.exists()

    response = client.post(
        buddy_project.url,
        answers(contact_preference=preference, street="Maasstraat", house_number="12"),
    )

    assert response.status_code == 302
    assert BuddySignup.objects.get().address == "Maasstraat 12, 2906 AB"


def test_all_contact_problems_are_shown_at_once(client, buddy_project):
    response = client.post(
        buddy_project.url, answers(phone="", email="", contact_preference="post")
    )

    content = response.content.decode()
    assert "Vul een telefoonnummer of een e-mailadres in" in field_error(
        content, "phone"
    )
    assert "Vul uw straat in" in field_error(content, "street")
    assert "Vul uw huisnummer in" in field_error(content, "house_number")


def test_phone_as_the_way_of_contact_needs_a_phone_number(client, buddy_project):
    response = client.post(
        buddy_project.url, answers(phone="", email="truus@example.org")
    )

    assert "dan kunnen we u bellen" in field_error(response.content.decode(), "phone")
    assert not BuddySignup.objects.exists()


def test_email_as_the_way_of_contact_needs_an_email_address(client, buddy_project):
    response = client.post(buddy_project.url, answers(contact_preference="email"))

    assert "Vul uw e-mailadres in" in field_error(response.content.decode(), "email")
    assert not BuddySignup.objects.exists()


def test_a_postcode_no_wop_covers_is_not_taken_silently_but_says_whom_to_call(
    client, buddy_project, wop, other_wop
):
    buddy_project.contact = KeyFigure.objects.create(
        wop=wop, name="Fatima", role="Coördinator", phone="010-765 43 21"
    )
    buddy_project.save()

    response = client.post(buddy_project.url, answers(postcode="9999 ZZ"))

    assert response.status_code == 200
    assert field_error(response.content.decode(), "postcode") == (
        "Fout: We zijn nog niet actief in uw buurt (postcode 9999 ZZ). "
        "Bel gerust met Fatima: 010-765 43 21."
    )
    assert not BuddySignup.objects.exists()


def test_a_buddy_house_number_that_is_none_is_explained(client, buddy_project):
    response = client.post(buddy_project.url, answers(house_number="99999999"))

    assert "Een huisnummer is een getal van 1 tot en met 99999." in field_error(
        response.content.decode(), "house_number"
    )
    assert not BuddySignup.objects.exists()
