"""Personal data under the AVG: find, export and erase one person; the log;
the privacy version with every consent; no personal data in log lines."""

import itertools
import json
import logging
import re
from datetime import date
from html import unescape
from smtplib import SMTPException

import pytest
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from events.models import EventRSVP, RSVPStatus
from neighbourhood.buddies.services import match_confirm
from neighbourhood.models import (
    ActionRequest,
    ActionStatus,
    BuddyMatch,
    BuddySignup,
    BuddySignupStatus,
    OutboxEmail,
    PersonalDataLog,
    PrivacySettings,
    User,
)
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.privacy.records import person_records_find, subject_hash
from tests import factories
from tests.neighbourhood.privacy.personal_data import (
    log_holds_contact,
    personal_data_left,
)
from welcome_pack.models import ClaimStatus, WelcomePackClaim

SEARCH_URL = "/beheer/persoonsgegevens/"
EXPORT_URL = "/beheer/persoonsgegevens/downloaden/"
ERASE_URL = "/beheer/persoonsgegevens/wissen/"
LOG_URL = "/beheer/persoonsgegevens/logboek/"

HANS_EMAIL = "hans@example.org"
HANS_PHONE = "06-12345678"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Card images go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path


def text(response) -> str:
    """The page as a person reads it: no tags, single spaces."""
    return " ".join(unescape(strip_tags(response.content.decode())).split())


@pytest.fixture
def occurrence(wop):
    calendar = factories.make_event_index(parent=wop)
    event = factories.make_event(
        index=calendar, title="Samen eten", signup_required=True, capacity=2
    )
    return event.occurrences.get()


@pytest.fixture
def present(wop):
    return factories.make_present(wop=wop, name="Bloembollen", stock=5)


@pytest.fixture
def hans(wop, other_wop, buddy_project, other_buddy_project, occurrence, present):
    """Hans de Vries in every kind of submission, each typed a little
    differently, with a buddy match, e-mail, history and a member account;
    and one sign-up in the other WOP."""
    signup = factories.make_buddy_signup(
        project=buddy_project, email="Hans@Example.org", phone=HANS_PHONE
    )
    piet = factories.make_buddy_signup(
        project=buddy_project, name="Piet Bakker", phone="010-999 88 77", role="buddy"
    )
    coordinator = factories.make_coordinator(email="matcher@example.org")
    match = match_confirm(seeker=signup, buddy=piet, by=coordinator)
    match.follow_up_note = "Hans vertelde over zijn vrouw."
    match.save()
    card = factories.make_action_request(
        wop=wop,
        name="Hans de Vries",
        phone="+31 6 1234 5678",
        status=ActionStatus.DONE,
        handled_on=timezone.localdate(),
    )
    claim = factories.make_claim(
        wop=wop,
        name="Hans de Vries",
        phone="0612345678",
        email=HANS_EMAIL,
        present=present,
    )
    present.stock -= 1
    present.save()
    rsvp = factories.make_rsvp(
        occurrence=occurrence, name="Hans de Vries", email="HANS@example.org", phone=""
    )
    elsewhere = factories.make_buddy_signup(
        project=other_buddy_project, email=HANS_EMAIL, phone=""
    )
    for record in (signup, card, claim, rsvp, elsewhere):
        log(instance=record, action="wagtail.create")
    email_enqueue(
        to=[HANS_EMAIL],
        subject="Bevestiging",
        template="neighbourhood/email/buddy_signup_confirmation.txt",
        context={"signup": signup, "project": buddy_project, "wop": wop},
    )
    account = factories.make_user(email=HANS_EMAIL, first_name="Hans")
    return {
        "signup": signup,
        "piet": piet,
        "match": match,
        "card": card,
        "claim": claim,
        "rsvp": rsvp,
        "elsewhere": elsewhere,
        "account": account,
    }


@pytest.fixture
def namesake(wop, buddy_project):
    """Another Hans de Vries: same name, other address and number."""
    signup = factories.make_buddy_signup(
        project=buddy_project, email="hans.devries@example.org", phone="06-12345679"
    )
    log(instance=signup, action="wagtail.create")
    email_enqueue(
        to=["hans.devries@example.org"],
        subject="Bevestiging",
        template="neighbourhood/email/buddy_signup_staff.txt",
        context={"admin_url": "http://testserver/beheer/"},
    )
    return signup


