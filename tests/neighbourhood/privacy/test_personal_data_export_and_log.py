"""Personal data under the AVG: export one person, the log of exports and
erasures, and no personal data in log lines."""

import json
import logging
from smtplib import SMTPException

from django.utils import timezone

from neighbourhood.models import (
    OutboxEmail,
    PersonalDataLog,
)
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.privacy.records import subject_hash
from tests import factories
from tests.neighbourhood.privacy._support import (
    EXPORT_URL,
    HANS_EMAIL,
    HANS_PHONE,
    LOG_URL,
    confirm_erase,
    text,
)
from tests.neighbourhood.privacy.personal_data import (
    log_holds_contact,
)

# Exporting ------------------------------------------------------------------


def test_export_is_a_json_file_of_everything_and_is_logged_by_hash(
    client, hans, coordinator
):
    client.force_login(coordinator)

    response = client.post(EXPORT_URL, {"term": "+31 6 1234 5678"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "12345678" not in response["Content-Disposition"]
    export = json.loads(response.content)
    kinds = sorted(row["soort"] for row in export["aanvragen"])
    assert kinds == [
        "aanmelding maatjesproject",
        "aanvraag buurtactie",
        "aanvraag welkomstpakket",
    ]
    claim = next(
        row for row in export["aanvragen"] if row["soort"] == "aanvraag welkomstpakket"
    )
    assert claim["wijk"] == "Schollevaar"
    assert claim["waarvoor"] == "uw aanvraag voor het welkomstpakket"
    assert claim["status"] == "Nieuw"
    assert claim["gegevens"]["naam"] == "Hans de Vries"
    assert claim["gegevens"]["e-mailadres"] == HANS_EMAIL
    assert claim["gegevens"]["cadeautje"] == "Bloembollen"
    assert claim["toestemming"]["toestemming voor"] == "Ik geef toestemming."
    assert claim["toestemming"]["toestemming gegeven"] == "Online, zelf ingevuld"
    assert claim["toestemming"]["versie privacyverklaring"]
    assert "token" not in json.dumps(export)
    assert export["koppelingen"][0]["rol"] == "zoekt een maatje"
    assert "Piet" not in json.dumps(export)

    entry = PersonalDataLog.objects.get()
    assert entry.action == PersonalDataLog.Action.EXPORT
    assert entry.by == coordinator
    assert entry.subject_hash == subject_hash("0612345678")
    assert entry.subject_hint == "06-****5678"
    # Three submissions, one match, the e-mail about the buddy sign-up.
    assert len(entry.records) == 5
    assert "12345678" not in json.dumps(entry.records)
    # No column of the log holds the address or the number, in any notation.
    assert log_holds_contact(email=HANS_EMAIL, phone=HANS_PHONE) == []


# The log ----------------------------------------------------------------------


def test_log_page_lists_who_did_what_when_without_the_address(
    client, hans, coordinator
):
    client.force_login(coordinator)
    client.post(EXPORT_URL, {"term": HANS_EMAIL})
    confirm_erase(client, HANS_EMAIL)

    response = client.get(LOG_URL)

    page = text(response)
    assert "Geëxporteerd" in page
    assert "Gewist" in page
    assert "h***@example.org" in page
    assert str(coordinator) in page
    assert HANS_EMAIL not in page
    assert log_holds_contact(email=HANS_EMAIL, phone=HANS_PHONE) == []


def test_wop_coordinator_sees_only_their_own_log_rows(client, hans, coordinator, wop):
    client.force_login(coordinator)
    client.post(EXPORT_URL, {"term": HANS_EMAIL})
    wop_coordinator = factories.make_wop_coordinator(wop, email="wijk@example.org")
    client.force_login(wop_coordinator)

    response = client.get(LOG_URL)

    assert "h***@example.org" not in text(response)
    assert "Er is nog niets gedownload of gewist." in text(response)


# Log lines --------------------------------------------------------------------


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPException(f"refused: {messages[0].to[0]} ({messages[0].body[:20]})")


def test_failing_mail_logs_no_address_name_or_text(
    db, settings, caplog, buddy_project, wop
):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    signup = factories.make_buddy_signup(
        project=buddy_project, email=HANS_EMAIL, phone=HANS_PHONE
    )
    caplog.set_level(logging.DEBUG)

    message = email_enqueue(
        to=[HANS_EMAIL],
        subject="Bevestiging",
        template="neighbourhood/email/buddy_signup_confirmation.txt",
        context={"signup": signup, "project": buddy_project, "wop": wop},
    )
    from neighbourhood.outbox.tasks import RETRY_DELAYS, outbox_send

    for _attempt in RETRY_DELAYS:
        OutboxEmail.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        outbox_send(message_id=message.pk)

    message.refresh_from_db()
    assert message.status == OutboxEmail.Status.FAILED
    assert any(record.levelno >= logging.WARNING for record in caplog.records)
    logged = caplog.text
    for secret in (HANS_EMAIL, "hans", "Hans de Vries", "12345678", "Beste"):
        assert secret.lower() not in logged.lower(), secret
    assert f"E-mail {message.pk}" in logged
