"""Images and documents per WOP: each WOP has its own collection, made and
renamed with it, and every WOP chooses from the shared one too. A volunteer
uploads to their own WOP's collection and never sees another WOP's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from neighbourhood.models import WopCollection
from neighbourhood.scoping.collections import SHARED_COLLECTION_NAME, shared_collection
from tests.factories import (
    make_document,
    make_image,
    make_volunteer,
    make_wop,
    wop_collection,
)

pytestmark = pytest.mark.django_db


def _offered_collections(response) -> set[str] | None:
    """The collections the upload form offers; None when it offers no choice
    (Wagtail then files the upload in the one collection the user may add
    to)."""
    field = response.context["form"].fields.get("collection")
    return None if field is None else {str(c) for c in field.queryset}


def test_new_wop_gets_its_own_collection_named_after_it(neighbourhood_index):
    wop = make_wop(title="Middelwatering", areas=["2905"])

    assert wop_collection(wop).name == "Middelwatering"
    assert wop_collection(wop).get_parent() == Collection.get_first_root_node()


def test_renamed_wop_renames_its_collection(wop):
    collection = wop_collection(wop)

    wop.title = "Schollevaar-Noord"
    wop.save()

    collection.refresh_from_db()
    assert collection.name == "Schollevaar-Noord"
    assert WopCollection.objects.filter(wop=wop).count() == 1


def test_there_is_one_shared_collection_for_every_wop(wop, other_wop):
    shared = shared_collection()

    assert shared.name == SHARED_COLLECTION_NAME
    assert shared_collection() == shared
    assert WopCollection.objects.filter(is_shared=True).count() == 1


def _upload(client, *, collection):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Buurtfeest",
            "file": SimpleUploadedFile(
                "buurtfeest.png", get_test_image_file().file.getvalue()
            ),
            "collection": collection.pk,
        },
    )


# Documents may also go into the WOP's private ("intern") collection; images
# are always public (tests/neighbourhood/scoping/test_private_documents.py).
@pytest.mark.parametrize(
    "url_name, offered",
    [
        ("wagtailimages:add", None),
        ("wagtaildocs:add", {"Schollevaar", "Schollevaar – intern"}),
    ],
)
def test_upload_form_of_a_volunteer_of_one_wop_offers_no_other_collection(
    client, volunteer, wop, other_wop, url_name, offered
):
    client.force_login(volunteer)

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert _offered_collections(response) == offered
    assert "Oostgaarde" not in response.content.decode()


@pytest.mark.parametrize(
    "url_name, offered",
    [
        ("wagtailimages:add", {"Schollevaar", "Middelwatering"}),
        (
            "wagtaildocs:add",
            {
                "Schollevaar",
                "Schollevaar – intern",
                "Middelwatering",
                "Middelwatering – intern",
            },
        ),
    ],
)
def test_upload_form_of_a_volunteer_of_two_wops_offers_both_and_nothing_else(
    client, wop, other_wop, url_name, offered
):
    third = make_wop(title="Middelwatering", areas=["2905"])
    client.force_login(make_volunteer(wop, third))

    response = client.get(reverse(url_name))

    assert _offered_collections(response) == offered


def test_multiple_upload_offers_no_other_collection(client, volunteer, other_wop):
    client.force_login(volunteer)

    response = client.get(reverse("wagtailimages:add_multiple"))

    assert response.status_code == 200
    assert "Oostgaarde" not in response.content.decode()


def test_upload_lands_in_the_volunteers_own_collection_whatever_is_posted(
    client, volunteer, wop, other_wop
):
    client.force_login(volunteer)

    _upload(client, collection=wop_collection(other_wop))

    image = get_image_model().objects.get(title="Buurtfeest")
    assert image.collection == wop_collection(wop)


def test_image_listing_shows_own_collection_only(client, volunteer, wop, other_wop):
    make_image(wop_collection(wop), "Speeltuin Schollevaar")
    make_image(wop_collection(other_wop), "Markt Oostgaarde")
    client.force_login(volunteer)

    content = client.get(reverse("wagtailimages:index")).content.decode()

    assert "Speeltuin Schollevaar" in content
    assert "Markt Oostgaarde" not in content


@pytest.mark.parametrize("search", [None, "Oostgaarde"])
def test_image_chooser_offers_own_and_shared_images_only(
    client, volunteer, wop, other_wop, search
):
    make_image(wop_collection(wop), "Speeltuin Schollevaar")
    make_image(shared_collection(), "Logo gemeente Oostgaarde-Capelle")
    make_image(wop_collection(other_wop), "Markt Oostgaarde")
    client.force_login(volunteer)

    if search:
        url = reverse("wagtailimages_chooser:choose_results") + f"?q={search}"
    else:
        url = reverse("wagtailimages_chooser:choose")
    content = client.get(url).content.decode()

    if not search:
        assert "Speeltuin Schollevaar" in content
    assert "Logo gemeente" in content
    assert "Markt Oostgaarde" not in content


def test_document_chooser_offers_own_and_shared_documents_only(
    client, volunteer, wop, other_wop
):
    make_document(wop_collection(wop), "Folder Schollevaar")
    make_document(shared_collection(), "Privacyfolder gemeente")
    make_document(wop_collection(other_wop), "Ledenlijst Oostgaarde")
    client.force_login(volunteer)

    content = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()

    assert "Folder Schollevaar" in content
    assert "Privacyfolder gemeente" in content
    assert "Ledenlijst Oostgaarde" not in content


def test_another_wops_image_cannot_be_opened_or_chosen_by_url(
    client, volunteer, wop, other_wop
):
    foreign = make_image(wop_collection(other_wop), "Markt Oostgaarde")
    client.force_login(volunteer)

    for url in (
        reverse("wagtailimages:edit", args=[foreign.pk]),
        reverse("wagtailimages:delete", args=[foreign.pk]),
        reverse("wagtailimages_chooser:chosen", args=[foreign.pk]),
        reverse("wagtailimages_chooser:select_format", args=[foreign.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Markt Oostgaarde" not in response.content.decode(), url
    assert get_image_model().objects.filter(pk=foreign.pk).exists()
