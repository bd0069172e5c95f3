"""The printed welcome pack: a personal letter, the WOP's activities and its
smoelenboek, for one claim in the admin; without the letter, publicly."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from neighbourhood.models import KeyFigure
from tests.factories import (
    make_claim,
    make_event,
    make_event_index,
    make_present,
    make_welcome_pack,
)
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset

pytestmark = pytest.mark.django_db

PRINT = welcome_pack_claim_viewset.get_url_name("print")


@pytest.fixture
def pack(wop, other_wop):
    """Schollevaar and Oostgaarde each with an activity and a key figure."""
    make_event(index=make_event_index(parent=wop), title="Koffieochtend", cost="2")
    make_event(
        index=make_event_index(parent=other_wop),
        title="Taalcafé Oostgaarde",
        slug="taalcafe",
    )
    KeyFigure.objects.create(
        wop=wop, name="Fatima el Amrani", role="Buurtconciërge", phone="06-11111111"
    )
    KeyFigure.objects.create(wop=other_wop, name="Kees Bakker", role="Wijkagent")
    return make_welcome_pack(wop=wop)


@pytest.fixture
def claim(wop, pack):
    return make_claim(
        wop=wop,
        name="Patricia Jansen",
        present=make_present(wop=wop, name="Bloemzaadjes"),
        interests=["buddy"],
    )


def test_printed_pack_holds_the_letter_and_only_its_own_wops_activities_and_faces(
    client, volunteer, claim
):
    client.force_login(volunteer)

    response = client.get(reverse(PRINT, args=[claim.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Welkom in Schollevaar, Patricia Jansen!" in content
    assert "Bloemzaadjes" in content
    assert "Koffieochtend" in content
    assert "€ 2,00" in content
    assert "Fatima el Amrani" in content
    assert "Buurtconciërge" in content
    assert "Taalcafé Oostgaarde" not in content
    assert "Kees Bakker" not in content
    # Each part on a page of its own, by the pack's print stylesheet.
    assert "welcome_pack/css/pack_print.css" in content
    stylesheet = Path(finders.find("welcome_pack/css/pack_print.css")).read_text()
    assert "break-before: page" in stylesheet
    assert "no-cache" in response["Cache-Control"]


def test_another_wops_volunteer_cannot_print_the_pack(client, other_volunteer, claim):
    client.force_login(other_volunteer)

    assert client.get(reverse(PRINT, args=[claim.pk])).status_code == 404


def test_coordinator_prints_any_wops_pack(client, coordinator, claim):
    client.force_login(coordinator)

    assert client.get(reverse(PRINT, args=[claim.pk])).status_code == 200


def test_anonymous_visitor_cannot_print_a_claims_pack(client, claim):
    response = client.get(reverse(PRINT, args=[claim.pk]))

    assert response.status_code == 302
    assert "Patricia" not in response.content.decode()


def test_blank_pack_is_public_and_names_no_resident(client, pack, claim):
    response = client.get(pack.url + "folder/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Koffieochtend" in content
    assert "Fatima el Amrani" in content
    assert "Taalcafé Oostgaarde" not in content
    assert "Kees Bakker" not in content
    assert "Patricia" not in content
    assert "Welkom in Schollevaar," not in content
    assert "public" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" not in content