def records_count() -> dict:
    """What the yearly figures count: the rows of every kind."""
    return {
        model.__name__: model.objects.count()
        for model in (BuddySignup, ActionRequest, WelcomePackClaim, EventRSVP)
    } | {"matches": BuddyMatch.objects.count()}


def confirm_erase(client, term):
    shown = client.post(ERASE_URL, {"term": term}).content.decode()
    keys = re.findall(r'name="record" value="([^"]+)"', shown)
    return client.post(ERASE_URL, {"term": term, "record": keys, "confirm": "1"})


# Finding ----------------------------------------------------------------------


def test_person_is_found_by_email_in_every_kind_whatever_the_case(
    hans, namesake, coordinator
):
    records = person_records_find(email="  HANS@example.ORG ", user=coordinator)

    found = {(type(row).__name__, row.pk) for row in records.submissions}
    assert found == {
        ("BuddySignup", hans["signup"].pk),
        ("BuddySignup", hans["elsewhere"].pk),
        ("WelcomePackClaim", hans["claim"].pk),
        ("EventRSVP", hans["rsvp"].pk),
    }
    assert records.linked == [hans["match"]]
    assert [message.subject for message in records.emails] == ["Bevestiging"]
    assert records.accounts == [hans["account"]]


@pytest.mark.parametrize("typed", ["+31 6 12345678", "0612345678", "06 - 1234 5678"])
def test_person_is_found_by_phone_however_the_number_is_written(
    hans, namesake, coordinator, typed
):
    records = person_records_find(phone=typed, user=coordinator)

    found = {(type(row).__name__, row.pk) for row in records.submissions}
    assert found == {
        ("BuddySignup", hans["signup"].pk),
        ("ActionRequest", hans["card"].pk),
        ("WelcomePackClaim", hans["claim"].pk),
    }


def test_anonymised_records_are_no_longer_about_anyone(hans, coordinator):
    from neighbourhood.submissions.services import submission_withdraw

    submission_withdraw(submission=hans["elsewhere"])

    records = person_records_find(email=HANS_EMAIL, user=coordinator)

    assert hans["elsewhere"].pk not in [row.pk for row in records.submissions]


def test_search_shows_the_records_grouped_by_kind_and_wop(client, hans, coordinator):
    client.force_login(coordinator)

    response = client.post(SEARCH_URL, {"term": HANS_EMAIL})

    assert response.status_code == 200
    page = text(response)
    assert "Aanmeldingen maatjesprojecten · Schollevaar" in page
    assert "Aanmeldingen maatjesprojecten · Oostgaarde" in page
    assert "Aanvragen welkomstpakket · Schollevaar" in page
    assert "Aanmeldingen activiteiten · Schollevaar" in page
    assert "het maatjesproject ‘Schaakmaatjes’" in page
    assert "Hans de Vries – Piet Bakker" in page
    assert "Bevestiging" in page
    assert "no-cache" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]


def test_search_term_is_posted_never_put_in_a_url(client, hans, coordinator):
    client.force_login(coordinator)

    form = client.get(SEARCH_URL).content.decode()
    results = client.post(SEARCH_URL, {"term": HANS_EMAIL}).content.decode()

    assert re.search(r'<form method="post" action="/beheer/persoonsgegevens/"', form)
    actions = re.findall(r"<form[^>]*>", results)
    assert actions and all('method="post"' in tag for tag in actions)
    assert HANS_EMAIL not in "".join(re.findall(r'(?:href|action)="([^"]*)"', results))
    # A search by GET parameters is not a search.
    got = client.get(SEARCH_URL, {"term": HANS_EMAIL})
    assert "Hans de Vries" not in text(got)


