"""Each submission keeps the language it was made in, and every later e-mail
to the resident is in it: a Dutch volunteer declining an English request, a
repeat sign-up in Dutch for someone who first wrote in English, a volunteer
who enters a sign-up by phone for a resident who reads English."""

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from neighbourhood.actions.services import action_request_transition
from neighbourhood.buddies.viewsets import buddy_signup_viewset
from neighbourhood.models import ActionRequest, BuddySignup, ConsentMethod
from tests import factories
from tests.factories import buddy_signup_form_data


def test_a_request_made_in_english_is_declined_in_english(wop, volunteer, mailoutbox):
    with translation.override("en"):
        card = factories.make_action_request(wop=wop, email="yonas@example.org")
    assert card.language == "en"

    with translation.override("nl"):
        action_request_transition(
            request=card,
            to="declined",
            by=volunteer,
            reason="Dit adres ligt buiten de wijk.",
        )

    [mail] = mailoutbox
    assert mail.subject == "Your request did not go ahead"
    assert "Beste" not in mail.body


def test_a_repeat_sign_up_is_told_in_the_language_of_the_first(
    client, buddy_project, mailoutbox
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = buddy_signup_form_data(
        email="yonas@example.org", phone="", contact_preference="email"
    )
    client.post(buddy_project.url, data)
    mailoutbox.clear()
    in_dutch = Client()  # someone else, with Yonas's address, in Dutch

    in_dutch.post(buddy_project.url, {**data, "name": "Iemand Anders"})

    [mail] = mailoutbox
    assert mail.to == ["yonas@example.org"]
    assert mail.subject.startswith("Another sign-up for ")
    assert BuddySignup.objects.get().language == "en"


def test_a_volunteer_chooses_the_language_of_a_residents_emails(
    client, volunteer, buddy_project, mailoutbox
):
    client.force_login(volunteer)
    add = reverse(buddy_signup_viewset.get_url_name("add"))
    assert "Taal voor e-mails aan de bewoner" in client.get(add).content.decode()

    client.post(
        add,
        {
            **buddy_signup_form_data(email="yonas@example.org", consent=None),
            "project": buddy_project.pk,
            "street": "Kerkweg",
            "house_number": "12",
            "consent_method": ConsentMethod.VERBAL,
            "consent_given": "on",
            "email_language": "en",
        },
    )

    signup = BuddySignup.objects.get()
    assert signup.language == "en"
    to_resident = [mail for mail in mailoutbox if mail.to == ["yonas@example.org"]]
    assert [mail.subject for mail in to_resident] == [
        f"Your sign-up for {buddy_project.title}"
    ]


def test_a_request_made_in_dutch_keeps_dutch(wop, volunteer, mailoutbox):
    card = factories.make_action_request(wop=wop, email="truus@example.org")

    with translation.override("en"):
        action_request_transition(
            request=card, to="declined", by=volunteer, reason="Adres onbekend."
        )

    assert ActionRequest.objects.get().language == "nl"
    [mail] = mailoutbox
    assert mail.subject == "Uw aanvraag is niet doorgegaan"
