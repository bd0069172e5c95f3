"""The retention rule: personal data goes a set time after a submission ended;
the command's counts, log row, dry run and period."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from events.models import EventRSVP, RSVPStatus
from neighbourhood.models import (
    ActionRequest,
    ActionStatus,
    BuddySignup,
    BuddySignupStatus,
    OutboxEmail,
    PersonalDataLog,
)
from neighbourhood.privacy.retention import retention_enforce
from tests import factories
from tests.neighbourhood.privacy._retention import (
    days_ago,
    fresh,
    last_changed,
    rsvp_for_an_event_that_ended,
    run,
)
from welcome_pack.models import ClaimStatus, WelcomePackClaim

PAST = 366  # days: one day past the default period of 365
INSIDE = 364  # days: one day inside it


@pytest.fixture
def records(wop, buddy_project):
    """Per kind: one over a day past the period ("past"), one over a day
    inside it ("inside"), and unfinished ones of great age ("open")."""
    today = timezone.localdate()
    made = {
        "signup past": last_changed(
            factories.make_buddy_signup(
                project=buddy_project, name="Oud Maatje", status="ended"
            ),
            PAST,
        ),
        "signup inside": last_changed(
            factories.make_buddy_signup(
                project=buddy_project, name="Recent Maatje", status="ended"
            ),
            INSIDE,
        ),
        "signup open": last_changed(
            factories.make_buddy_signup(
                project=buddy_project,
                name="Wacht Nog",
                status=BuddySignupStatus.MATCHED,
                created_at=days_ago(1000),
            ),
            1000,
        ),
        "card past": factories.make_action_request(
            wop=wop,
            name="Oude Kaart",
            status=ActionStatus.DONE,
            handled_on=today - timedelta(days=PAST),
        ),
        "card inside": factories.make_action_request(
            wop=wop,
            name="Nieuwe Kaart",
            status=ActionStatus.DONE,
            handled_on=today - timedelta(days=INSIDE),
        ),
        "tile declined past": last_changed(
            factories.make_action_request(
                wop=wop,
                kind="wave_tile",
                name="Afgewezen Tegel",
                status=ActionStatus.DECLINED,
                decline_reason="Geen stoep",
            ),
            PAST,
        ),
        "treat open": last_changed(
            factories.make_action_request(
                wop=wop, kind="treat", name="Wacht Op Taart", status="waiting"
            ),
            1000,
        ),
        "claim past": factories.make_claim(
            wop=wop,
            name="Oud Pakket",
            status=ClaimStatus.DELIVERED,
            delivered_on=today - timedelta(days=PAST),
        ),
        "claim inside": factories.make_claim(
            wop=wop,
            name="Nieuw Pakket",
            status=ClaimStatus.DELIVERED,
            delivered_on=today - timedelta(days=INSIDE),
        ),
        "claim not delivered past": last_changed(
            factories.make_claim(
                wop=wop, name="Niet Thuis", status=ClaimStatus.NOT_DELIVERED
            ),
            PAST,
        ),
        "claim open": last_changed(
            factories.make_claim(wop=wop, name="Nog Inpakken", status="packed"), 1000
        ),
        "rsvp past": rsvp_for_an_event_that_ended(wop, days=PAST, title="Oud Feest"),
        "rsvp inside": rsvp_for_an_event_that_ended(
            wop, days=INSIDE, title="Nieuw Feest"
        ),
    }
    for record in made.values():
        log(instance=record, action="wagtail.create")
    return made


@pytest.fixture
def mails(db):
    def mail(subject, *, status, sent_days=None, created_days=0):
        return OutboxEmail.objects.create(
            to=["bewoner@example.org"],
            subject=subject,
            body="Beste bewoner,",
            status=status,
            created_at=days_ago(created_days),
            sent_at=days_ago(sent_days) if sent_days is not None else None,
        )

    return {
        "sent past": mail("Oud", status="sent", sent_days=PAST, created_days=PAST),
        "sent inside": mail("Nieuw", status="sent", sent_days=INSIDE),
        "pending": mail("Wacht", status="pending", created_days=1000),
    }


def is_anonymised(record) -> bool:
    record = fresh(record)
    return record.anonymised_at is not None and record.name == ""


def test_retention_erases_exactly_what_ended_longer_ago_than_the_period(records, mails):
    counts_before = {
        model: model.objects.count()
        for model in (BuddySignup, ActionRequest, WelcomePackClaim, EventRSVP)
    }

    output = run()

    gone = {key for key, record in records.items() if is_anonymised(record)}
    assert gone == {
        "signup past",
        "card past",
        "tile declined past",
        "claim past",
        "claim not delivered past",
        "rsvp past",
    }
    assert fresh(records["signup open"]).name == "Wacht Nog"
    assert fresh(records["treat open"]).name == "Wacht Op Taart"
    assert fresh(records["claim open"]).name == "Nog Inpakken"
    # Figures keep counting: the rows and their status stay.
    assert counts_before == {model: model.objects.count() for model in counts_before}
    assert fresh(records["claim past"]).status == ClaimStatus.DELIVERED
    assert fresh(records["rsvp past"]).status == RSVPStatus.CONFIRMED
    # Old sent mail goes; recent and unsent mail stays.
    assert set(OutboxEmail.objects.values_list("subject", flat=True)) == {
        "Nieuw",
        "Wacht",
    }
    # The names in the admin history go with them.
    for key in gone:
        labels = ModelLogEntry.objects.for_instance(records[key])
        assert {entry.label for entry in labels} == {"(geanonimiseerd)"}, key
    assert ModelLogEntry.objects.filter(label="Nieuw Pakket").exists()

    assert "Retention period: 365 days." in output
    assert "aanmeldingen maatjesprojecten: 1 erased" in output
    assert "aanvragen buurtacties: 2 erased" in output
    assert "aanvragen welkomstpakket: 2 erased" in output
    assert "aanmeldingen activiteiten: 1 erased" in output
    assert "uitgaande e-mail: 1 erased" in output


def test_retention_logs_one_row_with_the_counts(records, mails):
    run()

    entry = PersonalDataLog.objects.get()
    assert entry.action == PersonalDataLog.Action.RETENTION
    assert entry.by is None
    counts = {row["model"]: row["count"] for row in entry.records}
    assert counts == {
        "neighbourhood.buddysignup": 1,
        "neighbourhood.actionrequest": 2,
        "welcome_pack.welcomepackclaim": 2,
        "events.eventrsvp": 1,
        "neighbourhood.outboxemail": 1,
    }


def test_running_again_finds_nothing_more(records, mails):
    run()

    output = run()

    assert "aanvragen buurtacties: 0 erased" in output
    assert fresh(records["card inside"]).name == "Nieuwe Kaart"


def test_dry_run_counts_and_changes_nothing(records, mails):
    output = run("--dry-run")

    assert "aanvragen buurtacties: 2 would be erased" in output
    assert "uitgaande e-mail: 1 would be erased" in output
    assert not any(is_anonymised(record) for record in records.values())
    assert OutboxEmail.objects.count() == 3
    assert not PersonalDataLog.objects.exists()
    assert ModelLogEntry.objects.filter(label="Oud Pakket").exists()


def test_the_period_comes_from_the_setting(records, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30

    output = run()

    assert "Retention period: 30 days." in output
    assert is_anonymised(records["card inside"])
    assert is_anonymised(records["claim inside"])
    assert is_anonymised(records["rsvp inside"])
    assert not is_anonymised(records["treat open"])


def test_a_running_match_stays_and_unhandled_ones_go_after_the_warning(
    records, settings
):
    """Was: every unfinished submission stayed forever. Now an unhandled
    request or claim ends a set time after its last change and goes once the
    volunteers have had their notice; a sign-up in a running match stays."""
    settings.PERSONAL_DATA_RETENTION_DAYS = 0

    run()

    # Told first, not yet erased.
    for key in ("signup open", "treat open", "claim open"):
        assert not is_anonymised(records[key]), key

    retention_enforce(now=timezone.now() + timedelta(days=15))

    assert not is_anonymised(records["signup open"])
    assert is_anonymised(records["treat open"])
    assert is_anonymised(records["claim open"])
