"""The personal-data export as a page a resident can read and print, beside
the JSON file: same access, same log; and the house-number addition in the
overview."""

import json

from neighbourhood.models import PersonalDataLog
from tests import factories
from tests.neighbourhood.privacy._support import (
    EXPORT_URL,
    HANS_EMAIL,
    SEARCH_URL,
    text,
)

READABLE_URL = "/beheer/persoonsgegevens/lezen/"


def test_readable_export_shows_the_persons_data_and_is_logged_like_the_json(
    client, hans, coordinator
):
    hans["claim"].house_number = "12"
    hans["claim"].house_number_addition = "2-hoog"
    hans["claim"].save()
    client.force_login(coordinator)

    response = client.post(READABLE_URL, {"term": HANS_EMAIL})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert (
        "no-store" in response["Cache-Control"]
        or "private" in (response["Cache-Control"])
    )
    page = text(response)
    assert "Uw gegevens bij ons" in page
    for shown in (
        "Uw aanvraag voor het welkomstpakket · Schollevaar",
        "Naam Hans de Vries",
        f"E-mailadres {HANS_EMAIL}",
        "Huisnummer 12",
        "Toevoeging 2-hoog",
        "Cadeautje Bloembollen",
        "Toestemming voor Ik geef toestemming.",
        "Onderwerp Bevestiging",
        "Zoekt een maatje",
    ):
        assert shown in page
    assert "Piet" not in page
    assert hans["claim"].token not in response.content.decode()

    json_export = client.post(EXPORT_URL, {"term": HANS_EMAIL})
    assert json_export.status_code == 200
    readable_log, json_log = PersonalDataLog.objects.order_by("pk")
    for entry in (readable_log, json_log):
        assert entry.action == PersonalDataLog.Action.EXPORT
        assert entry.by == coordinator
    assert readable_log.subject_hash == json_log.subject_hash
    assert readable_log.records == json_log.records
    assert HANS_EMAIL not in json.dumps(readable_log.records)


def test_readable_export_is_refused_to_a_volunteer_and_logs_nothing(
    client, hans, volunteer
):
    client.force_login(volunteer)

    response = client.post(READABLE_URL, {"term": HANS_EMAIL})

    assert response.status_code == 403
    assert "Hans" not in response.content.decode()
    assert not PersonalDataLog.objects.exists()


def test_nothing_found_gives_no_readable_export_and_logs_nothing(
    client, coordinator, wop
):
    client.force_login(coordinator)

    response = client.post(READABLE_URL, {"term": "niemand@example.org"})

    assert "Niets gevonden over niemand@example.org." in text(response)
    assert not PersonalDataLog.objects.exists()


def test_overview_shows_the_house_number_addition(client, coordinator, wop):
    factories.make_claim(
        wop=wop,
        email="yonas@example.org",
        house_number="7",
        house_number_addition="B",
    )
    client.force_login(coordinator)

    page = text(client.post(SEARCH_URL, {"term": "yonas@example.org"}))

    assert "Maasstraat 7B, 2906 AB" in page
    assert "Leesbaar, om af te drukken" in page
