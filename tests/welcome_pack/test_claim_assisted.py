"""A volunteer claims the welcome pack in the admin for a new resident who
phoned, handed in paper or was met at the door."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from neighbourhood.models import ConsentMethod, OutboxEmail, PrivacySettings
from neighbourhood.scoping.access import wop_group
from tests import factories
from tests.dashboard import on_behalf_keys
from welcome_pack.admin import claims
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset
from welcome_pack.models import Present, WelcomePackClaim

pytestmark = pytest.mark.django_db

ADD = welcome_pack_claim_viewset.get_url_name("add")
INDEX = welcome_pack_claim_viewset.get_url_name("index")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Present images go to a folder of the test's own."""
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
def pack(wop):
    return factories.make_welcome_pack(wop=wop)


@pytest.fixture
def present(wop):
    return factories.make_present(wop=wop, name="Bloembollen", stock=5)


@pytest.fixture
def other_pack(other_wop):
    return factories.make_welcome_pack(wop=other_wop)


@pytest.fixture
def other_present(other_wop):
    return factories.make_present(wop=other_wop, name="Theedoek", stock=5)


def add_url(page) -> str:
    return f"{reverse(ADD)}?page={page.pk}"


def answers(present=None, **changes) -> dict:
    """Patricia moved in a month ago and phones (no e-mail): the public
    form's answers, with consent given verbally instead of the online box."""
    data = factories.welcome_claim_form_data(
        consent=None,
        website=None,
        consent_method=ConsentMethod.VERBAL,
        consent_given="on",
        present=str(present.pk) if present else None,
    )
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


def test_volunteer_claims_a_pack_with_a_present_for_a_phone_only_resident(
    client, privacy, wop, volunteer, pack, present
):
    factories.make_volunteer(wop, email="collega@example.org")
    client.force_login(volunteer)

    response = client.post(add_url(pack), answers(present), follow=True)

    claim = WelcomePackClaim.objects.get()
    assert (claim.wop, claim.name) == (wop, "Patricia Jansen")
    assert (claim.phone, claim.email) == ("06-12345678", "")
    assert (claim.street, claim.house_number, claim.postcode) == (
        "Maasstraat",
        "12",
        "2906AB",
    )
    assert claim.present == present
    present.refresh_from_db()
    assert present.stock == 4
    assert claim.registered_by == volunteer
    assert claim.consent_method == ConsentMethod.VERBAL
    assert claim.consent_privacy_version == privacy.statement_version()
    assert "welkomstpakket te brengen" in claim.consent_text
    # The WOP's other volunteers hear of it; Patricia has no e-mail address.
    assert [mail.to for mail in OutboxEmail.objects.all()] == [["collega@example.org"]]
    assert response.redirect_chain[-1][0] == reverse(INDEX)
    assert messages_of(response) == [
        "Welkomstpakket voor Patricia Jansen aangevraagd, met Bloembollen. De "
        "vrijwilligers van de wijk krijgen bericht. Patricia Jansen heeft geen "
        "e-mailadres: vertel zelf wat er nu gebeurt."
    ]


def test_a_resident_with_e_mail_gets_the_confirmation(client, volunteer, pack, present):
    client.force_login(volunteer)

    client.post(
        add_url(pack),
        answers(
            present,
            email="patricia@example.org",
            consent_method=ConsentMethod.PAPER,
        ),
    )

    claim = WelcomePackClaim.objects.get()
    assert claim.consent_method == ConsentMethod.PAPER
    confirmation = OutboxEmail.objects.get(to=["patricia@example.org"])
    assert f"/intrekken/{claim.token}/" in confirmation.body


def test_without_consent_nothing_is_stored(client, volunteer, pack, present):
    client.force_login(volunteer)

    response = client.post(add_url(pack), answers(present, consent_given=None))

    assert response.status_code == 200
    assert response.context["form"].errors["consent_given"] == [
        "Zonder toestemming van de bewoner mogen we de gegevens niet opslaan. "
        "Vraag het eerst, en vink dit dan aan."
    ]
    assert not WelcomePackClaim.objects.exists()
    present.refresh_from_db()
    assert present.stock == 5


def test_a_second_claim_for_the_same_address_is_refused_in_dutch(
    client, volunteer, pack, present
):
    client.force_login(volunteer)
    client.post(add_url(pack), answers(present), follow=True)

    response = client.post(
        add_url(pack), answers(present, name="Piet Jansen", phone="06-87654321")
    )

    assert response.status_code == 200
    error = response.context["form"].non_field_errors()[0]
    # The rule and whom to ask, never when the pack was claimed.
    assert error == (
        "Voor dit adres is al een welkomstpakket aangevraagd. Er is één pakket "
        "per adres. Heeft de bewoner een vraag? Neem dan contact op met wijk "
        "Schollevaar."
    )
    assert "Patricia" not in response.content.decode()
    assert WelcomePackClaim.objects.count() == 1
    present.refresh_from_db()
    assert present.stock == 4


