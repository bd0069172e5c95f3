"""What a search engine or a shared link in a street's WhatsApp group shows of
the plugin's pages: a description, and the Open Graph and Twitter-card tags
with a full address; for an activity its date and place and its image."""

import pytest
from django.templatetags.static import static

from tests import factories
from tests.neighbourhood.test_layout import no_host_base, template_dirs  # noqa: F401
from tests.sharing_support import assert_shareable, head_tags


@pytest.fixture
def calendar(wop):
    return factories.make_event_index(parent=wop, intro="Wat er te doen is.")


@pytest.mark.parametrize(
    "make_page",
    [
        lambda wop: wop.get_parent().specific,
        lambda wop: wop,
        lambda wop: factories.make_street(wop=wop, intro="Een rustige straat."),
        lambda wop: factories.make_buddy_project(parent=wop),
        lambda wop: factories.make_card_action(wop=wop),
        lambda wop: factories.make_treat_action(wop=wop),
        lambda wop: factories.make_wave_tile_action(wop=wop),
        lambda wop: factories.make_event_index(parent=wop, intro="Wat er te doen is."),
        lambda wop: factories.make_welcome_pack(wop=wop),
    ],
    ids=[
        "wops",
        "wop",
        "street",
        "buddy-project",
        "card",
        "treat",
        "wave-tile",
        "calendar",
        "welcome-pack",
    ],
)
def test_every_public_page_type_has_a_description_and_preview_tags(
    client, wop, make_page
):
    page = make_page(wop)

    meta = assert_shareable(client.get(page.url), title=page.title)

    intro = getattr(page, "intro", "")
    if intro and "<" not in intro:
        assert meta["description"] == intro


def test_search_description_comes_before_the_intro(client, wop):
    wop.search_description = "Koffie, een maatje en een kaartje in Schollevaar."
    wop.save_revision().publish()

    meta = assert_shareable(client.get(wop.url), title="Schollevaar")

    assert meta["description"] == "Koffie, een maatje en een kaartje in Schollevaar."


def test_an_activitys_preview_carries_its_date_place_and_image(
    client, wop, calendar, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    image = factories.make_image(factories.wop_collection(wop), title="Koffie")
    event = factories.make_event(index=calendar, image=image)

    meta = assert_shareable(client.get(event.url), title="Koffieochtend")

    for text in ("10.00 – 11.30 uur", "Huis van de Wijk De Pijler", "Kievitlaan 2"):
        assert text in meta["og:description"]
    assert meta["twitter:label1"] == "Wanneer"
    assert "10.00 – 11.30 uur" in meta["twitter:data1"]
    assert meta["twitter:label2"] == "Waar"
    assert meta["twitter:data2"].startswith("Huis van de Wijk De Pijler")
    assert meta["og:image"].startswith("http")
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["twitter:card"] == "summary_large_image"
    assert "fill-1200x630" in meta["og:image"]


def test_the_plugins_own_base_has_the_tags_and_an_icon_that_answers(
    client,
    wop,
    no_host_base,  # noqa: F811
):
    response = client.get(wop.url)

    assert_shareable(response, title="Schollevaar")
    _meta, icons = head_tags(response)
    assert icons == [static("neighbourhood/favicon.svg")]
    assert client.get(icons[0]).status_code == 200
