"""Sign-ups for an activity that are refused: a past, cancelled or unknown
date, too many people, mistakes at the fields, the honeypot and too many posts."""

import re

from events.models import EventRSVP
from neighbourhood.models import OutboxEmail
from tests.events.rsvp._support import field_error
from tests.factories import rsvp_form_data as answers


def test_rsvp_for_a_past_date_is_refused_at_the_date_and_nothing_is_stored(
    client, weekly, mailoutbox
):
    past, *_later = weekly.occurrences.order_by("date")

    response = client.post(
        weekly.url, answers(occurrence=past, email="hans@example.org")
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert field_error(content, "occurrence") == (
        "Fout: Deze keer is al voorbij. Kies een andere datum."
    )
    assert 'value="Hans de Vries"' in content
    assert not EventRSVP.objects.exists()
    assert not OutboxEmail.objects.exists()


def test_rsvp_for_a_cancelled_date_is_refused_at_the_date_and_nothing_is_stored(
    client, weekly
):
    _past, cancelled, *_later = weekly.occurrences.order_by("date")
    cancelled.is_cancelled = True
    cancelled.save()

    response = client.post(weekly.url, answers(occurrence=cancelled))

    assert field_error(response.content.decode(), "occurrence") == (
        "Fout: Deze keer gaat niet door. Kies een andere datum."
    )
    assert not EventRSVP.objects.exists()


def test_rsvp_when_no_date_is_left_says_why_and_stores_nothing(
    client, event, occurrence
):
    occurrence.is_cancelled = True
    occurrence.save()

    response = client.post(event.url, answers(occurrence=occurrence))

    content = response.content.decode()
    assert "Deze keer gaat niet door." in content
    assert "geen data waarvoor u zich kunt aanmelden" in content
    assert not EventRSVP.objects.exists()


def test_a_date_that_is_not_of_this_event_is_refused(client, event, occurrence):
    other_date = {**answers(occurrence=occurrence), "occurrence": "2001-01-01"}
    garbage = {**answers(occurrence=occurrence), "occurrence": "x"}

    for data in (other_date, garbage):
        refused = client.post(event.url, data)
        assert field_error(refused.content.decode(), "occurrence") == (
            "Fout: Kies een van de data uit de lijst."
        )
    assert not EventRSVP.objects.exists()


def test_more_people_than_allowed_is_explained_next_to_the_field(
    client, event, occurrence
):
    response = client.post(event.url, answers(occurrence=occurrence, people="5"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fout:" in content
    assert "hoogstens 2 personen tegelijk" in field_error(content, "people")
    assert re.search(r'<input[^>]*name="people"[^>]*aria-invalid="true"', content)
    assert 'value="5"' in content
    assert not EventRSVP.objects.exists()


def test_each_mistake_is_explained_in_dutch_at_its_field(client, event):
    response = client.post(
        event.url,
        {"people": "0", "name": "", "phone": "", "email": "", "website": ""},
    )

    content = response.content.decode()
    assert "Kies de datum waarop u komt." in field_error(content, "occurrence")
    assert "Vul 1 of meer in." in field_error(content, "people")
    assert field_error(content, "name") == "Fout: Vul uw naam in."
    assert "telefoonnummer of een e-mailadres" in field_error(content, "phone")
    assert "Zonder uw toestemming" in field_error(content, "consent")
    assert 'href="#id_occurrence_0"' in content
    assert not EventRSVP.objects.exists()


def test_filled_in_honeypot_stores_nothing_and_says_why(
    client, event, occurrence, mailoutbox
):
    response = client.post(
        event.url,
        answers(
            occurrence=occurrence,
            email="hans@example.org",
            website="http://spam.example",
        ),
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Uw aanmelding is niet verstuurd" in content
    assert "Laat dit veld leeg" in content
    assert not EventRSVP.objects.exists()
    assert mailoutbox == []
    assert 'value="Hans de Vries"' in content
    assert re.search(rf'value="{occurrence.date.isoformat()}"[^>]*checked', content), (
        "the chosen date stays chosen"
    )
    assert "spam.example" not in content


def test_too_many_sendings_from_one_address_are_refused(
    client, settings, event, occurrence
):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for name in ("Truus Jansen", "Yonas Tesfay"):
        client.post(
            event.url,
            answers(occurrence=occurrence, name=name, email=f"{name[:4]}@example.org"),
        )
    assert EventRSVP.objects.count() == 2

    response = client.post(event.url, answers(occurrence=occurrence))

    content = response.content.decode()
    assert response.status_code == 429
    assert "Wacht een minuut" in content
    assert 'value="Hans de Vries"' in content
    assert EventRSVP.objects.count() == 2
