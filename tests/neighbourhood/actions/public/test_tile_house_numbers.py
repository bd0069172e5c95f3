"""House numbers on the wave-tile request: one tile per address however the
number is typed, and a number that is none is explained."""

import pytest

from neighbourhood.models import ActionRequest
from tests import factories
from tests.neighbourhood.actions.form_data import card_answers, tile_answers
from tests.neighbourhood.actions.public._support import field_error, text


def test_number_with_a_leading_zero_and_small_letter_is_the_same_address(
    client, tile_page, wop
):
    factories.make_tile_stock(wop=wop, quantity=3)
    client.post(tile_page.url, tile_answers(house_number="12b"))

    response = client.post(
        tile_page.url, tile_answers(name="Piet Bakker", house_number="012 b")
    )

    assert response.status_code == 200
    assert "Voor dit adres is al een zwaaitegel aangevraagd." in text(response)
    assert ActionRequest.objects.get().house_number == "12B"


def test_an_addition_in_digits_stays_apart_from_a_longer_number(client, tile_page, wop):
    factories.make_tile_stock(wop=wop, quantity=3)
    client.post(tile_page.url, tile_answers(house_number="12-1"))
    client.post(tile_page.url, tile_answers(name="Piet Bakker", house_number="121"))

    assert sorted(ActionRequest.objects.values_list("house_number", flat=True)) == [
        "12-1",
        "121",
    ]


@pytest.mark.parametrize(
    ("house_number", "message"),
    [
        ("abc", "Dit is geen huisnummer. Een huisnummer begint met een getal"),
        ("99999999", "Een huisnummer is een getal van 1 tot en met 99999."),
        ("12 #$%", "Een toevoeging is kort: een paar letters of cijfers"),
    ],
)
def test_a_house_number_that_is_none_is_refused_with_a_message(
    client, tile_page, house_number, message
):
    response = client.post(tile_page.url, tile_answers(house_number=house_number))

    assert message in field_error(response.content.decode(), "house_number")
    assert not ActionRequest.objects.exists()


def test_the_neighbours_house_number_on_a_card_is_checked_too(
    client, card_page, design
):
    response = client.post(
        card_page.url,
        card_answers(design, recipient_house_number="abc"),
    )

    assert "Dit is geen huisnummer." in field_error(
        response.content.decode(), "recipient_house_number"
    )
    assert not ActionRequest.objects.exists()
