"""The printed pack as a new neighbour gets it: the programme's name and
logo, repeating activities once with their rule, faces with a photo or a
placeholder, and the volunteer's notes on a sheet of their own."""

import re
from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection

from neighbourhood.models import KeyFigure
from tests.factories import (
    make_claim,
    make_event,
    make_event_index,
    make_image,
    make_present,
    make_welcome_pack,
)
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset

pytestmark = pytest.mark.django_db

PRINT = welcome_pack_claim_viewset.get_url_name("print")
VOLUNTEER_NOTES = ("persoonsgegevens", "Gemaakt op", "niet meegeven")


@pytest.fixture
def pack(wop):
    today = timezone.localdate()
    index = make_event_index(parent=wop)
    make_event(
        index=index,
        title="Jongerenavond",
        repeat="weekly",
        weekdays=[1],
        start_date=today,
        repeat_until=today + timedelta(days=120),
        start_time=time(19),
        end_time=time(21, 30),
    )
    make_event(index=index, title="Burenborrel", start_date=today + timedelta(days=9))
    KeyFigure.objects.create(
        wop=wop,
        name="Fatima el Amrani",
        role="Buurtconciërge",
        phone="06-11111111",
        photo=make_image(Collection.get_first_root_node(), title="Fatima"),
    )
    KeyFigure.objects.create(wop=wop, name="Kees Bakker", role="Wijkagent")
    return make_welcome_pack(wop=wop)


@pytest.fixture
def claim(wop, pack):
    return make_claim(
        wop=wop, name="Patricia Jansen", present=make_present(wop=wop, name="Zaadjes")
    )


def _sheets(html: str) -> dict[str, str]:
    """Each printed sheet's HTML by its kind: volunteer, letter, flyer,
    smoelenboek."""
    parts = re.split(r'(?=<section class="sheet )', html)[1:]
    return {
        re.match(r'<section class="sheet pack-(\w+)', part)[1]: part.split(
            "</section>"
        )[0]
        for part in parts
    }


def _print(client, volunteer, claim) -> dict[str, str]:
    client.force_login(volunteer)
    return _sheets(client.get(reverse(PRINT, args=[claim.pk])).content.decode())


def test_every_sheet_for_the_resident_bears_the_programme_and_the_wop(
    client, volunteer, claim, settings
):
    settings.VERBUURZAMEN_PROGRAMME_NAME = "Meer samen, minder eenzaam"
    settings.VERBUURZAMEN_PROGRAMME_LOGO = "https://gemeente.example.nl/logo.png"

    sheets = _print(client, volunteer, claim)

    assert list(sheets) == ["volunteer", "letter", "flyer", "smoelenboek"]
    for kind in ("letter", "flyer", "smoelenboek"):
        assert "Meer samen, minder eenzaam" in sheets[kind]
        assert 'src="https://gemeente.example.nl/logo.png"' in sheets[kind]
        assert "Wijkplatform Schollevaar" in sheets[kind]


def test_without_settings_the_plugins_own_name_and_logo(client, volunteer, claim):
    letter = _print(client, volunteer, claim)["letter"]

    assert "Verbuurzamen" in letter
    assert "neighbourhood/programme-logo.svg" in letter


def test_the_letter_gives_the_wops_page_on_the_public_address(client, volunteer, claim):
    letter = _print(client, volunteer, claim)["letter"]

    assert "Welkom in Schollevaar, Patricia Jansen!" in letter
    assert re.search(r"Op internet: https?://[^/<]+/\S*schollevaar/<", letter)


def test_a_weekly_activity_is_on_the_flyer_once_with_its_rule(client, volunteer, claim):
    flyer = _print(client, volunteer, claim)["flyer"]

    assert flyer.count("Jongerenavond") == 1
    assert "Elke dinsdag</strong><br>19.00 – 21.30 uur" in flyer
    assert "De volgende keer: " in flyer
    assert flyer.count("Burenborrel") == 1


def test_no_volunteer_note_on_what_goes_to_the_resident(client, volunteer, claim):
    sheets = _print(client, volunteer, claim)

    for kind in ("letter", "flyer", "smoelenboek"):
        for note in VOLUNTEER_NOTES:
            assert note not in sheets[kind], (kind, note)
    volunteer_sheet = sheets["volunteer"]
    assert "Voor de vrijwilliger – niet meegeven" in volunteer_sheet
    assert "De brief en dit vel bevatten persoonsgegevens" in volunteer_sheet
    assert f"Gemaakt op {timezone.localdate().day} " in volunteer_sheet
    assert "Zaadjes" in volunteer_sheet
    assert "Maasstraat 1, 2906 AB" in volunteer_sheet


def test_smoelenboek_shows_a_photo_or_an_initial(client, volunteer, claim):
    smoelenboek = _print(client, volunteer, claim)["smoelenboek"]

    fatima, kees = smoelenboek.split('<li class="pack-face">')[1:]
    assert re.search(r'<img [^>]*class="pack-face__photo"', fatima)
    assert "pack-face__photo--none" in kees and ">K</span>" in kees


def test_the_blank_pack_has_no_sheet_for_volunteers(client, pack):
    html = client.get(pack.url + "folder/").content.decode()

    assert list(_sheets(html)) == ["flyer", "smoelenboek"]
    for note in VOLUNTEER_NOTES:
        assert note not in html