def test_nothing_found_says_so(client, coordinator, namesake):
    client.force_login(coordinator)

    response = client.post(SEARCH_URL, {"term": "niemand@example.org"})

    assert "Niets gevonden over niemand@example.org." in text(response)
    assert "Wissen" not in text(response)


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("", "Vul een e-mailadres of een telefoonnummer in."),
        ("hans@", "Dit is geen geldig e-mailadres"),
        ("12345", "Dit is geen geldig telefoonnummer"),
    ],
)
def test_invalid_search_gets_a_dutch_message_at_the_field(
    client, coordinator, term, message
):
    client.force_login(coordinator)

    response = client.post(SEARCH_URL, {"term": term})

    errors = re.search(
        r'<div class="w-field__errors".*?<p class="error-message">(.*?)</p>',
        response.content.decode(),
        re.S,
    )
    assert errors
    assert message in unescape(strip_tags(errors.group(1)))


def test_a_volunteer_may_not_use_it_even_by_url(client, hans, volunteer):
    client.force_login(volunteer)

    for url in (SEARCH_URL, LOG_URL):
        assert client.get(url).status_code == 403
    for url in (SEARCH_URL, EXPORT_URL, ERASE_URL):
        response = client.post(url, {"term": HANS_EMAIL, "confirm": "1"})
        assert response.status_code == 403
    hans["signup"].refresh_from_db()
    assert hans["signup"].name == "Hans de Vries"
    assert not PersonalDataLog.objects.exists()


def test_menu_shows_persoonsgegevens_to_coordinators_only(
    client, coordinator, volunteer
):
    client.force_login(coordinator)
    assert "Persoonsgegevens" in client.get("/beheer/").content.decode()

    client.force_login(volunteer)
    assert "Persoonsgegevens" not in client.get("/beheer/").content.decode()


def test_wop_coordinator_finds_only_their_wops_records(client, hans, wop):
    coordinator = factories.make_wop_coordinator(wop, email="wijk@example.org")
    client.force_login(coordinator)

    response = client.post(SEARCH_URL, {"term": HANS_EMAIL})

    page = text(response)
    assert "· Schollevaar" in page
    assert "Oostgaarde" not in page
    # E-mail and accounts belong to no WOP: not for a WOP coordinator.
    assert "Bevestiging" not in page
    assert "U ziet alleen de gegevens uit uw eigen wijken." in page

    confirm_erase(client, HANS_EMAIL)
    export = person_records_find(email=HANS_EMAIL, user=coordinator)
    assert export.is_empty
    hans["elsewhere"].refresh_from_db()
    assert hans["elsewhere"].email == HANS_EMAIL
    assert User.objects.filter(pk=hans["account"].pk).exists()


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
    assert f"neighbourhood.user:{hans['account'].pk}" in keys
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


# Consent ----------------------------------------------------------------------


@pytest.fixture
def privacy(home):
    page = factories.make_standard_page(slug="privacy")
    page.save_revision().publish()
    page.refresh_from_db()
    settings = PrivacySettings.for_site(home.get_site())
    settings.privacy_page = page
    settings.save()
    return settings


def test_every_kind_stores_the_privacy_statement_version_with_its_consent(
    client, privacy, wop, buddy_project, occurrence, present
):
    version = privacy.statement_version()
    assert "(revisie " in version
    card_page = factories.make_card_action(wop=wop)
    design = factories.make_card_design()
    pack = factories.make_welcome_pack(wop=wop)

    client.post(buddy_project.url, factories.buddy_signup_form_data())
    client.post(
        card_page.url,
        {
            "card_design": str(design.pk),
            "message": "Dank je wel!",
            "recipient_street": "Maasstraat",
            "recipient_house_number": "14",
            "recipient_postcode": "2906 ab",
            "delivery": "volunteer",
            "name": "Hans de Vries",
            "phone": "",
            "email": "",
            "consent": "on",
            "website": "",
        },
    )
    client.post(pack.url, factories.welcome_claim_form_data(present=present.pk))
    client.post(occurrence.event.url, factories.rsvp_form_data(occurrence=occurrence))

    for model in (BuddySignup, ActionRequest, WelcomePackClaim, EventRSVP):
        submission = model.objects.get()
        assert submission.consent_privacy_version == version, model.__name__
        assert submission.consent_text, model.__name__
        assert submission.consent_method == "online", model.__name__


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


def test_results_are_never_in_a_page_a_resident_can_open(client, hans):
    for url in (SEARCH_URL, LOG_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response.url
    response = client.post(SEARCH_URL, {"term": HANS_EMAIL})
    assert "Hans de Vries" not in response.content.decode()


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
