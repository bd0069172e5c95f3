"""The admin API (/beheer/api/main/...) answers a volunteer from the same
scoping as the image and document choosers: their own WOP's images and
documents and the shared ones, never another WOP's, not even by id; and pages
only where the volunteer works or what anyone may read."""

import pytest

from neighbourhood.models import StreetPage
from neighbourhood.scoping.collections import shared_collection
from tests.factories import make_coordinator, make_document, make_image, wop_collection

pytestmark = pytest.mark.django_db

API = "/beheer/api/main"


@pytest.fixture
def media(wop, other_wop):
    """One image and one document each: Schollevaar's, the shared ones and
    Oostgaarde's."""
    return {
        "images": {
            "own": make_image(wop_collection(wop), "Speeltuin Schollevaar"),
            "shared": make_image(shared_collection(), "Logo gemeente"),
            "other": make_image(wop_collection(other_wop), "Markt Oostgaarde"),
        },
        "documents": {
            "own": make_document(wop_collection(wop), "Folder Schollevaar"),
            "shared": make_document(shared_collection(), "Privacyfolder gemeente"),
            "other": make_document(wop_collection(other_wop), "Ledenlijst Oostgaarde"),
        },
    }


def _titles(response) -> set[str]:
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_listing_shows_a_volunteer_own_and_shared_media_only(
    client, volunteer, media, endpoint
):
    client.force_login(volunteer)

    titles = _titles(client.get(f"{API}/{endpoint}/"))

    assert media[endpoint]["own"].title in titles
    assert media[endpoint]["shared"].title in titles
    assert media[endpoint]["other"].title not in titles


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_search_does_not_find_another_wops_media(
    client, volunteer, media, endpoint
):
    client.force_login(volunteer)

    titles = _titles(client.get(f"{API}/{endpoint}/?search=Oostgaarde"))

    assert media[endpoint]["other"].title not in titles


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_detail_of_another_wops_media_is_not_found(
    client, volunteer, media, endpoint
):
    other = media[endpoint]["other"]
    client.force_login(volunteer)

    for url in (
        f"{API}/{endpoint}/{other.pk}/",
        f"{API}/{endpoint}/find/?id={other.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert other.title not in response.content.decode(), url
        assert "download_url" not in response.content.decode(), url


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_detail_of_own_and_shared_media_answers(client, volunteer, media, endpoint):
    client.force_login(volunteer)

    for kind in ("own", "shared"):
        item = media[endpoint][kind]
        response = client.get(f"{API}/{endpoint}/{item.pk}/")
        assert response.status_code == 200
        assert response.json()["title"] == item.title


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_shows_a_city_coordinator_every_wops_media(client, media, endpoint):
    client.force_login(make_coordinator())

    titles = _titles(client.get(f"{API}/{endpoint}/"))

    assert {item.title for item in media[endpoint].values()} <= titles


def test_api_pages_show_no_draft_of_another_wop(client, volunteer, wop, other_wop):
    draft = other_wop.add_child(
        instance=StreetPage(
            title="Concept Oostgaarde", slug="concept", streets="Laan", live=False
        )
    )
    draft.save_revision()
    own_draft = wop.add_child(
        instance=StreetPage(
            title="Concept Schollevaar", slug="concept", streets="Laan", live=False
        )
    )
    client.force_login(volunteer)

    listing = client.get(f"{API}/pages/?search=Concept").content.decode()
    children = client.get(f"{API}/pages/?child_of={other_wop.pk}")
    detail = client.get(f"{API}/pages/{draft.pk}/")

    assert "Concept Oostgaarde" not in listing
    assert "Concept Schollevaar" in listing
    assert children.status_code in (400, 404)
    assert "Concept Oostgaarde" not in children.content.decode()
    assert detail.status_code == 404
    assert client.get(f"{API}/pages/{own_draft.pk}/").status_code == 200
