"""The home page's "find your neighbourhood" form."""

from django.urls import reverse

from home.models import SiteSettings

FINDER = reverse("neighbourhood:find_neighbourhood")


def test_home_page_offers_the_postcode_form_and_lists_the_wops(client, wop, other_wop):
    response = client.get("/")

    content = response.content.decode()
    assert response.status_code == 200
    assert f'action="{FINDER}"' in content
    assert 'name="postcode"' in content
    assert "Schollevaar" in content
    assert "Oostgaarde" in content


def test_postcode_leads_to_its_wop_page(client, wop):
    response = client.get(FINDER, {"postcode": " 2906  ab "})

    assert response.status_code == 302
    assert response.url == wop.url


def test_wop_page_shows_its_name_and_postcode_areas(client, wop):
    response = client.get(wop.url)

    assert response.status_code == 200
    assert "Schollevaar" in response.content.decode()
    assert "2906" in response.content.decode()


def test_postcode_without_a_wop_says_whom_to_contact(client, home, wop):
    settings = SiteSettings.for_site(home.get_site())
    settings.contact_phone = "010-123 45 67"
    settings.save()

    response = client.get(FINDER, {"postcode": "3011ab"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "3011 AB" in content
    assert "010-123 45 67" in content


def test_malformed_postcode_gets_a_dutch_message_and_keeps_what_was_typed(client, wop):
    response = client.get(FINDER, {"postcode": "29O6 AB"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "4 cijfers en 2 letters" in content
    assert 'value="29O6 AB"' in content
    assert 'aria-invalid="true"' in content


def test_empty_postcode_asks_for_one(client, wop):
    response = client.get(FINDER, {"postcode": ""})

    assert response.status_code == 200
    assert "Vul uw postcode in" in response.content.decode()


def test_finder_without_a_query_shows_the_form(client, wop):
    response = client.get(FINDER)

    assert response.status_code == 200
    assert 'name="postcode"' in response.content.decode()
