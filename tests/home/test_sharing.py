"""The example host's pages as a search engine or a shared link shows them,
and its icon: linked from every page, and at /favicon.ico where browsers
look for it."""

from tests import factories
from tests.sharing_support import assert_shareable, head_tags


def test_home_and_standard_pages_have_a_description_and_preview_tags(client, home):
    home.intro = "Maak kennis met uw buren in Capelle."
    home.save()
    standard = factories.make_standard_page(
        parent=home, intro="", body="<p>Zo gaan wij om met uw gegevens.</p>"
    )

    home_meta = assert_shareable(client.get(home.url), title=home.title)
    standard_meta = assert_shareable(client.get(standard.url), title=standard.title)

    assert home_meta["description"] == "Maak kennis met uw buren in Capelle."
    assert standard_meta["description"] == "Zo gaan wij om met uw gegevens."


def test_every_linked_icon_and_favicon_ico_answer(client, home):
    _meta, icons = head_tags(client.get(home.url))

    assert len(icons) == 3
    for icon in icons:
        assert client.get(icon).status_code == 200
    assert client.get("/favicon.ico", follow=True).status_code == 200
