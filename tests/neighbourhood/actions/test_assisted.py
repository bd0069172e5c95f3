"""A volunteer registers a card, treat or wave-tile request in the admin for a
resident who phoned, handed in paper or was met at the door."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    ConsentMethod,
    Delivery,
    OutboxEmail,
    PrivacySettings,
)
from neighbourhood.scoping.access import wop_group
from tests import factories
from tests.dashboard import on_behalf_keys

pytestmark = pytest.mark.django_db

ADD = action_request_viewset.get_url_name("add")
INDEX = action_request_viewset.get_url_name("index")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Card images go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def privacy(home):
    """A published privacy statement: consent records its version."""
    page = factories.make_standard_page(slug="privacy")
    page.save_revision().publish()
    page.refresh_from_db()
    settings = PrivacySettings.for_site(home.get_site())
    settings.privacy_page = page
    settings.save()
    return settings


@pytest.fixture
def design(db):
    return factories.make_card_design()


@pytest.fixture
def card_page(wop):
    return factories.make_card_action(wop=wop)


@pytest.fixture
def treat_page(wop):
    return factories.make_treat_action(
        wop=wop, monthly_limit=1, treats=["Appeltaart", "Koekjes"]
    )


@pytest.fixture
def tile_page(wop):
    factories.make_tile_stock(wop=wop, quantity=3)
    return factories.make_wave_tile_action(wop=wop)


@pytest.fixture
def other_card_page(other_wop):
    return factories.make_card_action(wop=other_wop)


def add_url(page) -> str:
    return f"{reverse(ADD)}?page={page.pk}"


def consent(**changes) -> dict:
    data = {"consent_method": ConsentMethod.VERBAL, "consent_given": "on"}
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def card_answers(design, **changes) -> dict:
    """Hans (82, no e-mail) phones: a card for his neighbour, anonymous."""
    data = {
        "card_design": str(design.pk),
        "message": "Dank je wel voor de soep toen ik ziek was!",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": "2906 ab",
        "anonymous": "on",
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "",
        **consent(),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def treat_answers(page, **changes) -> dict:
    data = {
        "treat": str(page.treats.get(name="Appeltaart").pk),
        "treat_for": "neighbour",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": "2906AB",
        "name": "Zeynep Kaya",
        "phone": "",
        "email": "zeynep@example.org",
        **consent(consent_method=ConsentMethod.PAPER),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def tile_answers(**changes) -> dict:
    data = {
        "name": "Truus Jansen",
        "street": "Maasstraat",
        "house_number": "12 a",
        "postcode": "2906 AB",
        "phone": "06-12345678",
        "email": "",
        **consent(),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


# Choosing the action ------------------------------------------------------------


def test_volunteer_is_offered_only_the_actions_of_own_wop(
    client, volunteer, card_page, tile_page, other_card_page
):
    client.force_login(volunteer)

    response = client.get(reverse(ADD))

    offered = dict(response.context["choice_form"].fields["page"].choices)
    assert offered == {
        card_page.pk: "Kaartje: Kaartje sturen (Schollevaar)",
        tile_page.pk: "Zwaaitegel: Zwaaitegel (Schollevaar)",
    }
    assert "Oostgaarde" not in response.content.decode()


def test_with_one_action_the_choice_is_skipped(client, volunteer, card_page):
    client.force_login(volunteer)

    response = client.get(reverse(ADD))

    assert response.status_code == 302
    assert response.url == add_url(card_page)


def test_a_wop_without_actions_says_so(client, volunteer, other_card_page):
    client.force_login(volunteer)

    response = client.get(reverse(ADD))

    assert "Uw wijk heeft nog geen buurtactie online" in response.content.decode()


def test_another_wops_action_is_not_found_even_by_a_forged_post(
    client, volunteer, design, card_page, other_card_page
):
    client.force_login(volunteer)

    shown = client.get(add_url(other_card_page))
    posted = client.post(
        add_url(other_card_page),
        card_answers(design, recipient_postcode="2903 AB"),
    )

    assert shown.status_code == 404
    assert posted.status_code == 404
    assert not ActionRequest.objects.exists()
    assert not OutboxEmail.objects.exists()


def test_a_user_without_add_permission_cannot_register(client, wop, volunteer):
    wop_group(wop).permissions.remove(
        Permission.objects.get(codename="add_actionrequest")
    )
    client.force_login(volunteer)

    response = client.get(reverse(ADD))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


# A card -------------------------------------------------------------------------


def test_volunteer_registers_an_anonymous_card_for_a_phone_only_resident(
    client, privacy, wop, volunteer, design, card_page
):
    factories.make_volunteer(wop, email="collega@example.org")
    client.force_login(volunteer)
    form = client.get(add_url(card_page)).context["form"]
    assert "delivery" not in form.fields  # a volunteer delivers it
    assert "Lees de bewoner voor" in str(form.fields["consent_given"].help_text)

    response = client.post(add_url(card_page), card_answers(design), follow=True)

    card = ActionRequest.objects.get()
    assert (card.kind, card.wop, card.status) == (
        ActionKind.CARD,
        wop,
        ActionStatus.NEW,
    )
    assert card.delivery == Delivery.VOLUNTEER
    assert card.anonymous and card.name == "Hans de Vries"
    assert (card.phone, card.recipient_postcode) == ("010-123 45 67", "2906AB")
    assert card.registered_by == volunteer
    assert card.consent_method == ConsentMethod.VERBAL
    assert card.consent_privacy_version == privacy.statement_version()
    assert "kaart te maken en te bezorgen" in card.consent_text
    # The WOP's other volunteers hear of it; Hans has no e-mail address.
    assert [mail.to for mail in OutboxEmail.objects.all()] == [["collega@example.org"]]
    assert response.redirect_chain[-1][0] == reverse(INDEX)
    assert messages_of(response) == [
        "Kaartje voor Hans de Vries is aangevraagd. De vrijwilligers van de wijk "
        "krijgen bericht. Hans de Vries heeft geen e-mailadres: vertel zelf wat "
        "er nu gebeurt."
    ]


def test_an_anonymous_card_still_records_who_asked(
    client, volunteer, design, card_page
):
    client.force_login(volunteer)

    response = client.post(add_url(card_page), card_answers(design, name="", phone=""))

    errors = response.context["form"].errors
    assert errors["name"] == ["Vul de naam van de bewoner in."]
    assert "Ook bij een anonieme kaart" in errors["phone"][0]
    assert not ActionRequest.objects.exists()


def test_without_consent_nothing_is_stored(client, volunteer, design, card_page):
    client.force_login(volunteer)

    response = client.post(add_url(card_page), card_answers(design, consent_given=None))

    assert response.status_code == 200
    assert response.context["form"].errors["consent_given"] == [
        "Zonder toestemming van de bewoner mogen we de gegevens niet opslaan. "
        "Vraag het eerst, en vink dit dan aan."
    ]
    assert not ActionRequest.objects.exists()
    assert not OutboxEmail.objects.exists()


def test_a_card_for_an_address_in_another_wop_is_refused(
    client, volunteer, other_wop, design, card_page
):
    client.force_login(volunteer)

    response = client.post(
        add_url(card_page), card_answers(design, recipient_postcode="2903 AB")
    )

    error = response.context["form"].errors["recipient_postcode"][0]
    assert error.startswith("Dit adres hoort bij wijk Oostgaarde.")
    assert not ActionRequest.objects.exists()


# A treat ------------------------------------------------------------------------


def test_volunteer_registers_a_treat_and_the_resident_gets_an_e_mail(
    client, privacy, volunteer, treat_page
):
    client.force_login(volunteer)

    response = client.post(add_url(treat_page), treat_answers(treat_page), follow=True)

    treat = ActionRequest.objects.get()
    assert (treat.kind, treat.treat, treat.status) == (
        ActionKind.TREAT,
        "Appeltaart",
        ActionStatus.NEW,
    )
    assert treat.registered_by == volunteer
    assert treat.consent_method == ConsentMethod.PAPER
    assert treat.consent_privacy_version == privacy.statement_version()
    confirmation = OutboxEmail.objects.get(to=["zeynep@example.org"])
    assert f"/intrekken/{treat.token}/" in confirmation.body
    # Who entered it knows already.
    assert not OutboxEmail.objects.filter(to=["vrijwilliger@example.org"]).exists()
    assert "Zeynep Kaya krijgt een bevestiging per e-mail." in messages_of(response)[0]


def test_a_treat_beyond_the_monthly_limit_goes_on_the_waiting_list(
    client, wop, volunteer, treat_page
):
    factories.make_action_request(
        wop=wop, kind=ActionKind.TREAT, treat="Koekjes", treat_for="together"
    )
    client.force_login(volunteer)
    assert "nog 0 traktatie(s)" in client.get(add_url(treat_page)).content.decode()

    response = client.post(add_url(treat_page), treat_answers(treat_page), follow=True)

    waiting = ActionRequest.objects.get(name="Zeynep Kaya")
    assert waiting.status == ActionStatus.WAITING
    assert "staat op de wachtlijst" in messages_of(response)[0]


# A wave tile --------------------------------------------------------------------


def test_volunteer_registers_a_wave_tile(client, wop, volunteer, tile_page):
    client.force_login(volunteer)

    response = client.post(add_url(tile_page), tile_answers())

    assert response.status_code == 302
    tile = ActionRequest.objects.get()
    assert (tile.kind, tile.wop, tile.status) == (
        ActionKind.WAVE_TILE,
        wop,
        ActionStatus.NEW,
    )
    assert (tile.street, tile.house_number, tile.postcode) == (
        "Maasstraat",
        "12A",
        "2906AB",
    )
    assert tile.registered_by == volunteer
    assert tile.consent_method == ConsentMethod.VERBAL
    assert [mail.to for mail in OutboxEmail.objects.all()] == []


def test_a_second_tile_for_the_same_address_is_refused_in_dutch(
    client, volunteer, tile_page
):
    client.force_login(volunteer)
    client.post(add_url(tile_page), tile_answers(), follow=True)

    response = client.post(
        add_url(tile_page),
        tile_answers(name="Piet Jansen", house_number="12A", phone="06-87654321"),
    )

    assert response.status_code == 200
    error = response.context["form"].non_field_errors()[0]
    assert error.startswith("Voor dit adres is al een zwaaitegel aangevraagd, op ")
    assert "Truus" not in response.content.decode()
    assert ActionRequest.objects.count() == 1


def test_a_tile_outside_the_volunteers_wop_is_refused(
    client, volunteer, other_wop, tile_page
):
    client.force_login(volunteer)

    response = client.post(add_url(tile_page), tile_answers(postcode="2903 AB"))

    assert "postcode" in response.context["form"].errors
    assert not ActionRequest.objects.exists()


# The listing and the dashboard ------------------------------------------------


def test_listing_and_dashboard_lead_to_the_form(client, volunteer, card_page):
    client.force_login(volunteer)

    listing = client.get(reverse(INDEX)).content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Aanvraag invoeren namens bewoner" in listing
    assert "action_request" in on_behalf_keys(dashboard)
    assert f'href="{reverse(ADD)}"' in dashboard


def test_no_dashboard_button_without_add_permission(client, wop, volunteer):
    wop_group(wop).permissions.remove(
        Permission.objects.get(codename="add_actionrequest")
    )
    client.force_login(volunteer)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "action_request" not in on_behalf_keys(dashboard)
    assert reverse(ADD) not in dashboard
