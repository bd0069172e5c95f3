"""An image that was cut off (half uploaded, half saved) is refused with a
plain Dutch message, in the single and the multiple upload, instead of a
server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file, get_test_image_file_jpeg

pytestmark = pytest.mark.django_db

INCOMPLETE = "Dit bestand is geen volledige afbeelding."


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _first_half(name: str) -> SimpleUploadedFile:
    maker = get_test_image_file_jpeg if name.endswith(".jpg") else get_test_image_file
    data = maker(size=(300, 300)).file.getvalue()
    return SimpleUploadedFile(name, data[: len(data) // 2])


@pytest.mark.parametrize("name", ["buurtfeest.png", "buurtfeest.jpg"])
def test_half_an_image_is_refused_with_a_message(client, volunteer, name):
    client.raise_request_exception = False
    client.force_login(volunteer)

    response = client.post(
        reverse("wagtailimages:add"), {"title": "Buurtfeest", "file": _first_half(name)}
    )

    assert response.status_code == 200
    assert INCOMPLETE in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("name", ["buurtfeest.png", "buurtfeest.jpg"])
def test_half_an_image_in_the_multiple_upload_is_refused_with_a_message(
    client, volunteer, name
):
    client.raise_request_exception = False
    client.force_login(volunteer)

    response = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": _first_half(name)}
    )

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert INCOMPLETE in answer["error_message"]
    assert not get_image_model().objects.exists()


def test_a_whole_image_is_still_stored(client, volunteer):
    client.force_login(volunteer)
    data = get_test_image_file(size=(300, 300)).file.getvalue()

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Buurtfeest", "file": SimpleUploadedFile("buurtfeest.png", data)},
    )

    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Buurtfeest").exists()
