"""Requesting a neighbour action on its public page: a card, a treat, a wave
tile; and where a WOP shows what it offers."""

import re
from datetime import datetime
from html import unescape

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    KeyFigure,
)
from neighbourhood.submissions.services import consent_record
from tests import factories
from tests.neighbourhood.actions.form_data import (
    card_answers,
    tile_answers,
    treat_answers,
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Card images go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def design(db):
    return factories.make_card_design()


@pytest.fixture
def card_page(wop):
    return factories.make_card_action(wop=wop)


@pytest.fixture
def treat_page(wop):
    return factories.make_treat_action(
        wop=wop, monthly_limit=2, treats=["Appeltaart", "Koekjes"]
    )


@pytest.fixture
def tile_page(wop):
    return factories.make_wave_tile_action(wop=wop)


def field_error(content: str, name: str) -> str:
    """The error shown at field ``name``, as text ("" if none)."""
    match = re.search(
        rf'<div class="field__errors" id="id_{name}_error">(.*?)</div>', content, re.S
    )
    return " ".join(strip_tags(unescape(match.group(1))).split()) if match else ""


def text(response) -> str:
    """The page as a resident reads it: no tags, single spaces."""
    return " ".join(unescape(strip_tags(response.content.decode())).split())


def thanks_url(page) -> str:
    return page.url + page.reverse_subpage("thanks")


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


# Cards ----------------------------------------------------------------------


def test_card_delivered_by_a_volunteer_is_queued_with_its_message_and_address(
    client, card_page, design, wop
):
    response = client.post(card_page.url, card_answers(design))

    assert response.status_code == 302
    assert response.url == thanks_url(card_page)
    card = ActionRequest.objects.get()
    assert card.kind == ActionKind.CARD
    assert card.wop == wop
    assert card.status == ActionStatus.NEW
    assert card.card_design == design
    assert card.message == "Dank je wel voor de soep toen ik ziek was!"
    assert card.recipient_postcode == "2906AB"
    assert card.name == "Hans de Vries"
    assert "kaart" in card.consent_text
    thanks = client.get(response.url)
    assert "bezorgt de kaart bij uw buur" in text(thanks)
    assert "Kaart afdrukken" not in text(thanks)


def test_card_form_shows_only_offered_designs_with_their_image(client, card_page):
    offered = factories.make_card_design(name="Beterschap")
    factories.make_card_design(name="Oude kerstkaart", is_offered=False)

    response = client.get(card_page.url)

    content = response.content.decode()
    # This visitor's own CSRF token is in it: no shared HTTP cache keeps it.
    assert "private" in response["Cache-Control"]
    assert f'value="{offered.pk}"' in content
    assert "Beterschap" in content
    assert "Oude kerstkaart" not in content
    assert 'class="card-design__image"' in content


def test_self_delivered_card_is_done_at_once_and_prints_with_its_message(
    client, card_page, design
):
    response = client.post(
        card_page.url,
        card_answers(
            design,
            delivery="self",
            recipient_street="",
            recipient_house_number="",
            recipient_postcode="",
            message="Welkom in de straat!\nGroetjes van nummer 12.",
        ),
        follow=True,
    )

    card = ActionRequest.objects.get()
    assert card.status == ActionStatus.DONE
    assert card.handled_on == timezone.localdate()
    print_url = card_page.url + card_page.reverse_subpage(
        "printable_card", args=[card.print_token]
    )
    assert "Kaart afdrukken" in text(response)
    assert f'href="{print_url}"' in response.content.decode()

    printed = client.get(print_url)

    assert printed.status_code == 200
    assert printed["Cache-Control"].startswith("max-age=0")
    content = printed.content.decode()
    assert "Welkom in de straat!<br>Groetjes van nummer 12." in content
    assert "Hans de Vries" in content
    assert 'class="card-print__image"' in content


def test_anonymous_card_is_signed_by_a_neighbour(client, card_page, design):
    client.post(
        card_page.url, card_answers(design, delivery="self", anonymous="on", name="")
    )

    card = ActionRequest.objects.get()
    printed = client.get(
        card_page.url
        + card_page.reverse_subpage("printable_card", args=[card.print_token])
    )

    assert card.anonymous
    assert "Een buur" in text(printed)


def test_html_in_a_message_is_shown_as_text_on_the_printed_card(
    client, card_page, design
):
    client.post(
        card_page.url,
        card_answers(
            design, delivery="self", message="<script>alert('hoi')</script> <b>x</b>"
        ),
    )
    card = ActionRequest.objects.get()

    printed = client.get(
        card_page.url
        + card_page.reverse_subpage("printable_card", args=[card.print_token])
    )

    content = printed.content.decode()
    assert "<script>alert" not in content
    assert "<b>x</b>" not in content
    assert "&lt;script&gt;alert(&#x27;hoi&#x27;)&lt;/script&gt;" in content


def test_printed_card_is_only_found_by_its_token_on_its_own_wop_page(
    client, card_page, design, other_wop
):
    client.post(card_page.url, card_answers(design, delivery="self"))
    card = ActionRequest.objects.get()
    other_page = factories.make_card_action(wop=other_wop)

    unknown = client.get(
        card_page.url + card_page.reverse_subpage("printable_card", args=["nope"])
    )
    elsewhere = client.get(
        other_page.url
        + other_page.reverse_subpage("printable_card", args=[card.print_token])
    )

    assert unknown.status_code == 404
    assert elsewhere.status_code == 404


def test_print_link_does_not_withdraw_the_card(client, card_page, design):
    client.post(card_page.url, card_answers(design, delivery="self"))
    card = ActionRequest.objects.get()

    shown = client.get(f"/intrekken/{card.print_token}/")
    posted = client.post(f"/intrekken/{card.print_token}/", {"website": ""})

    card.refresh_from_db()
    assert shown.status_code == 404
    assert posted.status_code == 404
    assert card.status == ActionStatus.DONE
    assert card.anonymised_at is None
    assert card.message == "Dank je wel voor de soep toen ik ziek was!"


def test_withdraw_link_does_not_open_the_printable_card(client, card_page, design):
    client.post(card_page.url, card_answers(design, delivery="self"))
    card = ActionRequest.objects.get()

    response = client.get(
        card_page.url + card_page.reverse_subpage("printable_card", args=[card.token])
    )

    assert card.print_token != card.token
    assert response.status_code == 404


def test_print_link_in_the_confirmation_email_opens_the_card(
    client, card_page, design, mailoutbox
):
    client.post(
        card_page.url,
        card_answers(design, delivery="self", email="hans@example.org"),
    )
    card = ActionRequest.objects.get()

    (confirmation,) = mailoutbox
    links = re.findall(r"http://\S+", confirmation.body)
    print_links = [link for link in links if "/kaart/" in link]
    printed = client.get(print_links[0])

    assert print_links == [
        card_page.get_full_url()
        + card_page.reverse_subpage("printable_card", args=[card.print_token])
    ]
    assert f"/intrekken/{card.token}/" in confirmation.body
    assert printed.status_code == 200
    assert "Dank je wel voor de soep toen ik ziek was!" in text(printed)


def test_card_without_a_message_is_refused(client, card_page, design):
    response = client.post(card_page.url, card_answers(design, message="   "))

    assert response.status_code == 200
    assert field_error(response.content.decode(), "message") == (
        "Fout: Schrijf een tekst voor op de kaart."
    )
    assert not ActionRequest.objects.exists()


def test_card_message_over_600_characters_is_refused(client, card_page, design):
    response = client.post(card_page.url, card_answers(design, message="a" * 601))

    error = field_error(response.content.decode(), "message")
    assert "maximaal 600 tekens" in error
    assert "601" in error
    assert not ActionRequest.objects.exists()


def test_line_breaks_count_as_one_character_like_in_the_browser(
    client, card_page, design
):
    message = "\r\n".join(["a" * 99] * 6)  # 599 characters in the browser

    response = client.post(card_page.url, card_answers(design, message=message))

    assert response.status_code == 302
    assert ActionRequest.objects.get().message == "\n".join(["a" * 99] * 6)


def test_design_no_longer_offered_is_refused_in_dutch(client, card_page, design):
    client.get(card_page.url)  # the resident sees the design, then it goes
    design.is_offered = False
    design.save()

    response = client.post(card_page.url, card_answers(design))

    assert "Deze kaart is er niet meer" in field_error(
        response.content.decode(), "card_design"
    )
    assert not ActionRequest.objects.exists()


def test_signed_card_needs_a_name(client, card_page, design):
    response = client.post(card_page.url, card_answers(design, name=""))

    assert "Anoniem versturen" in field_error(response.content.decode(), "name")
    assert not ActionRequest.objects.exists()


def test_card_delivered_by_a_volunteer_needs_the_neighbours_address(
    client, card_page, design
):
    response = client.post(
        card_page.url, card_answers(design, recipient_house_number="")
    )

    assert "huisnummer van uw buur" in field_error(
        response.content.decode(), "recipient_house_number"
    )
    assert not ActionRequest.objects.exists()


def test_address_in_another_wop_names_that_wop_with_a_link(
    client, card_page, design, other_wop
):
    response = client.post(
        card_page.url, card_answers(design, recipient_postcode="2903 AB")
    )

    content = response.content.decode()
    error = field_error(content, "recipient_postcode")
    assert "Dit adres hoort bij wijk Oostgaarde" in error
    assert f'href="{other_wop.url}"' in content
    assert not ActionRequest.objects.exists()


def test_address_in_no_wop_says_so(client, card_page, design, other_wop):
    response = client.post(
        card_page.url, card_answers(design, recipient_postcode="1012 AB")
    )

    assert "Dit adres hoort bij geen van onze wijken." in field_error(
        response.content.decode(), "recipient_postcode"
    )
    assert not ActionRequest.objects.exists()


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


# The guard ------------------------------------------------------------------


def test_filled_honeypot_stores_nothing_and_keeps_what_was_typed(
    client, card_page, design
):
    response = client.post(card_page.url, card_answers(design, website="spam"))

    assert response.status_code == 400
    assert "Uw aanvraag is niet verstuurd" in text(response)
    assert "Dank je wel voor de soep" in response.content.decode()
    assert not ActionRequest.objects.exists()


def test_too_many_posts_are_refused_and_store_nothing(client, settings, tile_page):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    client.post(tile_page.url, tile_answers())

    response = client.post(tile_page.url, tile_answers(house_number="14"))

    assert response.status_code == 429
    assert ActionRequest.objects.count() == 1


# Where actions are offered --------------------------------------------------


def test_wop_page_lists_only_the_actions_it_offers(client, wop, other_wop):
    card_page = factories.make_card_action(wop=wop)
    tile_page = factories.make_wave_tile_action(wop=wop)
    factories.make_treat_action(wop=other_wop)

    page = client.get(wop.url).content.decode()
    other = client.get(other_wop.url).content.decode()

    assert "Doe mee" in page
    assert f'href="{card_page.url}"' in page
    assert f'href="{tile_page.url}"' in page
    assert "Traktatie" not in page
    assert "Kaartje sturen" not in other
    assert "Zwaaitegel" not in other


def test_wop_without_action_pages_offers_nothing(client, wop):
    response = client.get(wop.url)

    assert "Doe mee" not in text(response)
    assert list(wop.actions_offered()) == []


def test_unpublished_action_is_not_offered(client, wop):
    card_page = factories.make_card_action(wop=wop)
    card_page.unpublish()

    assert "Kaartje sturen" not in text(client.get(wop.url))


def test_street_page_shows_the_kitty_and_who_keeps_it(client, wop):
    keeper = KeyFigure.objects.create(
        wop=wop, name="Els Visser", role="buurtbewoner", phone="010-222 33 44"
    )
    with_kitty = factories.make_street(
        wop=wop, slug="met-pot", has_kitty=True, kitty_keeper=keeper
    )
    without = factories.make_street(wop=wop, title="Bloemenbuurt", slug="zonder")

    page = text(client.get(with_kitty.url))

    assert "Lief-en-leedpot" in page
    assert "Vraag het aan Els Visser." in page
    assert "010-222 33 44" in page
    assert "Lief-en-leedpot" not in text(client.get(without.url))


def test_street_page_lists_its_wops_actions(client, wop):
    street = factories.make_street(wop=wop)
    tile_page = factories.make_wave_tile_action(wop=wop)

    content = client.get(street.url).content.decode()

    assert "Doe mee" in content
    assert f'href="{tile_page.url}"' in content
