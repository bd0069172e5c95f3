"""Plain language on the public pages: no unexplained "WOP", and no
"eenzaam"/"eenzaamheid" in a call to action (the programmes avoid the word)."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings

from tests import factories


class _Text(HTMLParser):
    """The visible text of a page, and the text of each link and button."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.actions: list[str] = []
        self._skip = 0
        self._open: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("a", "button"):
            self._open.append([])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("a", "button") and self._open:
            self.actions.append(" ".join("".join(self._open.pop()).split()))

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        for parts in self._open:
            parts.append(data)


def read(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


# "WOP" is fine right after its explanation: "wijkplatform (WOP)".
UNEXPLAINED_WOP = re.compile(r"(?<!\()\bWOP('s)?\b")


@pytest.fixture
def seeded_tree(wop, buddy_project, city_buddy_project):
    wop.contact_name = "Buurthuis De Pijler"
    wop.contact_phone = "010-458 31 20"
    wop.save()
    factories.make_street(wop=wop)
    factories.make_card_design()
    factories.make_card_action(wop=wop)
    factories.make_treat_action(wop=wop)
    factories.make_wave_tile_action(wop=wop)
    factories.make_tile_stock(wop=wop, quantity=3)
    return wop


def public_urls(wop):
    from wagtail.models import Page

    return [page.url for page in Page.objects.live().public().filter(depth__gt=1)]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_public_page_shows_wop_unexplained_or_eenzaam_in_a_link(
    client, seeded_tree, language
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    urls = public_urls(seeded_tree)
    assert len(urls) >= 7

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = read(response.content.decode())
        text = " ".join(" ".join(page.text).split())
        assert not UNEXPLAINED_WOP.search(text), (url, text)
        for action in page.actions:
            assert "eenzaam" not in action.lower(), (url, action)


def test_the_check_finds_an_unexplained_wop():
    assert UNEXPLAINED_WOP.search("Contact met de WOP")
    assert not UNEXPLAINED_WOP.search("het wijkplatform (WOP) van uw wijk")
    assert "eenzaam" in read("<a href='/'>Minder eenzaam</a>").actions[0].lower()
