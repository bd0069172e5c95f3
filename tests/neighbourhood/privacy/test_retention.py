"""The retention rule: personal data goes a set time after a submission ended."""

import logging
from datetime import date, timedelta
from io import StringIO

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import formats, timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from events.models import EventOccurrence, EventRSVP, RSVPStatus
from neighbourhood.figures.registry import figures_report
from neighbourhood.models import (
    ActionRequest,
    ActionStatus,
    BuddyMatch,
    BuddySignup,
    BuddySignupStatus,
    NeighbourhoodPage,
    OutboxEmail,
    PersonalDataLog,
)
from neighbourhood.privacy.retention import retention_enforce
from neighbourhood.submissions import registry
from tests import factories
from tests.neighbourhood.privacy.personal_data import (
    PERSONAL_FIELDS,
    personal_data_left,
)
from welcome_pack.models import ClaimStatus, WelcomePackClaim

PAST = 366  # days: one day past the default period of 365
INSIDE = 364  # days: one day inside it


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def last_changed(record, days):
    """Set the record's last change ``days`` ago (``updated_at`` is automatic)."""
    type(record).objects.filter(pk=record.pk).update(updated_at=days_ago(days))
    return record


def rsvp_for_an_event_that_ended(wop, *, days, title):
    calendar = factories.make_event_index(parent=wop, title=f"Agenda {title}")
    event = factories.make_event(index=calendar, title=title, signup_required=True)
    occurrence = event.occurrences.get()
    EventOccurrence.objects.filter(pk=occurrence.pk).update(
        starts_at=days_ago(days) - timedelta(hours=2), ends_at=days_ago(days)
    )
    return factories.make_rsvp(occurrence=occurrence, name=f"Bezoeker {title}")


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


def fresh(record):
    return type(record).objects.get(pk=record.pk)


def is_anonymised(record) -> bool:
    record = fresh(record)
    return record.anonymised_at is not None and record.name == ""


def report_numbers(start_month, end_month) -> dict:
    """Every figure of every WOP, month by month."""
    report = figures_report(
        wops=list(NeighbourhoodPage.objects.all()),
        start_month=start_month,
        end_month=end_month,
    )
    return {
        (section.title, row.measure.key): tuple(row.values)
        for section in report.sections
        for group in section.groups
        for row in group.rows
    }


def run(*args) -> str:
    out = StringIO()
    call_command("enforce_retention", *args, stdout=out)
    return out.getvalue()


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


# Every kind ends somewhere -----------------------------------------------------


def occurrence_to_come(wop, *, title):
    calendar = factories.make_event_index(parent=wop, title=f"Agenda {title}")
    event = factories.make_event(index=calendar, title=title, signup_required=True)
    return event.occurrences.get()


def placed_tile(wop, *, name, house_number):
    return factories.make_action_request(
        wop=wop,
        kind="wave_tile",
        name=name,
        email=f"{name.split()[0].lower()}@example.org",
        street="Maasstraat",
        house_number=house_number,
        postcode="2906AB",
        address_key=f"2906AB|{house_number}",
        status=ActionStatus.DONE,
        handled_on=timezone.localdate(),
    )


