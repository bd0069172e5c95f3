"""The accessibility statement: in the demo, in plain Dutch, linked from every
public page's footer, and readable by someone who chose English."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import strip_tags

from home.demo import content
from home.models import SiteSettings, StandardPage
from tests import factories


def footer(response) -> str:
    html = response.content.decode()
    return html[html.index('<footer class="site-footer"') :]


def sentences(html: str) -> list[str]:
    text = re.sub(r"\s+", " ", strip_tags(html.replace("</li>", ".</li>")))
    return [s for s in re.split(r"(?<=[.?!:;])\s+", text) if s.strip()]


@pytest.fixture
def statement(home):
    page = factories.make_standard_page(
        parent=home, title="Toegankelijkheidsverklaring", slug="toegankelijkheid"
    )
    settings = SiteSettings.for_site(home.get_site())
    settings.accessibility_page = page
    settings.save()
    return page


@pytest.mark.django_db
def test_demo_has_a_plain_dutch_accessibility_statement_linked_from_the_footer(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    page = StandardPage.objects.get(slug="toegankelijkheid")
    response = client.get(page.url)
    body = response.content.decode()
    text = re.sub(r"\s+", " ", strip_tags(page.body))

    assert StandardPage.objects.filter(slug="toegankelijkheid").count() == 1
    assert page.get_parent().specific_class.__name__ == "HomePage"
    assert SiteSettings.for_site(page.get_site()).accessibility_page_id == page.pk
    assert response.status_code == 200
    assert "<h1>Toegankelijkheidsverklaring</h1>" in body
    # Which standard, what was tested and how, what does not work, whom to tell.
    for words in (
        "WCAG 2.1 op niveau AA",
        "toetsenbord",
        "schermlezer",
        "zonder JavaScript",
        "200 %",
        "320 pixels",
        "Wagtail",
        content.CONTACT_EMAIL,
        content.CONTACT_PHONE,
        "1 december 2026",
    ):
        assert words in text, words
    # Plain language: short sentences, no unexplained jargon, no "eenzaam".
    dutch = page.body.split('<h2 lang="en">')[0]
    assert max(len(s.split()) for s in sentences(dutch)) <= 25
    assert "eenzaam" not in text.lower()
    assert "WOP" not in dutch
    assert f'href="{page.url}"' in footer(client.get("/"))
    # A short summary in English, for residents still learning Dutch.
    english = strip_tags(page.body.split('<h2 lang="en">')[1])
    assert "WCAG 2.1 level AA" in english
    assert "keyboard" in english and "screen reader" in english
    assert content.CONTACT_EMAIL in english


@pytest.mark.django_db
def test_every_public_page_links_the_statement_in_its_footer(client, statement, wop):
    calendar = factories.make_event_index(parent=wop)
    event = factories.make_event(index=calendar)
    pack = factories.make_welcome_pack(wop=wop)
    urls = [
        "/",
        wop.url,
        calendar.url,
        event.url,
        pack.url,
        statement.url,
        reverse("neighbourhood:find_neighbourhood") + "?postcode=2906AB",
        reverse("neighbourhood:find_welcome_pack"),
    ]

    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert f'<a href="{statement.url}">Toegankelijkheidsverklaring</a>' in footer(
            response
        ), url


@pytest.mark.django_db
def test_footer_has_no_link_while_the_statement_is_not_live(client, statement):
    statement.unpublish()

    assert "Toegankelijkheidsverklaring" not in footer(client.get("/"))


@pytest.mark.django_db
def test_english_visitor_finds_the_statement_in_english(client, statement, wop):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    home = client.get("/")
    html = home.content.decode()

    assert f'<a href="{statement.url}">Accessibility statement</a>' in footer(home)
    # The home app's own strings come from its English catalogue.
    assert "Find your neighbourhood" in html
    assert "Zoek uw wijk" not in html
