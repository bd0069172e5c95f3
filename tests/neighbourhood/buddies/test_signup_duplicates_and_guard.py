"""Buddy sign-ups that come twice, to a closed project, or past the guard
(honeypot, rate limit)."""

from datetime import timedelta
from html import unescape

from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags

from neighbourhood.models import BuddySignup
from tests import factories
from tests.factories import buddy_signup_form_data as answers
from tests.neighbourhood.buddies._support import thanks_url


def thanks_text(client, response) -> str:
    """The page a visitor lands on after posting the form, as text."""
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200
    return " ".join(unescape(strip_tags(page.content.decode())).split())


def test_second_sign_up_within_a_day_is_not_saved_again(
    client, buddy_project, mailoutbox
):
    first = client.post(buddy_project.url, answers())
    first_thanks = thanks_text(client, first)
    mails_after_first = len(mailoutbox)

    # Someone else, with only the phone number of the first: no e-mail on
    # file, so nobody is told, and the visitor sees the usual thanks.
    other = Client()
    response = other.post(
        buddy_project.url, answers(name="Iemand Anders", phone="0101234567")
    )

    assert response.status_code == first.status_code == 302
    assert response.url == first.url == thanks_url(buddy_project)
    again_thanks = thanks_text(other, response)
    assert again_thanks == first_thanks
    assert "al aangemeld" not in again_thanks
    assert "al ontvangen" not in again_thanks
    assert BuddySignup.objects.count() == 1
    assert BuddySignup.objects.get().name == "Hans de Vries"
    assert len(mailoutbox) == mails_after_first


def test_sign_up_with_someone_elses_email_reveals_nothing_and_tells_them(
    client, buddy_project, mailoutbox
):
    earlier = factories.make_buddy_signup(
        project=buddy_project,
        name="Truus Bakker",
        email="truus@example.org",
        phone="",
        created_at=timezone.now() - timedelta(hours=3),
    )
    before = BuddySignup.objects.values().get()
    # A fresh sign-up with an e-mail address, for comparison.
    fresh_client = Client()
    fresh = fresh_client.post(
        buddy_project.url,
        answers(
            name="Nog Iemand",
            phone="",
            email="nog@example.org",
            contact_preference="email",
        ),
    )
    fresh_thanks = thanks_text(fresh_client, fresh)
    mailoutbox.clear()

    response = client.post(
        buddy_project.url,
        answers(
            name="Nieuwsgierige Buur",
            phone="",
            email="TRUUS@example.org",
            contact_preference="email",
        ),
    )

    assert response.status_code == fresh.status_code
    assert response.url == fresh.url
    again_thanks = thanks_text(client, response)
    assert again_thanks == fresh_thanks
    assert "al aangemeld" not in again_thanks
    with translation.override("nl"):
        signed_up_on = date_format(timezone.localtime(earlier.created_at), "j F Y")
    assert signed_up_on not in again_thanks
    assert "Truus" not in again_thanks
    # Nothing stored, nothing changed.
    assert BuddySignup.objects.filter(email__iexact="truus@example.org").count() == 1
    assert BuddySignup.objects.values().get(pk=earlier.pk) == before
    # Truus hears of it, at the address on file, with her own withdraw link.
    (mail,) = mailoutbox
    assert mail.to == ["truus@example.org"]
    assert "Beste Truus Bakker," in mail.body
    assert "opnieuw aangemeld voor Schaakmaatjes" in mail.body
    assert f"/intrekken/{earlier.token}/" in mail.body
    assert "Nieuwsgierige Buur" not in mail.body


def test_same_phone_with_another_email_is_saved_and_confirmed_like_a_new_one(
    client, buddy_project, mailoutbox
):
    factories.make_buddy_signup(project=buddy_project, email="truus@example.org")

    response = client.post(
        buddy_project.url,
        answers(name="Piet de Vries", email="piet@example.org"),
    )

    assert response.status_code == 302
    assert response.url == thanks_url(buddy_project)
    assert BuddySignup.objects.count() == 2
    assert [mail.to for mail in mailoutbox if "Uw aanmelding" in mail.subject] == [
        ["piet@example.org"]
    ]
    assert not [mail for mail in mailoutbox if "truus@example.org" in mail.to]


def test_sign_up_after_more_than_a_day_is_saved_again(client, buddy_project):
    factories.make_buddy_signup(
        project=buddy_project, created_at=timezone.now() - timedelta(days=2)
    )

    response = client.post(buddy_project.url, answers())

    assert response.status_code == 302
    assert BuddySignup.objects.count() == 2


def test_closed_project_shows_its_reason_and_no_form(client, buddy_project):
    buddy_project.is_open = False
    buddy_project.closed_message = "We zoeken eerst maatjes voor wie al wacht."
    buddy_project.save()

    content = client.get(buddy_project.url).content.decode()

    assert "We zoeken eerst maatjes voor wie al wacht." in content
    assert 'name="consent"' not in content
    assert "<form" not in content.split('<section class="signup"')[1]


def test_closed_project_without_a_reason_explains_it_and_stores_no_post(
    client, buddy_project
):
    buddy_project.is_open = False
    buddy_project.save()

    response = client.post(buddy_project.url, answers())

    assert response.status_code == 200
    assert "kunt u zich niet aanmelden" in response.content.decode()
    assert not BuddySignup.objects.exists()


def test_filled_in_honeypot_stores_nothing_and_says_why(
    client, buddy_project, volunteer, mailoutbox
):
    response = client.post(buddy_project.url, answers(website="http://spam.example"))

    content = response.content.decode()
    assert response.status_code == 400
    assert "Laat dit veld leeg" in content
    assert "Uw aanmelding is niet verstuurd" in content
    assert not BuddySignup.objects.exists()
    assert mailoutbox == []
    # What was typed is still there, the trap is empty for the next try.
    assert 'value="Hans de Vries"' in content
    assert "spam.example" not in content
    assert "Er ging iets mis" not in content


def test_too_many_sendings_from_one_address_are_refused(
    client, settings, buddy_project
):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for phone in ("010-111 11 11", "010-222 22 22"):
        client.post(buddy_project.url, answers(name="Truus Jansen", phone=phone))
    assert BuddySignup.objects.count() == 2

    response = client.post(buddy_project.url, answers())

    content = response.content.decode()
    assert response.status_code == 429
    assert "Wacht een minuut" in content
    assert 'value="Hans de Vries"' in content
    assert BuddySignup.objects.count() == 2

    other_address = client.post(buddy_project.url, answers(), REMOTE_ADDR="192.0.2.44")
    assert other_address.status_code == 302
