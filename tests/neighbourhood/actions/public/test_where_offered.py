"""Where a WOP shows the neighbour actions it offers: its page and its streets."""

from neighbourhood.models import KeyFigure
from tests import factories
from tests.neighbourhood.actions.public._support import text


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
