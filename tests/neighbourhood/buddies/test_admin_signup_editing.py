"""The buddy sign-ups in the admin: editing them, the status history, what the
form never offers, the listing and its queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from neighbourhood.buddies.viewsets import buddy_signup_viewset
from neighbourhood.models import BuddySignupStatus
from tests.factories import make_buddy_signup

pytestmark = pytest.mark.django_db

SIGNUP_INDEX = buddy_signup_viewset.get_url_name("index")
SIGNUP_EDIT = buddy_signup_viewset.get_url_name("edit")
SIGNUP_HISTORY = buddy_signup_viewset.get_url_name("history")


def _edit_data(signup, **changes):
    data = {
        "status": signup.status,
        "role": signup.role,
        "name": signup.name,
        "phone": signup.phone,
        "email": signup.email,
        "street": signup.street,
        "house_number": signup.house_number,
        "postcode": signup.postcode,
        "contact_preference": signup.contact_preference,
        "interests": signup.interests,
        "availability": signup.availability,
        "languages": signup.languages,
        "interests_other": "",
        "languages_other": "",
        "meeting_needs": "",
        "message": "",
    }
    return {**data, **changes}


def test_status_change_is_logged_with_the_user_and_shown_in_history(
    client, volunteer, buddy_project
):
    signup = make_buddy_signup(project=buddy_project)
    client.force_login(volunteer)

    response = client.post(
        reverse(SIGNUP_EDIT, args=[signup.pk]),
        _edit_data(signup, status=BuddySignupStatus.CONTACTED),
    )

    assert response.status_code == 302
    signup.refresh_from_db()
    assert signup.status == BuddySignupStatus.CONTACTED
    entry = ModelLogEntry.objects.get(
        action="verbuurzamen.status", object_id=str(signup.pk)
    )
    assert entry.user == volunteer
    assert entry.data == {"from": "new", "to": "contacted"}
    history = client.get(reverse(SIGNUP_HISTORY, args=[signup.pk])).content.decode()
    assert "Status van ‘Nieuw’ naar ‘Contact gehad’" in history
    assert "vrijwilliger@example.org" in history


def test_saving_without_a_status_change_logs_no_status_change(
    client, volunteer, buddy_project
):
    signup = make_buddy_signup(project=buddy_project)
    client.force_login(volunteer)

    client.post(
        reverse(SIGNUP_EDIT, args=[signup.pk]), _edit_data(signup, name="Hans V.")
    )

    signup.refresh_from_db()
    assert signup.name == "Hans V."
    assert not ModelLogEntry.objects.filter(action="verbuurzamen.status").exists()


def test_edit_form_never_offers_token_consent_or_registered_by(
    client, volunteer, buddy_project
):
    signup = make_buddy_signup(project=buddy_project)
    client.force_login(volunteer)

    form = client.get(reverse(SIGNUP_EDIT, args=[signup.pk])).context["form"]

    assert {"status", "name", "phone", "interests", "availability"} <= set(form.fields)
    assert not {
        "token",
        "consent_text",
        "consent_at",
        "consent_method",
        "consent_privacy_version",
        "registered_by",
        "wop",
    } & set(form.fields)


def test_posted_token_and_consent_are_ignored(client, volunteer, buddy_project):
    signup = make_buddy_signup(project=buddy_project)
    token, consent_text = signup.token, signup.consent_text
    client.force_login(volunteer)

    client.post(
        reverse(SIGNUP_EDIT, args=[signup.pk]),
        _edit_data(signup, token="geraden", consent_text="Niets", registered_by=1),
    )

    signup.refresh_from_db()
    assert (signup.token, signup.consent_text) == (token, consent_text)
    assert signup.registered_by is None


def test_seekers_row_and_edit_page_offer_to_find_a_buddy(
    client, volunteer, buddy_project
):
    seeker = make_buddy_signup(project=buddy_project)
    buddy = make_buddy_signup(project=buddy_project, role="buddy", name="Truus")
    match_url = reverse(buddy_signup_viewset.get_url_name("match"), args=[seeker.pk])
    client.force_login(volunteer)

    listing = client.get(reverse(SIGNUP_INDEX)).content.decode()
    edit = client.get(reverse(SIGNUP_EDIT, args=[seeker.pk])).content.decode()
    buddy_edit = client.get(reverse(SIGNUP_EDIT, args=[buddy.pk])).content.decode()

    assert listing.count(match_url) == 1
    assert match_url in edit
    assert "Zoek een maatje" not in buddy_edit


def test_listing_queries_do_not_grow_with_the_number_of_signups(
    client, volunteer, buddy_project
):
    client.force_login(volunteer)
    url = reverse(SIGNUP_INDEX)

    def queries_for_listing():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), len(response.context["object_list"])

    for number in range(3):
        make_buddy_signup(project=buddy_project, name=f"Bewoner {number}")
    few, shown = queries_for_listing()
    assert shown == 3

    for number in range(3, 20):
        make_buddy_signup(project=buddy_project, name=f"Bewoner {number}")
    many, shown = queries_for_listing()
    assert shown == 20

    assert many == few


def test_the_admin_names_the_residents_role_not_ik(client, volunteer, buddy_project):
    """ "Ik" is the resident's own word on the public form; in the admin the
    volunteer reads what it is about."""
    signup = make_buddy_signup(project=buddy_project, name="Hans")
    client.force_login(volunteer)
    pages = {
        "edit": client.get(reverse(SIGNUP_EDIT, args=[signup.pk])),
        "add": client.get(reverse(buddy_signup_viewset.get_url_name("add"))),
        "index": client.get(reverse(SIGNUP_INDEX)),
        "inspect": client.get(
            reverse(buddy_signup_viewset.get_url_name("inspect"), args=[signup.pk])
        ),
    }

    for name, response in pages.items():
        content = response.content.decode()
        assert not re.search(r">\s*Ik\s*(<|\*)", content), name
    assert "Wat wil de bewoner?" in pages["edit"].content.decode()
    assert "Wat wil de bewoner?" in pages["add"].content.decode()
    assert re.search(r">\s*Rol\s*<", pages["index"].content.decode())
    assert re.search(r">\s*Rol\s*<", pages["inspect"].content.decode())
    assert "Zoekt een maatje" in pages["index"].content.decode()
