"""Requesting a treat or a wave tile on its public action page: stock, the
waiting list, one tile per address."""

from datetime import datetime

from django.utils import timezone

from neighbourhood.models import ActionKind, ActionRequest, ActionStatus
from neighbourhood.submissions.services import consent_record
from tests import factories
from tests.neighbourhood.actions.form_data import tile_answers, treat_answers
from tests.neighbourhood.actions.public._support import field_error, text


def placed_tile(wop, **kwargs) -> ActionRequest:
    """A wave tile request saved straight to the database, placed."""
    kwargs.setdefault("name", "Iemand")
    kwargs.setdefault("phone", "010-111 22 33")
    kwargs.setdefault("postcode", "2906AB")
    kwargs.setdefault("status", ActionStatus.DONE)
    kwargs.setdefault("address_key", f"2906AB|{kwargs['house_number']}")
    for field, value in consent_record(text="Akkoord").items():
        kwargs.setdefault(field, value)
    return ActionRequest.objects.create(wop=wop, kind=ActionKind.WAVE_TILE, **kwargs)


# Treats ---------------------------------------------------------------------


def test_treat_for_a_neighbour_is_queued_by_name(client, treat_page, wop):
    page = client.get(treat_page.url)
    assert "Deze maand nog 2 traktaties." in text(page)

    response = client.post(treat_page.url, treat_answers(treat_page))

    assert response.status_code == 302
    treat = ActionRequest.objects.get()
    assert treat.kind == ActionKind.TREAT
    assert treat.wop == wop
    assert treat.status == ActionStatus.NEW
    assert treat.treat == "Appeltaart"
    assert treat.treat_for == "neighbour"
    assert treat.recipient_street == "Maasstraat"
    assert treat.contact_preference == "phone"
    assert "Deze maand nog 1 traktatie." in text(client.get(treat_page.url))


def test_treat_to_share_keeps_no_neighbours_address(client, treat_page):
    client.post(
        treat_page.url,
        treat_answers(treat_page, treat_for="together", recipient_postcode=""),
    )

    treat = ActionRequest.objects.get()
    assert treat.treat_for == "together"
    assert treat.recipient_street == ""
    assert treat.recipient_house_number == ""


def test_treat_needs_a_phone_number_or_email(client, treat_page):
    response = client.post(treat_page.url, treat_answers(treat_page, phone=""))

    assert "telefoonnummer of een e-mailadres" in field_error(
        response.content.decode(), "phone"
    )
    assert not ActionRequest.objects.exists()


def test_treats_beyond_the_monthly_limit_go_on_the_waiting_list_and_the_page_says_so(
    client, treat_page
):
    for _number in range(2):
        client.post(treat_page.url, treat_answers(treat_page))

    page = client.get(treat_page.url)
    assert "De traktaties van deze maand zijn op." in text(page)
    assert "wachtlijst" in text(page)

    response = client.post(treat_page.url, treat_answers(treat_page), follow=True)

    assert ActionRequest.objects.filter(status=ActionStatus.WAITING).count() == 1
    assert "U staat op de wachtlijst" in text(response)


# Wave tiles -----------------------------------------------------------------


def test_wave_tile_in_stock_is_queued_for_the_own_address(client, tile_page, wop):
    factories.make_tile_stock(wop=wop, quantity=3)
    assert "Er zijn nog 3 tegels op voorraad." in text(client.get(tile_page.url))

    response = client.post(tile_page.url, tile_answers(), follow=True)

    tile = ActionRequest.objects.get()
    assert tile.kind == ActionKind.WAVE_TILE
    assert tile.status == ActionStatus.NEW
    assert tile.address_key == "2906AB|12A"
    assert tile.contact_preference == "email"
    assert "Bedankt voor uw aanvraag" in text(response)
    assert "Bevestiging per e-mail" in text(response)


def test_wave_tile_out_of_stock_goes_on_the_waiting_list(client, tile_page):
    page = client.get(tile_page.url)
    assert "geen tegels op voorraad" in text(page)

    response = client.post(tile_page.url, tile_answers(), follow=True)

    assert ActionRequest.objects.get().status == ActionStatus.WAITING
    assert "U staat op de wachtlijst" in text(response)


def test_second_wave_tile_for_the_same_address_is_refused_without_who_or_when(
    client, tile_page, wop
):
    factories.make_tile_stock(wop=wop, quantity=3)
    first_day = timezone.make_aware(datetime(2026, 3, 12, 10, 0))
    placed_tile(wop, house_number="12A", name="Truus Jansen", created_at=first_day)

    response = client.post(
        tile_page.url, tile_answers(name="Piet Bakker", house_number="12-A")
    )

    assert response.status_code == 200
    assert "Voor dit adres is al een zwaaitegel aangevraagd." in text(response)
    assert "12 maart 2026" not in text(response)
    assert "Truus" not in response.content.decode()
    assert ActionRequest.objects.count() == 1


def test_wave_tile_outside_the_wop_is_refused(client, tile_page, other_wop):
    response = client.post(tile_page.url, tile_answers(postcode="2903 AB"))

    assert "Uw adres hoort bij wijk Oostgaarde" in field_error(
        response.content.decode(), "postcode"
    )
    assert not ActionRequest.objects.exists()


def test_public_tile_count_per_street_shows_no_house_numbers_or_names(
    client, tile_page, wop, other_wop
):
    placed_tile(wop, street="Maasstraat", house_number="3", name="Truus Jansen")
    placed_tile(wop, street="maasstraat ", house_number="5", name="Piet Bakker")
    placed_tile(wop, street="Waalstraat", house_number="77", name="Yonas Tesfay")
    placed_tile(
        wop, street="Rijnstraat", house_number="9", status=ActionStatus.APPROVED
    )
    placed_tile(other_wop, street="Kievitlaan", house_number="1", postcode="2903AB")

    response = client.get(tile_page.url)

    page_text = text(response)
    assert "Maasstraat: 2 tegels" in page_text
    assert "Waalstraat: 1 tegel" in page_text
    assert "Rijnstraat" not in page_text
    assert "Kievitlaan" not in page_text
    for private in ("Truus", "Piet", "Yonas", "77"):
        assert private not in page_text


def test_street_page_and_tile_page_give_the_same_count_of_placed_tiles(
    client, tile_page, wop
):
    street = factories.make_street(
        wop=wop, title="Reigerhof", slug="reigerhof", streets="Reigerhof, Pad"
    )
    placed_tile(wop, street="Reigerhof", house_number="15")
    placed_tile(wop, street="reigerhof", house_number="17")
    placed_tile(wop, street="Reigerhof", house_number="19", status=ActionStatus.NEW)
    placed_tile(wop, street="Maasstraat", house_number="3")

    street_text = text(client.get(street.url))
    tile_text = text(client.get(tile_page.url))

    for page_text in (street_text, tile_text):
        assert "Reigerhof: 2 tegels" in page_text
        assert "Aanvragen die nog wachten, tellen niet mee." in page_text
    assert "Maasstraat: 1 tegel" not in street_text
    assert "Maasstraat: 1 tegel" in tile_text
