"""Each WOP has a private ("intern") collection beside its public one, for
working documents such as contact lists, notes and rosters. Wagtail serves a
document from it only to the WOP's own volunteers and coordinators and the
city-wide coordinators; documents in the public collection, the ones the
WOP's pages link to, stay open to everyone."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from neighbourhood.models import WopCollection
from tests.factories import (
    make_coordinator,
    make_document,
    make_wop,
    make_wop_coordinator,
    wop_collection,
)

pytestmark = pytest.mark.django_db

API = "/beheer/api/main"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _document(collection, title="Telefoonlijst vrijwilligers"):
    return make_document(collection, title, content=b"Fatma 06-12345678")


def _download(client, document):
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.streaming else b""
    return response, body


def test_new_wop_gets_a_private_collection_beside_its_public_one(neighbourhood_index):
    wop = make_wop(title="Middelwatering", areas=["2905"])

    private = wop_collection(wop, intern=True)
    assert private.name == "Middelwatering – intern"
    assert private.get_parent() == Collection.get_first_root_node()
    assert private != wop_collection(wop)
    assert WopCollection.objects.filter(wop=wop).count() == 1


def test_renamed_wop_renames_its_private_collection(wop):
    private = wop_collection(wop, intern=True)

    wop.title = "Schollevaar-Noord"
    wop.save()

    private.refresh_from_db()
    assert private.name == "Schollevaar-Noord – intern"
    assert wop_collection(wop, intern=True) == private


def test_private_document_is_not_served_to_an_anonymous_visitor(client, other_wop):
    document = _document(wop_collection(other_wop, intern=True))

    response, body = _download(client, document)

    # To the login page (Wagtail's WAGTAIL_FRONTEND_LOGIN_URL), and back here.
    assert response.status_code == 302
    assert "login" in response.url
    assert "next=" in response.url
    assert b"06-12345678" not in body


def test_private_document_is_not_served_to_another_wops_volunteer(
    client, volunteer, other_wop
):
    document = _document(wop_collection(other_wop, intern=True))
    client.force_login(volunteer)

    response, body = _download(client, document)

    assert response.status_code != 200
    assert b"06-12345678" not in body
    assert "attachment" not in response.get("Content-Disposition", "")


@pytest.mark.parametrize("who", ["volunteer", "wop-coordinator", "city-coordinator"])
def test_private_document_is_served_to_the_wops_own_people_and_coordinators(
    client, other_wop, other_volunteer, who
):
    document = _document(wop_collection(other_wop, intern=True))
    user = {
        "volunteer": lambda: other_volunteer,
        "wop-coordinator": lambda: make_wop_coordinator(other_wop),
        "city-coordinator": make_coordinator,
    }[who]()
    client.force_login(user)

    response, body = _download(client, document)

    assert response.status_code == 200
    assert body == b"Fatma 06-12345678"


def test_public_document_is_still_served_to_an_anonymous_visitor(client, other_wop):
    document = _document(wop_collection(other_wop), "Folder buurtfeest")

    response, body = _download(client, document)

    assert response.status_code == 200
    assert body == b"Fatma 06-12345678"


def test_admin_api_does_not_list_another_wops_private_documents(
    client, volunteer, other_wop, other_volunteer
):
    _document(wop_collection(other_wop, intern=True), "Roosters Oostgaarde")

    client.force_login(volunteer)
    foreign = client.get(f"{API}/documents/").json()["items"]
    client.force_login(other_volunteer)
    own = client.get(f"{API}/documents/").json()["items"]

    assert "Roosters Oostgaarde" not in {item["title"] for item in foreign}
    assert "Roosters Oostgaarde" in {item["title"] for item in own}


def test_volunteer_can_upload_a_document_into_their_private_collection(
    client, volunteer, wop
):
    client.force_login(volunteer)

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Notulen overleg",
            "file": ContentFile(b"notulen", name="notulen.txt"),
            "collection": wop_collection(wop, intern=True).pk,
        },
    )

    assert response.status_code == 302
    document = get_document_model().objects.get(title="Notulen overleg")
    assert document.collection == wop_collection(wop, intern=True)


def test_repair_gives_an_old_wop_its_private_collection_and_can_run_again(wop):
    # A WOP from before private collections: no private collection.
    link = WopCollection.objects.get(wop=wop)
    link.private_collection.delete()

    call_command("repair_wop_access", stdout=None)
    private = wop_collection(wop, intern=True)
    call_command("repair_wop_access", stdout=None)

    assert wop_collection(wop, intern=True) == private
    assert private.name == "Schollevaar – intern"
    assert Collection.objects.filter(name="Schollevaar – intern").count() == 1
    restriction = CollectionViewRestriction.objects.get(collection=private)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert {group.name for group in restriction.groups.all()} == {
        "Volunteers Schollevaar",
        "Publishers Schollevaar",
        "Coordinators Schollevaar",
        "Coordinators",
    }


@pytest.mark.parametrize("url_name", ["wagtaildocs:add", "wagtaildocs_chooser:choose"])
def test_document_upload_says_which_collection_is_public_and_which_intern(
    client, volunteer, url_name
):
    client.force_login(volunteer)

    response = client.get(reverse(url_name))
    if response["Content-Type"] == "application/json":
        content = response.json()["html"]  # the chooser, in a modal
    else:
        content = response.content.decode()

    assert "Schollevaar – openbaar (iedereen kan dit zien)" in content
    assert "Schollevaar – intern (alleen vrijwilligers van deze wijk)" in content
    assert "alleen de vrijwilligers en coördinatoren van de wijk" in content


def test_document_multiple_upload_explains_public_and_intern(client, volunteer):
    client.force_login(volunteer)

    content = client.get(reverse("wagtaildocs:add_multiple")).content.decode()

    assert "alleen de vrijwilligers en coördinatoren van de wijk" in content
    assert "Schollevaar – intern" in content


def test_document_edit_form_labels_the_collections_too(client, volunteer, wop):
    document = _document(wop_collection(wop, intern=True))
    client.force_login(volunteer)

    content = client.get(reverse("wagtaildocs:edit", args=[document.pk])).content

    assert "Schollevaar – intern (alleen vrijwilligers van deze wijk)" in (
        content.decode()
    )


@pytest.mark.parametrize(
    "url_name", ["wagtailimages:add", "wagtailimages:add_multiple"]
)
def test_image_upload_says_images_are_always_public(client, volunteer, url_name):
    client.force_login(volunteer)

    content = client.get(reverse(url_name)).content.decode()

    assert "Afbeeldingen zijn altijd openbaar" in content
    assert "intern" not in content


def test_image_upload_of_a_city_coordinator_offers_no_private_collection(
    client, wop, other_wop
):
    client.force_login(make_coordinator())

    response = client.get(reverse("wagtailimages:add"))

    offered = {str(c) for c in response.context["form"].fields["collection"].queryset}
    assert "Schollevaar" in offered
    assert not {name for name in offered if name.endswith("intern")}
    assert "Schollevaar – openbaar (iedereen kan dit zien)" in response.content.decode()


def test_image_cannot_be_put_into_a_private_collection(client, wop):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    client.force_login(make_coordinator())

    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Rooster op foto",
            "file": SimpleUploadedFile(
                "rooster.png", get_test_image_file().file.getvalue()
            ),
            "collection": wop_collection(wop, intern=True).pk,
        },
    )

    assert (
        not get_image_model()
        .objects.filter(collection=wop_collection(wop, intern=True))
        .exists()
    )


def test_demo_server_never_hands_out_documents_as_plain_media_files(settings):
    """With DEBUG (the demo) uploaded images are served from MEDIA_URL, but
    documents only through Wagtail's serve view, which checks an intern
    collection's restriction."""
    import importlib

    from django.urls import Resolver404, clear_url_caches, resolve
    from django.views.static import serve

    import verbuurzamen.urls

    settings.DEBUG = True
    try:
        urls = importlib.reload(verbuurzamen.urls)
        image = resolve("/media/images/foto.png", urlconf=urls)
        with pytest.raises(Resolver404):
            resolve("/media/documents/telefoonlijst.txt", urlconf=urls)
    finally:
        settings.DEBUG = False
        importlib.reload(verbuurzamen.urls)
        clear_url_caches()

    assert image.func is serve
