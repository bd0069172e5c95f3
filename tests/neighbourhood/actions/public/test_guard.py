"""The guard on the action forms: the honeypot and the rate limit."""

from neighbourhood.models import ActionRequest
from tests.neighbourhood.actions.form_data import card_answers, tile_answers
from tests.neighbourhood.actions.public._support import text


def test_filled_honeypot_stores_nothing_and_keeps_what_was_typed(
    client, card_page, design
):
    response = client.post(card_page.url, card_answers(design, website="spam"))

    assert response.status_code == 400
    assert "Uw aanvraag is niet verstuurd" in text(response)
    assert "Dank je wel voor de soep" in response.content.decode()
    assert not ActionRequest.objects.exists()


def test_too_many_posts_are_refused_and_store_nothing(client, settings, tile_page):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    client.post(tile_page.url, tile_answers())

    response = client.post(tile_page.url, tile_answers(house_number="14"))

    assert response.status_code == 429
    assert ActionRequest.objects.count() == 1
