"""Following up buddy matches in the admin, and the dashboard's buddy panel."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from neighbourhood.buddies.services import match_confirm
from neighbourhood.buddies.viewsets import buddy_match_viewset
from neighbourhood.models import BuddySignupStatus, FollowUpOutcome
from tests.dashboard import todo_counts
from tests.factories import make_buddy_signup, make_user

pytestmark = pytest.mark.django_db

MATCH_EDIT = buddy_match_viewset.get_url_name("edit")


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


def test_match_list_shows_days_as_dates_not_as_time_ago(
    client, volunteer, buddy_project
):
    """A match made just now started today, and its follow-up is still to come:
    neither "Zojuist" nor "3 uur geleden"."""
    made_now = match_confirm(
        seeker=make_buddy_signup(project=buddy_project, name="Hans"),
        buddy=make_buddy_signup(project=buddy_project, name="Truus", role="buddy"),
        by=volunteer,
    )
    client.force_login(volunteer)

    content = client.get(reverse(buddy_match_viewset.get_url_name("index")))
    content = content.content.decode()

    today = timezone.localdate()
    assert date_format(today, "j F Y") in content
    assert date_format(made_now.follow_up_on, "j F Y") in content
    assert made_now.follow_up_on == today + timedelta(weeks=6)
    assert "Zojuist" not in content
    assert "geleden" not in content
