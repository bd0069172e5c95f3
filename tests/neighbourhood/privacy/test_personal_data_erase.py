"""Personal data under the AVG: erase one person, in every kind and every
combination of kinds, keeping the figures."""

import itertools
import json
import re
from datetime import date

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events.models import EventRSVP, RSVPStatus
from home.models import User
from neighbourhood.models import (
    ActionRequest,
    ActionStatus,
    BuddyMatch,
    BuddySignup,
    BuddySignupStatus,
    OutboxEmail,
    PersonalDataLog,
)
from neighbourhood.privacy.records import person_records_find, subject_hash
from tests import factories
from tests.neighbourhood.privacy._support import (
    ERASE_URL,
    HANS_EMAIL,
    HANS_PHONE,
    SEARCH_URL,
    confirm_erase,
    text,
)
from tests.neighbourhood.privacy.personal_data import (
    log_holds_contact,
    personal_data_left,
)
from welcome_pack.models import ClaimStatus, WelcomePackClaim


def records_count() -> dict:
    """What the yearly figures count: the rows of every kind."""
    return {
        model.__name__: model.objects.count()
        for model in (BuddySignup, ActionRequest, WelcomePackClaim, EventRSVP)
    } | {"matches": BuddyMatch.objects.count()}


# Erasing ----------------------------------------------------------------------


def test_erase_first_shows_exactly_what_will_be_erased_and_changes_nothing(
    client, hans, coordinator
):
    client.force_login(coordinator)

    response = client.post(ERASE_URL, {"term": HANS_EMAIL})

    page = text(response)
    assert "Weet u zeker dat u alles over hans@example.org wilt wissen?" in page
    assert "Ja, wis deze gegevens" in page
    assert "Aanvragen welkomstpakket · Schollevaar" in page
    keys = re.findall(r'name="record" value="([^"]+)"', response.content.decode())
    assert f"welcome_pack.welcomepackclaim:{hans['claim'].pk}" in keys
    assert f"home.user:{hans['account'].pk}" in keys
    hans["claim"].refresh_from_db()
    assert hans["claim"].name == "Hans de Vries"
    assert not PersonalDataLog.objects.exists()


