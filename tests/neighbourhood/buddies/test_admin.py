"""The buddy sign-ups and matches in the admin: editing, entering a sign-up on
behalf of a resident, following up matches, the dashboard."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from neighbourhood.buddies.services import match_confirm
from neighbourhood.buddies.viewsets import buddy_match_viewset, buddy_signup_viewset
from neighbourhood.models import (
    BuddySignup,
    BuddySignupStatus,
    ConsentMethod,
    FollowUpOutcome,
    OutboxEmail,
)
from tests.dashboard import todo_counts
from tests.factories import make_buddy_signup, make_user

pytestmark = pytest.mark.django_db

SIGNUP_INDEX = buddy_signup_viewset.get_url_name("index")
SIGNUP_ADD = buddy_signup_viewset.get_url_name("add")
SIGNUP_EDIT = buddy_signup_viewset.get_url_name("edit")
SIGNUP_HISTORY = buddy_signup_viewset.get_url_name("history")
MATCH_EDIT = buddy_match_viewset.get_url_name("edit")


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


def _assisted_data(project, **changes):
    data = {
        "project": project.pk,
        "role": "seeker",
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "hans@example.org",
        "street": "Kerkweg",
        "house_number": "12",
        "postcode": "2906 ab",
        "contact_preference": "phone",
        "interests": ["chess"],
        "availability": ["mon_morning"],
        "languages": ["nl"],
        "interests_other": "",
        "languages_other": "",
        "meeting_needs": "Loopt met een rollator",
        "message": "",
        "consent_method": ConsentMethod.VERBAL,
        "consent_given": "on",
    }
    return {**data, **changes}


# Editing ---------------------------------------------------------------------


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


# Entering a sign-up on behalf of a resident ------------------------------------


def test_assisted_signup_records_verbal_consent_the_volunteer_and_the_wop(
    client, volunteer, wop, buddy_project, mailoutbox
):
    client.force_login(volunteer)

    response = client.post(reverse(SIGNUP_ADD), _assisted_data(buddy_project))

    assert response.status_code == 302
    signup = BuddySignup.objects.get()
    assert signup.wop == wop
    assert signup.project_id == buddy_project.pk
    assert signup.registered_by == volunteer
    assert signup.consent_method == ConsentMethod.VERBAL
    assert "Schaakmaatjes" in signup.consent_text
    assert signup.postcode == "2906AB"
    assert signup.interests == ["chess"]
    assert signup.meeting_needs == "Loopt met een rollator"
    staff = OutboxEmail.objects.get(to=["vrijwilliger@example.org"])
    assert staff.subject == "Nieuwe aanmelding voor Schaakmaatjes"
    assert "/intrekken/" not in staff.body
    confirmation = OutboxEmail.objects.get(to=["hans@example.org"])
    assert f"/intrekken/{signup.token}/" in confirmation.body
    assert sorted(m.to[0] for m in mailoutbox) == [
        "hans@example.org",
        "vrijwilliger@example.org",
    ]


def test_assisted_signup_can_record_consent_on_paper(client, volunteer, buddy_project):
    client.force_login(volunteer)

    client.post(
        reverse(SIGNUP_ADD),
        _assisted_data(buddy_project, consent_method=ConsentMethod.PAPER),
    )

    assert BuddySignup.objects.get().consent_method == ConsentMethod.PAPER


def test_assisted_signup_needs_the_residents_consent(client, volunteer, buddy_project):
    client.force_login(volunteer)
    data = _assisted_data(buddy_project)
    del data["consent_given"]

    response = client.post(reverse(SIGNUP_ADD), data)

    assert response.status_code == 200
    assert "consent_given" in response.context["form"].errors
    assert not BuddySignup.objects.exists()


def test_assisted_signup_offers_own_and_city_wide_projects_only(
    client, volunteer, buddy_project, city_buddy_project, other_buddy_project
):
    client.force_login(volunteer)

    form = client.get(reverse(SIGNUP_ADD)).context["form"]

    assert {p.pk for p in form.fields["project"].queryset} == {
        buddy_project.pk,
        city_buddy_project.pk,
    }


def test_volunteer_cannot_register_for_another_wops_project(
    client, volunteer, other_buddy_project
):
    client.force_login(volunteer)

    response = client.post(
        reverse(SIGNUP_ADD),
        _assisted_data(other_buddy_project, postcode="2903 AB"),
    )

    assert response.status_code == 200
    assert "project" in response.context["form"].errors
    assert not BuddySignup.objects.exists()


def test_city_wide_signup_goes_to_the_wop_of_the_postcode(
    client, volunteer, wop, city_buddy_project
):
    client.force_login(volunteer)

    client.post(reverse(SIGNUP_ADD), _assisted_data(city_buddy_project))

    assert BuddySignup.objects.get().wop == wop


def test_city_wide_signup_for_another_wops_postcode_is_refused(
    client, volunteer, other_wop, city_buddy_project
):
    client.force_login(volunteer)

    response = client.post(
        reverse(SIGNUP_ADD), _assisted_data(city_buddy_project, postcode="2903 AB")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["postcode"] == [
        "Postcode 2903 AB hoort bij wijk Oostgaarde, waar u niet in werkt. Geef de "
        "aanmelding door aan een coördinator of aan de vrijwilligers van die wijk."
    ]
    assert not BuddySignup.objects.exists()


def test_coordinator_registers_a_city_wide_signup_in_any_wop(
    client, coordinator, other_wop, city_buddy_project
):
    client.force_login(coordinator)

    client.post(
        reverse(SIGNUP_ADD), _assisted_data(city_buddy_project, postcode="2903 AB")
    )

    signup = BuddySignup.objects.get()
    assert (signup.wop, signup.registered_by) == (other_wop, coordinator)


# Following up matches and the dashboard ----------------------------------------


@pytest.fixture
def match(buddy_project, volunteer):
    return match_confirm(
        seeker=make_buddy_signup(project=buddy_project, name="Hans"),
        buddy=make_buddy_signup(project=buddy_project, name="Truus", role="buddy"),
        by=volunteer,
        started_on=timezone.localdate() - timedelta(weeks=7),
    )


def test_match_list_shows_the_follow_up_date(client, volunteer, match):
    client.force_login(volunteer)

    response = client.get(reverse(buddy_match_viewset.get_url_name("index")))

    assert list(response.context["object_list"]) == [match]
    assert "Navragen op" in response.content.decode()


def test_recording_a_follow_up_keeps_the_outcome_and_the_next_date(
    client, volunteer, match
):
    client.force_login(volunteer)

    response = client.post(
        reverse(MATCH_EDIT, args=[match.pk]),
        {
            "follow_up_outcome": FollowUpOutcome.NEEDS_ATTENTION,
            "follow_up_note": "Truus is vaak ziek.",
            "next_follow_up_on": "",
        },
    )

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.follow_up_outcome == FollowUpOutcome.NEEDS_ATTENTION
    assert match.follow_up_note == "Truus is vaak ziek."
    assert match.follow_up_on == timezone.localdate() + timedelta(weeks=6)
    entry = ModelLogEntry.objects.get(action="verbuurzamen.follow_up")
    assert (entry.user, entry.data) == (volunteer, {"outcome": "needs_attention"})
    history = client.get(
        reverse(buddy_match_viewset.get_url_name("history"), args=[match.pk])
    ).content.decode()
    assert "Nagevraagd: Heeft aandacht nodig" in history


def test_follow_up_ended_ends_the_match_and_both_signups(client, volunteer, match):
    client.force_login(volunteer)

    client.post(
        reverse(MATCH_EDIT, args=[match.pk]),
        {"follow_up_outcome": FollowUpOutcome.ENDED, "follow_up_note": ""},
    )

    match.refresh_from_db()
    assert match.ended_on == timezone.localdate()
    assert {match.seeker.status, match.buddy.status} == {BuddySignupStatus.ENDED}


def test_follow_up_needs_an_outcome(client, volunteer, match):
    client.force_login(volunteer)

    response = client.post(reverse(MATCH_EDIT, args=[match.pk]), {})

    assert "follow_up_outcome" in response.context["form"].errors
    match.refresh_from_db()
    assert match.followed_up_at is None


def test_matches_are_made_by_matching_not_from_an_empty_form(client, volunteer):
    client.force_login(volunteer)

    response = client.get(reverse(buddy_match_viewset.get_url_name("index")))

    assert response.status_code == 200
    assert response.context["add_url"] is None
    with pytest.raises(NoReverseMatch):
        reverse(buddy_match_viewset.get_url_name("add"))


def test_dashboard_lists_due_follow_ups_and_new_signups_of_own_wops(
    client, volunteer, match, other_buddy_project
):
    make_buddy_signup(project=match.seeker.project, name="Nieuw 1")
    foreign = match_confirm(
        seeker=make_buddy_signup(project=other_buddy_project, name="Zeynep"),
        buddy=make_buddy_signup(
            project=other_buddy_project, name="Yonas", role="buddy"
        ),
        by=None,
        started_on=timezone.localdate() - timedelta(weeks=7),
    )
    make_buddy_signup(project=other_buddy_project, name="Nieuw elders")
    client.force_login(volunteer)

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Maatjes: navragen" in content
    assert "Hans – Truus" in content
    assert reverse(MATCH_EDIT, args=[match.pk]) in content
    assert todo_counts(content) == {
        match.wop_id: {"buddy_signups_new": 1, "buddy_follow_ups_due": 1}
    }
    assert str(foreign) not in content


def test_dashboard_panel_is_not_shown_to_users_without_buddy_rights(
    client, buddy_project
):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Maatjes: navragen" not in content
