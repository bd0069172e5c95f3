"""The postcode finders as a host puts them on its own home page: one tag
each, rendering the plugin's form that leads to the plugin's finder URL."""

from django.template import Context, Template
from django.urls import reverse


def _render(source: str) -> str:
    return Template(source).render(Context())


def test_postcode_finder_tag_renders_the_form_of_the_neighbourhood_finder(db):
    html = _render("{% load neighbourhood_tags %}{% postcode_finder %}")

    assert f'action="{reverse("neighbourhood:find_neighbourhood")}"' in html
    assert 'method="get"' in html
    assert 'name="postcode"' in html
    assert "Zoek mijn wijk" in html


def test_welcome_pack_finder_tag_renders_the_form_of_the_pack_finder(db):
    html = _render("{% load welcome_pack_tags %}{% welcome_pack_finder %}")

    assert f'action="{reverse("neighbourhood:find_welcome_pack")}"' in html
    assert 'id="id_welkom_postcode"' in html
    assert "Naar het welkomstpakket" in html


def test_finders_keep_their_addresses():
    assert reverse("neighbourhood:find_neighbourhood") == "/wijk-zoeken/"
    assert reverse("neighbourhood:find_welcome_pack") == "/welkomstpakket/"


def test_a_finder_form_submitted_from_a_host_page_leads_to_the_wop(client, wop):
    html = _render("{% load neighbourhood_tags %}{% postcode_finder %}")
    action = html.split('action="', 1)[1].split('"', 1)[0]

    response = client.get(action, {"postcode": "2906 AB"})

    assert response.status_code == 302
    assert response.url == wop.url