def test_erasing_a_person_leaves_nothing_about_them_and_keeps_the_figures(
    client, hans, namesake, coordinator, present, occurrence
):
    client.force_login(coordinator)
    before = records_count()

    by_email = confirm_erase(client, HANS_EMAIL)
    by_phone = confirm_erase(client, "+31612345678")

    assert "De gegevens van hans@example.org zijn gewist." in text(by_email)
    assert "1 account verwijderd" in text(by_email)
    assert "De gegevens van +31612345678 zijn gewist." in text(by_phone)
    assert records_count() == before
    person_fields = ("name", "email", "phone", "street", "house_number")
    for key in ("signup", "card", "claim", "rsvp", "elsewhere"):
        record = type(hans[key]).objects.get(pk=hans[key].pk)
        assert record.anonymised_at is not None, key
        for name in person_fields:
            assert getattr(record, name) == "", (key, name)
        assert record.wop_id == hans[key].wop_id
    # Active ones withdrawn the way their kind needs; finished ones kept as done.
    assert BuddySignup.objects.get(pk=hans["signup"].pk).status == "withdrawn"
    assert ActionRequest.objects.get(pk=hans["card"].pk).status == ActionStatus.DONE
    assert ActionRequest.objects.get(pk=hans["card"].pk).message == ""
    claim = WelcomePackClaim.objects.get(pk=hans["claim"].pk)
    assert claim.status == ClaimStatus.WITHDRAWN
    present.refresh_from_db()
    assert present.stock == 5
    assert EventRSVP.objects.get(pk=hans["rsvp"].pk).status == RSVPStatus.CANCELLED
    match = BuddyMatch.objects.get(pk=hans["match"].pk)
    assert match.ended_on is not None
    assert match.follow_up_note == ""
    # Their e-mail, their account and their name in the history are gone.
    assert not any(HANS_EMAIL in message.to for message in OutboxEmail.objects.all())
    assert not User.objects.filter(email=HANS_EMAIL).exists()
    labels = " ".join(ModelLogEntry.objects.values_list("label", flat=True))
    assert "Hans de Vries" in labels  # the namesake's own history stays
    for key in ("signup", "card", "claim", "rsvp", "elsewhere", "match"):
        for entry in ModelLogEntry.objects.for_instance(hans[key]):
            assert entry.label == "(geanonimiseerd)", (key, entry.action)
    # The namesake is untouched.
    namesake.refresh_from_db()
    assert namesake.name == "Hans de Vries"
    assert namesake.email == "hans.devries@example.org"
    assert namesake.anonymised_at is None
    assert OutboxEmail.objects.filter(to=["hans.devries@example.org"]).exists()
    # Piet, the buddy, keeps his data.
    assert BuddySignup.objects.get(pk=hans["piet"].pk).name == "Piet Bakker"
    # Logged by hash and masked hint, never the address or number.
    erase_rows = PersonalDataLog.objects.filter(action=PersonalDataLog.Action.ERASE)
    assert {row.subject_hash for row in erase_rows} == {
        subject_hash(HANS_EMAIL),
        subject_hash("0612345678"),
    }
    assert {row.subject_hint for row in erase_rows} == {
        "h***@example.org",
        "06-****5678",
    }
    for row in erase_rows:
        assert row.by == coordinator
        assert HANS_EMAIL not in json.dumps(row.records)
    # No column of the log holds the address or the number, in any notation.
    assert log_holds_contact(email=HANS_EMAIL, phone=HANS_PHONE) == []
    assert person_records_find(email=HANS_EMAIL, user=coordinator).is_empty
    assert person_records_find(phone=HANS_PHONE, user=coordinator).is_empty


def test_a_volunteers_account_is_shown_but_never_erased(client, coordinator, wop):
    volunteer = factories.make_volunteer(wop, email="vera@example.org")
    client.force_login(coordinator)

    shown = client.post(SEARCH_URL, {"term": "Vera@example.org"})
    erased = confirm_erase(client, "vera@example.org")

    assert "account van een vrijwilliger of coördinator" in text(shown)
    assert "account van een vrijwilliger of coördinator" in text(erased)
    assert "zijn gewist" not in text(erased)
    assert User.objects.filter(pk=volunteer.pk, is_active=True).exists()
    assert not PersonalDataLog.objects.filter(action="erase").exists()


def test_erasing_only_touches_what_the_confirmation_showed(client, hans, coordinator):
    client.force_login(coordinator)
    shown = client.post(ERASE_URL, {"term": HANS_EMAIL}).content.decode()
    keys = re.findall(r'name="record" value="([^"]+)"', shown)
    # Meanwhile a new sign-up arrives.
    newer = factories.make_buddy_signup(
        project=hans["signup"].project, email=HANS_EMAIL, phone=""
    )

    client.post(ERASE_URL, {"term": HANS_EMAIL, "record": keys, "confirm": "1"})

    newer.refresh_from_db()
    assert newer.name == "Hans de Vries"
    hans["signup"].refresh_from_db()
    assert hans["signup"].name == ""


def test_erasing_one_of_a_match_ends_it_for_the_buddy_too(client, hans, coordinator):
    client.force_login(coordinator)

    confirm_erase(client, HANS_EMAIL)

    piet = BuddySignup.objects.get(pk=hans["piet"].pk)
    assert piet.status == BuddySignupStatus.ENDED
    assert piet.name == "Piet Bakker"
    assert hans["match"] not in BuddyMatch.objects.follow_up_due(on=date.max)


# Erasure works for every combination of kinds ---------------------------------


def placed_tile(wop, *, email, house_number, **kwargs):
    return factories.make_action_request(
        wop=wop,
        kind="wave_tile",
        email=email,
        street="Maasstraat",
        house_number=house_number,
        address_key=f"2906AB|{house_number}",
        status=ActionStatus.DONE,
        handled_on=timezone.localdate(),
        **kwargs,
    )


