"""The retention rule ends every kind of submission somewhere: at zero days
nothing ended keeps personal data, on the seeded demo too."""

import logging
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from events.models import EventOccurrence, RSVPStatus
from neighbourhood.figures.registry import figures_report
from neighbourhood.models import (
    ActionRequest,
    ActionStatus,
    BuddyMatch,
    BuddySignup,
    BuddySignupStatus,
    NeighbourhoodPage,
    PersonalDataLog,
)
from neighbourhood.submissions import registry
from tests import factories
from tests.neighbourhood.privacy._retention import (
    fresh,
    last_changed,
    rsvp_for_an_event_that_ended,
    run,
)
from tests.neighbourhood.privacy.personal_data import (
    PERSONAL_FIELDS,
    personal_data_left,
)
from welcome_pack.models import ClaimStatus, WelcomePackClaim


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
