"""The activities on the volunteer's dashboard: this week's dates of their
WOPs with whom to call, and nothing for users without RSVP rights."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from events.admin.viewsets import attendance_viewset, event_rsvp_viewset
from events.models import RSVPStatus
from tests.factories import make_event, make_rsvp, make_user

pytestmark = pytest.mark.django_db

RSVP_EDIT = event_rsvp_viewset.get_url_name("edit")
ATTENDEE_LIST = attendance_viewset.get_url_name("print")


def _in_days(days):
    return timezone.localdate() + timedelta(days=days)


def test_dashboard_shows_this_weeks_dates_of_own_wops_with_whom_to_call(
    client, volunteer, meal, occurrence, own, other_occurrence
):
    make_rsvp(occurrence=occurrence, name="Truus", status=RSVPStatus.WAITING, people=2)
    promoted = make_rsvp(
        occurrence=occurrence,
        name="Yonas Tesfaye",
        phone="06-12345678",
        promoted_at=timezone.now(),
        promotion_told=False,
    )
    later = make_event(
        index=meal.get_parent(),
        title="Schaakmiddag",
        signup_required=True,
        start_date=_in_days(10),
    )
    make_event(index=meal.get_parent(), title="Wandelgroep", start_date=_in_days(1))
    client.force_login(volunteer)

    response = client.get(reverse("wagtailadmin_home"))

    content = response.content.decode()
    assert "Aanmeldingen deze week" in content
    assert "Samen eten" in content
    assert reverse(ATTENDEE_LIST, args=[occurrence.pk]) in content
    # own (2) + Yonas (1) of 4 places; Truus (2) does not fit.
    assert "3 van 4" in content
    assert "Yonas Tesfaye" in content
    assert reverse(RSVP_EDIT, args=[promoted.pk]) in content
    assert "Taalcafé" not in content
    assert later.title not in content
    # Without sign-up and without RSVPs: nothing to prepare.
    assert "Wandelgroep" not in content


def test_dashboard_panel_is_not_shown_to_users_without_rsvp_rights(client, own):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Aanmeldingen deze week" not in content
