"""Every kind of submission a volunteer registers for a resident goes through
the one "register on behalf" flow: the same consent questions and read-out,
the same refusal without consent, the consent method and the volunteer
recorded, the same refusal of a WOP the volunteer does not work in."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.admin.viewsets import event_rsvp_viewset
from events.models import EventRSVP
from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.buddies.viewsets import buddy_signup_viewset
from neighbourhood.models import ActionRequest, BuddySignup, ConsentMethod
from tests import factories
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset
from welcome_pack.models import WelcomePackClaim

pytestmark = pytest.mark.django_db

CONSENT = {"consent_method": ConsentMethod.VERBAL, "consent_given": "on"}
NO_CONSENT_ERROR = (
    "Zonder toestemming van de bewoner mogen we de gegevens niet opslaan. "
    "Vraag het eerst, en vink dit dan aan."
)
OUTSIDE_ERROR = (
    "Postcode 2903 AB hoort bij wijk Oostgaarde, waar u niet in werkt. Geef de "
    "aanmelding door aan een coördinator of aan de vrijwilligers van die wijk."
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Card images go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path


def _page_url(viewset, page) -> str:
    return f"{reverse(viewset.get_url_name('add'))}?page={page.pk}"


def buddy_signup(parent):
    project = factories.make_buddy_project(parent=parent)
    answers = factories.buddy_signup_form_data(
        consent=None, website=None, project=project.pk
    )
    return (
        buddy_signup_viewset,
        reverse(buddy_signup_viewset.get_url_name("add")),
        {
            **answers,
            **CONSENT,
        },
    )


def rsvp(parent):
    occurrence = factories.make_event(
        index=factories.make_event_index(parent=parent),
        title="Samen eten",
        signup_required=True,
        start_date=timezone.localdate() + timedelta(days=2),
    ).occurrences.get()
    answers = {
        "occurrence": occurrence.pk,
        "people": 1,
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "",
        "postcode": "2906 ab",
    }
    return (
        event_rsvp_viewset,
        reverse(event_rsvp_viewset.get_url_name("add")),
        {
            **answers,
            **CONSENT,
        },
    )


def card(wop):
    design = factories.make_card_design()
    answers = {
        "card_design": str(design.pk),
        "message": "Dank je wel voor de soep!",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": "2906 ab",
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "",
    }
    page = factories.make_card_action(wop=wop)
    viewset = action_request_viewset
    return viewset, _page_url(viewset, page), {**answers, **CONSENT}


def treat(wop):
    page = factories.make_treat_action(wop=wop)
    answers = {
        "treat": str(page.treats.get().pk),
        "treat_for": "neighbour",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": "2906AB",
        "name": "Zeynep Kaya",
        "phone": "06-12345678",
        "email": "",
    }
    viewset = action_request_viewset
    return viewset, _page_url(viewset, page), {**answers, **CONSENT}


def wave_tile(wop):
    factories.make_tile_stock(wop=wop, quantity=3)
    page = factories.make_wave_tile_action(wop=wop)
    answers = {
        "name": "Truus Jansen",
        "street": "Maasstraat",
        "house_number": "12",
        "postcode": "2906 AB",
        "phone": "06-12345678",
        "email": "",
    }
    viewset = action_request_viewset
    return viewset, _page_url(viewset, page), {**answers, **CONSENT}


def welcome_pack_claim(wop):
    page = factories.make_welcome_pack(wop=wop)
    answers = factories.welcome_claim_form_data(consent=None, website=None)
    viewset = welcome_pack_claim_viewset
    return viewset, _page_url(viewset, page), {**answers, **CONSENT}


KINDS = {
    "buddy sign-up": (buddy_signup, BuddySignup),
    "RSVP": (rsvp, EventRSVP),
    "card": (card, ActionRequest),
    "treat": (treat, ActionRequest),
    "wave tile": (wave_tile, ActionRequest),
    "welcome-pack claim": (welcome_pack_claim, WelcomePackClaim),
}
# The kinds whose form offers something city-wide: the resident's postcode
# then says which WOP the submission belongs to.
CITY_WIDE_KINDS = {"buddy sign-up": buddy_signup, "RSVP": rsvp}
# The kinds whose page is chosen first, among the volunteer's WOPs' pages.
PAGE_KINDS = [kind for kind in KINDS if kind not in CITY_WIDE_KINDS]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_records_the_consent_method_and_the_volunteer(
    client, wop, volunteer, kind
):
    build, model = KINDS[kind]
    viewset, url, answers = build(wop)
    client.force_login(volunteer)

    form = client.get(url).context["form"]
    response = client.post(
        url, {**answers, "consent_method": ConsentMethod.PAPER}, follow=True
    )

    assert str(form.fields["consent_given"].help_text).startswith(
        "Lees de bewoner voor: “Ik geef toestemming"
    )
    assert [value for value, _label in form.fields["consent_method"].choices] == [
        ConsentMethod.VERBAL,
        ConsentMethod.PAPER,
    ]
    submission = model.objects.get()
    assert (submission.wop, submission.registered_by) == (wop, volunteer)
    assert submission.consent_method == ConsentMethod.PAPER
    assert submission.consent_text.startswith("Ik geef toestemming")
    assert response.redirect_chain[-1][0] == reverse(viewset.get_url_name("index"))
    assert len(list(response.context["messages"])) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_no_kind_is_stored_without_the_residents_consent(client, wop, volunteer, kind):
    build, model = KINDS[kind]
    _viewset, url, answers = build(wop)
    del answers["consent_given"]
    client.force_login(volunteer)

    response = client.post(url, answers)

    assert response.status_code == 200
    assert response.context["form"].errors["consent_given"] == [NO_CONSENT_ERROR]
    assert not model.objects.exists()


@pytest.mark.parametrize("kind", CITY_WIDE_KINDS)
def test_a_postcode_outside_the_volunteers_wops_is_refused_alike(
    client, home, wop, other_wop, volunteer, kind
):
    _viewset, url, answers = CITY_WIDE_KINDS[kind](home)
    client.force_login(volunteer)

    response = client.post(url, {**answers, "postcode": "2903 AB"})

    assert response.status_code == 200
    assert response.context["form"].errors["postcode"] == [OUTSIDE_ERROR]
    assert not KINDS[kind][1].objects.exists()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_another_wops_page_is_not_offered_for_any_kind(
    client, wop, other_wop, volunteer, kind
):
    build, model = KINDS[kind]
    _viewset, url, answers = build(other_wop)
    client.force_login(volunteer)

    shown = client.get(url)
    posted = client.post(url, {**answers, "postcode": "2903 AB"})

    assert (shown.status_code, posted.status_code) == (404, 404)
    assert not model.objects.exists()