@pytest.fixture
def every_kind(wop, buddy_project):
    """Ended submissions of every kind, with all a person or a volunteer
    could have written, and still-running ones: ``(ended, running, match)``."""
    today = timezone.localdate()
    seeker = factories.make_buddy_signup(
        project=buddy_project,
        name="Hans de Vries",
        email="hans@example.org",
        street="Maasstraat",
        house_number="3",
        interests=["chess"],
        interests_other="postzegels",
        languages=["nl"],
        languages_other="Fries",
        availability=["mon_morning"],
        meeting_needs="Loopt met een rollator.",
        message="Mijn vrouw is vorig jaar overleden.",
        status=BuddySignupStatus.ENDED,
    )
    buddy = factories.make_buddy_signup(
        project=buddy_project,
        name="Piet Bakker",
        role="buddy",
        status=BuddySignupStatus.ENDED,
    )
    match = BuddyMatch.objects.create(
        wop=buddy_project.wop,
        seeker=seeker,
        buddy=buddy,
        follow_up_on=today,
        ended_on=today,
        follow_up_note="Hans is erg somber sinds de verhuizing.",
    )
    never_matched = last_changed(
        factories.make_buddy_signup(project=buddy_project, name="Nooit Gekoppeld"),
        # Twelve months and a bit since anyone changed it.
        375,
    )
    occurrence = occurrence_to_come(wop, title="Later Feest")
    ended = {
        "signup ended": seeker,
        "buddy ended": buddy,
        "signup never matched": never_matched,
        "card delivered": factories.make_action_request(
            wop=wop,
            name="Zeynep Yilmaz",
            email="zeynep@example.org",
            street="Waalstraat",
            house_number="8",
            status=ActionStatus.DONE,
            handled_on=today,
        ),
        "tile placed": placed_tile(wop, name="Truus Jansen", house_number="5"),
        "tile placed too": placed_tile(wop, name="Yonas Tesfaye", house_number="7"),
        "tile declined": factories.make_action_request(
            wop=wop,
            kind="wave_tile",
            name="Nick Bakker",
            street="Maasstraat",
            house_number="9",
            address_key="2906AB|9",
            status=ActionStatus.DECLINED,
            decline_reason="Nick woont bij zijn oma, zij wil geen tegel.",
        ),
        "claim delivered": factories.make_claim(
            wop=wop,
            name="Patricia Jansen",
            house_number_addition="b",
            address_key="2906AB|12b",
            status=ClaimStatus.DELIVERED,
            delivered_on=today,
        ),
        "claim not delivered": factories.make_claim(
            wop=wop,
            name="Niet Thuis",
            address_key="2906AB|14",
            status=ClaimStatus.NOT_DELIVERED,
            not_delivered_reason="Mevrouw ligt in het ziekenhuis.",
        ),
        "rsvp past": rsvp_for_an_event_that_ended(wop, days=1, title="Oud Feest"),
        "rsvp past waiting": factories.make_rsvp(
            occurrence=EventOccurrence.objects.get(event__title="Oud Feest"),
            name="Op De Wachtlijst",
            status=RSVPStatus.WAITING,
        ),
    }
    running = {
        "signup fresh": factories.make_buddy_signup(
            project=buddy_project, name="Net Aangemeld"
        ),
        "request fresh": factories.make_action_request(
            wop=wop, kind="treat", name="Wacht Op Taart"
        ),
        "claim fresh": factories.make_claim(wop=wop, name="Nog Inpakken"),
        "rsvp to come": factories.make_rsvp(occurrence=occurrence, name="Komt Nog"),
        "waiting to come": factories.make_rsvp(
            occurrence=occurrence, name="Wacht Nog", status=RSVPStatus.WAITING
        ),
    }
    return ended, running, match


def test_at_zero_days_no_ended_submission_keeps_personal_data(every_kind, settings):
    ended, running, match = every_kind
    settings.PERSONAL_DATA_RETENTION_DAYS = 0

    run()

    for key, record in ended.items():
        assert personal_data_left(record) == {}, key
        assert fresh(record).anonymised_at is not None, key
    # The volunteers' note on the match named Hans too.
    match.refresh_from_db()
    assert match.follow_up_note == ""
    for key, record in running.items():
        assert fresh(record).name == record.name, key
        assert fresh(record).anonymised_at is None, key
    # Done ones stay done, for the figures; the sign-up nobody matched is
    # withdrawn, so it leaves the volunteers' list.
    assert fresh(ended["tile placed"]).status == ActionStatus.DONE
    assert fresh(ended["rsvp past waiting"]).status == RSVPStatus.WAITING
    assert fresh(ended["signup never matched"]).status == BuddySignupStatus.WITHDRAWN


def test_retention_erases_two_placed_wave_tiles(wop, settings):
    """Was: the second anonymised tile broke the one-tile-per-address rule,
    and the whole run stopped with an IntegrityError."""
    first = placed_tile(wop, name="Truus Jansen", house_number="5")
    second = placed_tile(wop, name="Yonas Tesfaye", house_number="7")
    settings.PERSONAL_DATA_RETENTION_DAYS = 0

    output = run()

    assert "aanvragen buurtacties: 2 erased" in output
    for tile in (first, second):
        assert personal_data_left(tile) == {}
        assert fresh(tile).status == ActionStatus.DONE


def test_one_row_that_fails_does_not_stop_the_others(
    every_kind, settings, monkeypatch, caplog
):
    ended, running, _match = every_kind
    broken = ended["card delivered"]
    save = ActionRequest.save

    def save_failing_for_one(self, *args, **kwargs):
        if self.pk == broken.pk:
            raise RuntimeError("zeynep@example.org kon niet worden opgeslagen")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(ActionRequest, "save", save_failing_for_one)
    settings.PERSONAL_DATA_RETENTION_DAYS = 0
    caplog.set_level(logging.INFO)

    with pytest.raises(CommandError):
        run()

    for key, record in ended.items():
        if key != "card delivered":
            assert personal_data_left(record) == {}, key
    assert fresh(broken).name == "Zeynep Yilmaz"
    assert f"neighbourhood.actionrequest {broken.pk}" in caplog.text
    for secret in ("zeynep", "Yilmaz", "Waalstraat"):
        assert secret.lower() not in caplog.text.lower(), secret
    entry = PersonalDataLog.objects.get()
    counts = {row["model"]: row for row in entry.records}
    assert counts["neighbourhood.actionrequest"]["failed"] == 1


