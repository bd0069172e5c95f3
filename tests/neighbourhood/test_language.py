"""The language chooser: Dutch first, English on request, remembered."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories
from tests.factories import buddy_signup_form_data


def choose(client, language, next_url="/"):
    return client.post(
        reverse("set_language"), {"language": language, "next": next_url}
    )


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_every_page_offers_both_languages_each_in_its_own_language(client, wop):
    html = client.get(wop.url).content.decode()

    assert f'action="{reverse("set_language")}"' in html
    assert f'name="next" value="{wop.url}"' in html
    assert re.search(
        r'<button[^>]*value="nl"[^>]*lang="nl"[^>]*>Nederlands</button>', html
    )
    assert re.search(
        r'<button[^>]*value="en"[^>]*lang="en"[^>]*>English</button>', html
    )


def test_dutch_is_the_default(client, wop):
    response = client.get(wop.url)

    assert html_lang(response) == "nl"
    assert "Alle wijken" in response.content.decode()


def test_choosing_english_sets_the_cookie_and_returns_to_the_page(
    client, wop, buddy_project
):
    response = choose(client, "en", next_url=wop.url)

    assert response.status_code == 302
    assert response.url == wop.url
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"

    wop_page = client.get(wop.url)
    assert html_lang(wop_page) == "en"
    assert "All neighbourhoods" in wop_page.content.decode()
    assert "Alle wijken" not in wop_page.content.decode()

    # Remembered on the next request, on another page.
    project_page = client.get(buddy_project.url).content.decode()
    assert '<html lang="en">' in project_page
    assert "How can we reach you?" in project_page
    assert "Hoe kunnen we u bereiken?" not in project_page


def test_switching_back_to_dutch(client, wop):
    choose(client, "en", next_url=wop.url)
    choose(client, "nl", next_url=wop.url)

    response = client.get(wop.url)

    assert html_lang(response) == "nl"
    assert "Alle wijken" in response.content.decode()


def test_form_errors_show_in_english_when_english_is_chosen(client, buddy_project):
    choose(client, "en", next_url=buddy_project.url)

    response = client.post(buddy_project.url, buddy_signup_form_data(name=""))

    html = response.content.decode()
    assert "Fill in your name." in html
    assert "Please correct the following and try again:" in html
    assert "Vul uw naam in." not in html


def test_an_unknown_language_changes_nothing(client, wop):
    response = choose(client, "xx", next_url=wop.url)

    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert html_lang(client.get(wop.url)) == "nl"


def test_chooser_does_not_send_residents_elsewhere(client, wop):
    response = choose(client, "en", next_url="https://example.com/")

    assert response.url == "/"


@pytest.mark.parametrize(
    "url_name", ["account_login", "account_signup", "account_reset_password"]
)
def test_allauth_pages_in_dutch_say_u_and_inloggen(client, db, url_name):
    html = client.get(reverse(url_name)).content.decode()
    main = html.split('<main id="inhoud"', 1)[1]

    assert not re.search(r"\b(je|jij|jouw|Aanmelden|Afmelden)\b", main)


def test_login_page_in_dutch_says_inloggen(client, db):
    html = client.get(reverse("account_login")).content.decode()

    assert "Inloggen" in html
    assert "Heeft u nog geen account?" in html
    assert "Wachtwoord vergeten?" in html


def test_wrong_password_message_is_formal(client, db):
    factories.make_user(email="yonas@example.org", password="een-lang-wachtwoord")

    response = client.post(
        reverse("account_login"), {"login": "yonas@example.org", "password": "fout"}
    )

    assert "Het e-mailadres of het wachtwoord klopt niet." in response.content.decode()


def test_logout_page_asks_formally(client, db):
    user = factories.make_user(email="truus@example.org")
    client.force_login(user)

    html = client.get(reverse("account_logout")).content.decode()

    assert "Weet u zeker dat u wilt uitloggen?" in html


def test_short_password_is_refused_in_dutch_on_signup(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "nick@example.org", "password1": "kort", "password2": "kort"},
    )

    html = response.content.decode()
    assert "Dit wachtwoord is te kort. Het moet minstens 8 tekens hebben." in html
    assert "too short" not in html


def test_short_password_is_refused_in_english_when_english_is_chosen(client, db):
    choose(client, "en")

    response = client.post(
        reverse("account_signup"),
        {"email": "nick@example.org", "password1": "kort", "password2": "kort"},
    )

    assert "This password is too short" in response.content.decode()