def test_a_present_out_of_stock_is_not_offered(client, volunteer, pack, present, wop):
    empty = factories.make_present(wop=wop, name="Kaars", stock=0)
    client.force_login(volunteer)

    form = client.get(add_url(pack)).context["form"]
    response = client.post(add_url(pack), answers(empty))

    assert list(form.fields["present"].queryset) == [present]
    assert response.context["form"].errors["present"] == [
        "Dit cadeautje is net op. Kies een ander."
    ]
    assert not WelcomePackClaim.objects.exists()


def test_a_present_that_runs_out_while_filling_in_is_a_form_error(
    client, monkeypatch, wop, volunteer, pack, present
):
    factories.make_present(wop=wop, name="Kaars", stock=2)
    claim = claims.welcome_pack_claim

    def claim_after_the_last_one_went(**kwargs):
        Present.objects.filter(pk=present.pk).update(stock=0)
        return claim(**kwargs)

    monkeypatch.setattr(claims, "welcome_pack_claim", claim_after_the_last_one_went)
    client.force_login(volunteer)

    response = client.post(add_url(pack), answers(present))

    form = response.context["form"]
    assert form.errors["present"] == ["Dit cadeautje is net op. Kies een ander."]
    assert [str(option) for option in form.fields["present"].queryset] == ["Kaars"]
    assert not WelcomePackClaim.objects.exists()


def test_an_address_in_another_wop_is_refused(client, volunteer, other_wop, pack):
    client.force_login(volunteer)

    response = client.post(add_url(pack), answers(postcode="2903 AB"))

    assert response.context["form"].errors["postcode"] == [
        "Dit adres hoort bij wijk Oostgaarde. Dit welkomstpakket is voor wijk "
        "Schollevaar."
    ]
    assert not WelcomePackClaim.objects.exists()


# Scoping ---------------------------------------------------------------------


def test_volunteer_is_offered_only_own_wops_pack_and_presents(
    client, volunteer, pack, present, other_pack, other_present
):
    client.force_login(volunteer)

    chooser = client.get(reverse(ADD))
    form = client.get(add_url(pack)).context["form"]

    # One pack of their own: straight to its form.
    assert chooser.status_code == 302
    assert chooser.url == add_url(pack)
    assert list(form.fields["present"].queryset) == [present]
    assert "Theedoek" not in client.get(add_url(pack)).content.decode()


def test_a_coordinator_chooses_between_the_wops_packs(
    client, coordinator, pack, other_pack
):
    client.force_login(coordinator)

    response = client.get(reverse(ADD))

    offered = dict(response.context["choice_form"].fields["page"].choices)
    assert offered == {
        pack.pk: "Welkomstpakket (Schollevaar)",
        other_pack.pk: "Welkomstpakket (Oostgaarde)",
    }


def test_another_wops_pack_and_present_cannot_be_forged(
    client, volunteer, pack, present, other_pack, other_present
):
    client.force_login(volunteer)

    foreign_pack = client.post(
        add_url(other_pack), answers(other_present, postcode="2903 AB")
    )
    foreign_present = client.post(add_url(pack), answers(other_present))

    assert foreign_pack.status_code == 404
    assert "present" in foreign_present.context["form"].errors
    assert not WelcomePackClaim.objects.exists()
    other_present.refresh_from_db()
    assert other_present.stock == 5


# The listing and the dashboard ------------------------------------------------


def test_listing_and_dashboard_lead_to_the_form(client, volunteer, pack):
    client.force_login(volunteer)

    listing = client.get(reverse(INDEX)).content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Aanvraag invoeren namens bewoner" in listing
    assert "welcome_pack_claim" in on_behalf_keys(dashboard)
    assert f'href="{reverse(ADD)}"' in dashboard


def test_no_button_and_no_form_without_add_permission(client, wop, volunteer, pack):
    wop_group(wop).permissions.remove(
        Permission.objects.get(codename="add_welcomepackclaim")
    )
    client.force_login(volunteer)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(add_url(pack))

    assert "welcome_pack_claim" not in on_behalf_keys(dashboard)
    assert reverse(ADD) not in dashboard
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_a_volunteer_typing_the_number_differently_meets_the_earlier_claim(
    client, volunteer, pack, present
):
    client.force_login(volunteer)
    client.post(add_url(pack), answers(present, house_number="12b"), follow=True)

    response = client.post(
        add_url(pack),
        answers(
            present,
            name="Piet Jansen",
            house_number="012",
            house_number_addition="b",
        ),
    )

    error = response.context["form"].non_field_errors()[0]
    assert error.startswith("Voor dit adres is al een welkomstpakket aangevraagd.")
    assert WelcomePackClaim.objects.count() == 1


def test_a_volunteer_is_told_when_a_house_number_is_none(client, volunteer, pack):
    client.force_login(volunteer)

    response = client.post(add_url(pack), answers(house_number="abc"))

    assert response.context["form"].errors["house_number"] == [
        "Dit is geen huisnummer. Een huisnummer begint met een getal, "
        "bijvoorbeeld 12 of 12 A."
    ]
    assert not WelcomePackClaim.objects.exists()