# The volunteers are told before an unhandled request goes ---------------------


def warnings_sent(mailoutbox):
    # The mail itself: at 0 days the outbox keeps no sent mail.
    return [mail for mail in mailoutbox if mail.subject.startswith("Oude aanvragen")]


@pytest.fixture
def unhandled(wop, volunteer):
    """A card request and a claim (with a present) nobody handled, which end
    ten days from now."""
    present = factories.make_present(wop=wop, stock=4)
    request = factories.make_action_request(wop=wop, name="Zeynep Yilmaz")
    claim = factories.make_claim(wop=wop, name="Patricia Jansen", present=present)
    almost = timezone.now() - relativedelta(months=6) + timedelta(days=10)
    for record in (request, claim):
        type(record).objects.filter(pk=record.pk).update(updated_at=almost)
    return {"request": request, "claim": claim, "present": present}


def test_volunteers_are_told_once_before_unhandled_ones_are_erased(
    unhandled, volunteer, settings, mailoutbox
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 0
    now = timezone.now()
    on = timezone.localdate() + timedelta(days=14)

    run()
    run()
    retention_enforce(now=now + timedelta(days=13))

    (warning,) = warnings_sent(mailoutbox)
    assert warning.to == [volunteer.email]
    assert warning.subject == (
        f"Oude aanvragen worden gewist op {formats.date_format(on, 'j F Y')}"
    )
    assert "1 aanvraag buurtactie" in warning.body
    assert "1 aanvraag welkomstpakket" in warning.body
    assert "Schollevaar" in warning.body
    for secret in ("Zeynep", "Patricia", "06-"):
        assert secret not in warning.body
    # Not yet: the volunteers have until the date they were given.
    assert personal_data_left(unhandled["request"])
    assert personal_data_left(unhandled["claim"])

    retention_enforce(now=now + timedelta(days=14, minutes=1))

    assert personal_data_left(unhandled["request"]) == {}
    assert personal_data_left(unhandled["claim"]) == {}
    # Withdrawn: off the volunteers' lists, the present back in stock.
    assert fresh(unhandled["request"]).status == ActionStatus.WITHDRAWN
    assert fresh(unhandled["claim"]).status == ClaimStatus.WITHDRAWN
    unhandled["present"].refresh_from_db()
    assert unhandled["present"].stock == 5
    assert len(warnings_sent(mailoutbox)) == 1


def test_a_request_handled_after_the_warning_is_kept(unhandled, volunteer, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 0
    run()
    request = fresh(unhandled["request"])
    request.status = ActionStatus.APPROVED
    request.save()

    retention_enforce(now=timezone.now() + timedelta(days=15))

    assert fresh(request).name == "Zeynep Yilmaz"


# The demo ----------------------------------------------------------------------


def test_retention_at_zero_days_on_the_demo_finishes_and_leaves_no_ended_data(
    db, settings, tmp_path
):
    """The issue's "done when": the seeded demo (five placed wave tiles)."""
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=StringIO())
    settings.PERSONAL_DATA_RETENTION_DAYS = 0
    now = timezone.now()
    ended = {
        model: list(
            registry.ended_before(model.objects.filter(anonymised_at__isnull=True), now)
        )
        for model in PERSONAL_FIELDS
    }
    placed = ActionRequest.objects.filter(kind="wave_tile", status=ActionStatus.DONE)
    assert placed.count() >= 2
    months = (date(now.year - 1, 1, 1), date(now.year + 1, 12, 1))
    figures_before = report_numbers(*months)

    run()

    # (The demo's activities are all still to come.)
    assert ended[BuddySignup] and ended[ActionRequest] and ended[WelcomePackClaim]
    assert set(placed) <= set(ended[ActionRequest])
    for model, records in ended.items():
        for record in records:
            assert personal_data_left(record) == {}, (model, record.pk)
        still = model.objects.filter(anonymised_at__isnull=True)
        assert not registry.ended_before(still, now).exists(), model
    signups = [row.pk for row in ended[BuddySignup]]
    notes = BuddyMatch.objects.filter(seeker__in=signups).exclude(follow_up_note="")
    assert not notes.exists()
    assert report_numbers(*months) == figures_before
