"""Someone who signs up in English gets every e-mail about it in English,
whoever causes it later (a Dutch neighbour cancelling, a Dutch volunteer),
with times as English writes them."""

from django.conf import settings
from django.utils import translation

from events.models import EventRSVP, RSVPStatus
from events.services import rsvp_cancel
from tests.events.rsvp._support import fill
from tests.factories import rsvp_form_data as answers


def _in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_a_sign_up_in_english_is_confirmed_in_english(
    client, event, occurrence, mailoutbox
):
    _in_english(client)

    client.post(event.url, answers(occurrence=occurrence, email="yonas@example.org"))

    rsvp = EventRSVP.objects.get()
    assert rsvp.language == "en"
    [mail] = mailoutbox
    assert mail.subject == "You are signed up: Samen eten"
    assert "When: " in mail.body
    assert "10:00 – 11:30" in mail.body
    assert " uur" not in mail.body and "o'clock" not in mail.body


def test_moving_up_is_told_in_english_though_a_dutch_neighbour_cancelled(
    client, event, occurrence, mailoutbox
):
    leaving = fill(occurrence, name="Truus Jansen", people=2)
    fill(occurrence, name="Nick de Boer")
    _in_english(client)
    client.post(event.url, answers(occurrence=occurrence, email="yonas@example.org"))
    yonas = EventRSVP.objects.get(email="yonas@example.org")
    assert yonas.status == RSVPStatus.WAITING
    mailoutbox.clear()

    with translation.override("nl"):
        rsvp_cancel(submission=leaving)

    [mail] = mailoutbox
    assert mail.to == ["yonas@example.org"]
    assert mail.subject == "There is a place for you: Samen eten"
    assert "10:00 – 11:30" in mail.body
    assert "Beste" not in mail.body and " uur" not in mail.body


def test_a_sign_up_in_dutch_stays_dutch_when_english_is_active_later(
    client, event, occurrence, mailoutbox
):
    leaving = fill(occurrence, name="Truus Jansen", people=2)
    fill(occurrence, name="Nick de Boer")
    client.post(event.url, answers(occurrence=occurrence, email="hans@example.org"))
    mailoutbox.clear()

    with translation.override("en"):
        rsvp_cancel(submission=leaving)

    [mail] = mailoutbox
    assert mail.subject == "Er is plaats voor u: Samen eten"
    assert "10.00 – 11.30 uur" in mail.body