def test_two_residents_with_placed_wave_tiles_are_both_erased(client, coordinator, wop):
    """Was: erasing the second one gave a 500 (two anonymised tiles broke the
    one-tile-per-address rule) and kept their data."""
    truus = placed_tile(wop, email="truus@example.org", house_number="5")
    yonas = placed_tile(wop, email="yonas@example.org", house_number="7")
    client.force_login(coordinator)

    for tile in (truus, yonas):
        response = confirm_erase(client, tile.email)

        assert response.status_code == 200
        assert f"De gegevens van {tile.email} zijn gewist." in text(response)
        assert personal_data_left(tile) == {}
        assert ActionRequest.objects.get(pk=tile.pk).status == ActionStatus.DONE


YONAS = "yonas@example.org"
KINDS = ("signup", "card", "tile", "claim", "rsvp")


def yonas_in(kind, *, wop, buddy_project, occurrence, present):
    """Yonas's submission of ``kind``, with his e-mail address."""
    if kind == "signup":
        return factories.make_buddy_signup(
            project=buddy_project, name="Yonas Tesfaye", email=YONAS
        )
    if kind == "card":
        return factories.make_action_request(wop=wop, name="Yonas Tesfaye", email=YONAS)
    if kind == "tile":
        return placed_tile(wop, email=YONAS, house_number="21", name="Yonas Tesfaye")
    if kind == "claim":
        return factories.make_claim(
            wop=wop, name="Yonas Tesfaye", email=YONAS, present=present
        )
    return factories.make_rsvp(occurrence=occurrence, name="Yonas Tesfaye", email=YONAS)


@pytest.mark.parametrize(
    "kinds",
    [
        kinds
        for size in range(2, len(KINDS) + 1)
        for kinds in itertools.combinations(KINDS, size)
    ],
    ids="+".join,
)
def test_erasing_one_person_in_several_kinds_leaves_nothing(
    client, coordinator, wop, buddy_project, occurrence, present, kinds
):
    # Someone else's placed tile, erased before: anonymised rows must not
    # collide with Yonas's once his is anonymised too.
    earlier = placed_tile(wop, email="truus@example.org", house_number="5")
    client.force_login(coordinator)
    confirm_erase(client, earlier.email)
    made = [
        yonas_in(
            kind,
            wop=wop,
            buddy_project=buddy_project,
            occurrence=occurrence,
            present=present,
        )
        for kind in kinds
    ]

    response = confirm_erase(client, YONAS)

    assert response.status_code == 200
    assert f"De gegevens van {YONAS} zijn gewist." in text(response)
    for kind, record in zip(kinds, made, strict=True):
        assert personal_data_left(record) == {}, kind
    assert person_records_find(email=YONAS, user=coordinator).is_empty
    assert log_holds_contact(email=YONAS) == []


def test_erasing_blanks_the_volunteers_notes(client, coordinator, wop, hans):
    declined = factories.make_action_request(
        wop=wop,
        kind="wave_tile",
        email=HANS_EMAIL,
        status=ActionStatus.DECLINED,
        decline_reason="Hans wil eigenlijk geen contact met de buren.",
    )
    not_delivered = factories.make_claim(
        wop=wop,
        email=HANS_EMAIL,
        status=ClaimStatus.NOT_DELIVERED,
        not_delivered_reason="Meneer de Vries ligt in het ziekenhuis.",
    )
    client.force_login(coordinator)

    confirm_erase(client, HANS_EMAIL)

    declined.refresh_from_db()
    not_delivered.refresh_from_db()
    assert declined.decline_reason == ""
    assert not_delivered.not_delivered_reason == ""
    assert BuddyMatch.objects.get(pk=hans["match"].pk).follow_up_note == ""
    assert personal_data_left(declined) == {}
    assert personal_data_left(not_delivered) == {}
