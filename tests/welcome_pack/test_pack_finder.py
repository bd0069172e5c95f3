"""Finding a WOP's welcome pack from the home page by postcode."""

from django.urls import reverse

from home.models import SiteSettings
from tests import factories

FINDER = reverse("neighbourhood:find_welcome_pack")


def test_home_page_offers_the_welcome_pack_finder(client, wop):
    content = client.get("/").content.decode()

    assert "Nieuw in de wijk?" in content
    assert f'action="{FINDER}"' in content
    assert 'id="id_welkom_postcode"' in content
    assert content.count('id="id_postcode"') == 1


def test_postcode_leads_to_its_wops_welcome_pack(client, pack, other_wop):
    factories.make_welcome_pack(wop=other_wop)

    response = client.get(FINDER, {"postcode": " 2906  ab "})

    assert response.status_code == 302
    assert response.url == pack.url


def test_wop_without_a_welcome_pack_is_explained_with_a_link_to_the_wop(client, wop):
    response = client.get(FINDER, {"postcode": "2906AB"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Uw wijk Schollevaar heeft (nog) geen welkomstpakket" in content
    assert f'href="{wop.url}"' in content


def test_postcode_outside_every_wop_says_whom_to_contact(client, home, wop):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.contact_phone = "010-123 45 67"
    site_settings.save()

    response = client.get(FINDER, {"postcode": "3011ab"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "3011 AB" in content
    assert "010-123 45 67" in content


def test_malformed_postcode_in_the_welcome_pack_finder_gets_a_dutch_message(
    client, wop
):
    response = client.get(FINDER, {"postcode": "29O6 AB"})

    content = response.content.decode()
    assert "4 cijfers en 2 letters" in content
    assert 'value="29O6 AB"' in content
