"""The site ``seed_demo`` builds, in use: the home page and the postcode finder,
the volunteers' logins and dashboards, and the street page waiting for review."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from events.admin.viewsets import attendance_viewset
from events.models import EventRSVP
from home.demo import content
from home.models import User
from neighbourhood.models import NeighbourhoodPage, OutboxEmail, StreetPage
from tests.dashboard import on_behalf_keys, todo_counts
from tests.home._seed_demo import _review_workflow_exists, seed


@pytest.mark.django_db
def test_seeded_site_shows_the_wops_finds_by_postcode_and_lets_volunteers_in(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed()
    schollevaar = NeighbourhoodPage.objects.get(slug="schollevaar")
    volunteer = content.WOPS[0].volunteer

    home = client.get("/")
    found = client.get(
        reverse("neighbourhood:find_neighbourhood"), {"postcode": "2906 AB"}
    )
    # Verified, so allauth's mandatory e-mail verification lets them straight in.
    login = client.post(
        reverse("account_login"),
        {"login": volunteer.email, "password": volunteer.password},
    )

    assert home.status_code == 200
    for data in content.WOPS:
        assert escape(data.title) in home.content.decode()
    assert found.status_code == 302
    assert found.url == schollevaar.url
    assert login.status_code == 302
    assert login.url == reverse("wagtailadmin_home")  # volunteers land in the admin


@pytest.mark.django_db
def test_seeded_volunteer_sees_this_weeks_full_meal_and_prints_its_list(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed()
    volunteer = User.objects.get(email=content.WOPS[0].volunteer.email)
    full = EventRSVP.objects.get(name="Yonas Tesfay").occurrence
    client.force_login(volunteer)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    attendee_list = client.get(
        reverse(attendance_viewset.get_url_name("print"), args=[full.pk])
    )

    assert "Aanmeldingen deze week" in dashboard
    assert "Samen eten" in dashboard
    assert "Hans van Leeuwen" in dashboard
    # Schollevaar's volunteer sees no other WOP's activities.
    assert "Open tafel" not in dashboard
    assert attendee_list.status_code == 200
    assert len(attendee_list.context["confirmed"]) == 7
    assert [r.name for r in attendee_list.context["waiting"]] == [
        "Yonas Tesfay",
        "Corrie Bos",
    ]


# Rows every demo volunteer's "Te doen per wijk" shows for their WOP.
DEMO_DASHBOARD_ROWS = {
    "buddy_signups_new",
    "buddy_follow_ups_due",
    "actions_new",
    "welcome_packs_packed",
    "welcome_packs_overdue",
    "rsvps_this_week",
}


@pytest.mark.django_db
def test_each_seeded_volunteer_has_things_to_do_in_their_own_wop(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed()

    for data in content.WOPS:
        wop = NeighbourhoodPage.objects.get(slug=data.slug)
        client.force_login(User.objects.get(email=data.volunteer.email))

        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

        counts = todo_counts(dashboard)
        assert list(counts) == [wop.pk], data.title
        assert DEMO_DASHBOARD_ROWS <= counts[wop.pk].keys(), data.title
        assert all(count > 0 for count in counts[wop.pk].values())
        assert on_behalf_keys(dashboard) == [
            "buddy_signup",
            "action_request",
            "welcome_pack_claim",
            "event_rsvp",
        ]


@pytest.mark.django_db
def test_seeded_street_page_waits_for_review_and_only_staff_are_mailed(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed()
    if not _review_workflow_exists():
        pytest.skip("No review workflow on the neighbourhood pages.")
    wop_slug, street_slug, body = content.REVIEW_DRAFT
    page = StreetPage.objects.get(slug=street_slug)
    volunteer = User.objects.get(email=content.WOPS[0].volunteer.email)
    client.force_login(volunteer)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    seed()

    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().body == body
    assert StreetPage.objects.get(pk=page.pk).body != body  # not live yet
    wop = NeighbourhoodPage.objects.get(slug=wop_slug)
    assert todo_counts(dashboard)[wop.pk]["pages_in_review"] == 1
    staff = set(User.objects.filter(is_staff=True).values_list("email", flat=True))
    staff.add(content.COORDINATOR.email)
    for email in OutboxEmail.objects.all():
        assert set(email.to) <= staff
    # The second run neither publishes the draft nor sends it again.
    assert StreetPage.objects.get(pk=page.pk).workflow_in_progress
    assert page.workflow_states.count() == 1
