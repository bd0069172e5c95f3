"""The plugin's own "choose a password" page serves hosts without allauth
only: with allauth, its reset page (and its second step) is the one way."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

pytestmark = pytest.mark.django_db


def test_with_allauth_the_plugins_set_password_page_is_not_there(client, volunteer):
    url = reverse(
        "neighbourhood:volunteer_set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(volunteer.pk)),
            "token": default_token_generator.make_token(volunteer),
        },
    )

    response = client.get(url)

    assert response.status_code == 404
    assert "_auth_user_id" not in client.session
