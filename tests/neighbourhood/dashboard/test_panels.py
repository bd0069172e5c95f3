"""The volunteer's dashboard (the admin home): "Te doen per wijk" with a
count per kind of work and WOP, each leading to the filtered listing, and
"Aanmelden namens een bewoner" with a button per kind of submission."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Task, Workflow, WorkflowPage

from events.models import RSVPStatus
from neighbourhood.buddies.services import match_confirm
from neighbourhood.dashboard.panels import WopTodoPanel
from neighbourhood.models import (
    ActionKind,
    ActionStatus,
    BuddyMatch,
    BuddySignupStatus,
    NeighbourhoodIndexPage,
    StreetPage,
)
from neighbourhood.scoping.access import wop_group
from tests.dashboard import on_behalf_keys, todo_counts, todo_links
from tests.factories import (
    make_action_request,
    make_buddy_project,
    make_buddy_signup,
    make_claim,
    make_event,
    make_event_index,
    make_rsvp,
    make_street,
    make_user,
    make_volunteer,
    make_wop,
)
from welcome_pack.models import ClaimStatus, WelcomePackClaim

pytestmark = pytest.mark.django_db

HOME = "wagtailadmin_home"


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse(HOME))
    assert response.status_code == 200
    return response.content.decode()


def _late(claim, days=15):
    WelcomePackClaim.objects.filter(pk=claim.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )


def _due_match(project, seeker, buddy):
    """A match started seven weeks ago: its six-week follow-up is due."""
    return match_confirm(
        seeker=make_buddy_signup(project=project, name=seeker),
        buddy=make_buddy_signup(project=project, name=buddy, role="buddy"),
        by=None,
        started_on=timezone.localdate() - timedelta(weeks=7),
    )


def _review_workflow():
    """The workflow on the neighbourhood pages; a plain one-task workflow when
    the project has none (yet)."""
    index = NeighbourhoodIndexPage.objects.get()
    workflow = index.get_workflow()
    if workflow is None:
        workflow = Workflow.objects.create(name="Controle in de test")
        workflow.workflow_tasks.create(task=Task.objects.create(name="Controle"))
        WorkflowPage.objects.create(workflow=workflow, page=index)
    return workflow


def _submit_for_review(page, user):
    page.save_revision(user=user)
    _review_workflow().start(page, user)


def _fill(wop, *, marker: str, volunteer) -> None:
    """Work waiting in ``wop``; names carry ``marker``.

    New buddy sign-ups 2, follow-ups due 1; requests new 1, waiting 1,
    approved 1, printed 1 (and one done); welcome packs new 2 (one late),
    packed 1, late 1; this week 3 people on 1 date, of whom 1 to call; a page
    in review.
    """
    project = make_buddy_project(parent=wop, title=f"Maatjes {marker}")
    make_buddy_signup(project=project, name=f"{marker} nieuw 1")
    make_buddy_signup(project=project, name=f"{marker} nieuw 2")
    make_buddy_signup(
        project=project, name=f"{marker} gebeld", status=BuddySignupStatus.CONTACTED
    )
    _due_match(project, f"{marker} zoekt", f"{marker} maatje")
    for status in (
        ActionStatus.NEW,
        ActionStatus.WAITING,
        ActionStatus.APPROVED,
        ActionStatus.PRINTED,
        ActionStatus.DONE,
    ):
        make_action_request(
            wop=wop,
            kind=ActionKind.TREAT,
            name=f"{marker} {status}",
            treat="Appeltaart",
            status=status,
        )
    make_claim(wop=wop, name=f"{marker} nieuw pakket")
    make_claim(wop=wop, name=f"{marker} ingepakt", status=ClaimStatus.PACKED)
    _late(make_claim(wop=wop, name=f"{marker} te laat"))
    make_claim(wop=wop, name=f"{marker} bezorgd", status=ClaimStatus.DELIVERED)
    event = make_event(
        index=make_event_index(parent=wop),
        title=f"Samen eten {marker}",
        signup_required=True,
        capacity=10,
        start_date=timezone.localdate() + timedelta(days=2),
    )
    occurrence = event.occurrences.get()
    make_rsvp(occurrence=occurrence, name=f"{marker} twee", people=2)
    make_rsvp(
        occurrence=occurrence,
        name=f"{marker} bellen",
        promoted_at=timezone.now(),
        promotion_told=False,
    )
    make_rsvp(occurrence=occurrence, name=f"{marker} wacht", status=RSVPStatus.WAITING)
    make_rsvp(occurrence=occurrence, name=f"{marker} af", status=RSVPStatus.CANCELLED)
    later = make_event(
        index=event.get_parent(),
        title=f"Later {marker}",
        slug=f"later-{marker.lower()}",
        signup_required=True,
        start_date=timezone.localdate() + timedelta(days=10),
    )
    make_rsvp(occurrence=later.occurrences.get(), name=f"{marker} later")
    _submit_for_review(make_street(wop=wop, title=f"Straat {marker}"), volunteer)


EXPECTED = {
    "buddy_signups_new": 2,
    "buddy_follow_ups_due": 1,
    "actions_new": 1,
    "actions_waiting": 1,
    "actions_approved": 1,
    "actions_printed": 1,
    "welcome_packs_new": 2,
    "welcome_packs_packed": 1,
    "welcome_packs_overdue": 1,
    "rsvps_this_week": 3,
    "rsvps_to_call": 1,
    "pages_in_review": 1,
}


@pytest.fixture
def filled(wop, other_wop, volunteer, other_volunteer):
    _fill(wop, marker="EIGEN", volunteer=volunteer)
    _fill(other_wop, marker="ANDERE", volunteer=other_volunteer)
    # Something more in the other WOP, so its numbers differ.
    make_claim(wop=other_wop, name="ANDERE extra", postcode="2903AB")


def test_volunteer_sees_exactly_what_waits_in_own_wop_only(
    client, wop, volunteer, filled
):
    dashboard = _dashboard(client, volunteer)

    assert todo_counts(dashboard) == {wop.pk: EXPECTED}
    assert "Te doen per wijk" in dashboard
    assert "Personen aangemeld voor activiteiten deze week (op 1 datum)" in dashboard
    assert "ANDERE" not in dashboard
    assert "Oostgaarde" not in dashboard


def test_other_wops_volunteer_sees_their_own_numbers(
    client, other_wop, other_volunteer, filled
):
    dashboard = _dashboard(client, other_volunteer)

    assert todo_counts(dashboard) == {other_wop.pk: EXPECTED | {"welcome_packs_new": 3}}
    assert "EIGEN" not in dashboard


def test_coordinator_sees_every_wop_by_name(
    client, wop, other_wop, coordinator, filled
):
    third = make_wop(title="Middelwatering", areas=["2902"])

    dashboard = _dashboard(client, coordinator)

    counts = todo_counts(dashboard)
    # By name: Middelwatering, Oostgaarde, Schollevaar.
    assert list(counts) == [third.pk, other_wop.pk, wop.pk]
    assert counts[wop.pk] == EXPECTED
    assert counts[other_wop.pk]["welcome_packs_new"] == 3
    assert counts[third.pk] == {}


def test_a_wop_without_work_says_nothing_to_do(client, wop, other_wop, filled):
    quiet = make_wop(title="Middelwatering", areas=["2902"])
    volunteer = make_volunteer(wop, quiet)

    dashboard = _dashboard(client, volunteer)

    assert todo_counts(dashboard) == {quiet.pk: {}, wop.pk: EXPECTED}
    section = dashboard.split(f'data-wop="{quiet.pk}"')[1].split("</section>")[0]
    assert "Niets te doen" in section
    assert "Niets te doen" not in dashboard.split(f'data-wop="{wop.pk}"')[1]


def _listed(client, url) -> set[str]:
    """The names (or, for a match, the pair) the listing at ``url`` shows."""
    response = client.get(url)
    assert response.status_code == 200
    return {
        getattr(row, "name", None) or str(row)
        for row in response.context["object_list"]
    }


@pytest.mark.parametrize(
    "key, expected",
    [
        ("buddy_signups_new", {"EIGEN nieuw 1", "EIGEN nieuw 2"}),
        ("buddy_follow_ups_due", {"EIGEN zoekt – EIGEN maatje"}),
        ("actions_waiting", {"EIGEN waiting"}),
        ("actions_printed", {"EIGEN printed"}),
        ("welcome_packs_new", {"EIGEN nieuw pakket", "EIGEN te laat"}),
        ("welcome_packs_overdue", {"EIGEN te laat"}),
        ("rsvps_this_week", {"EIGEN twee", "EIGEN bellen"}),
        ("rsvps_to_call", {"EIGEN bellen"}),
    ],
)
def test_each_number_leads_to_exactly_those_records(
    client, wop, volunteer, filled, key, expected
):
    url = todo_links(_dashboard(client, volunteer))[wop.pk][key]

    assert _listed(client, url) == expected


def test_pages_in_review_lead_to_the_workflow_report(client, wop, volunteer, filled):
    url = todo_links(_dashboard(client, volunteer))[wop.pk]["pages_in_review"]

    response = client.get(url)

    assert response.status_code == 200
    assert "Straat EIGEN" in response.content.decode()
    assert "Straat ANDERE" not in response.content.decode()


def test_a_review_that_ended_no_longer_counts(client, wop, volunteer, filled):
    page = StreetPage.objects.get(title="Straat EIGEN")
    page.current_workflow_state.cancel(user=volunteer)

    counts = todo_counts(_dashboard(client, volunteer))

    assert "pages_in_review" not in counts[wop.pk]


def test_match_listing_filters_the_follow_ups_due(client, wop, volunteer, filled):
    project = make_buddy_project(parent=wop, title="Wandelmaatjes")
    recent = match_confirm(
        seeker=make_buddy_signup(project=project, name="Recent zoekt"),
        buddy=make_buddy_signup(project=project, name="Recent maatje", role="buddy"),
        by=None,
    )
    client.force_login(volunteer)
    index = reverse("buddy_match:index")

    assert _listed(client, f"{index}?due=true") == {"EIGEN zoekt – EIGEN maatje"}
    assert _listed(client, f"{index}?due=false") == {str(recent)}
    assert BuddyMatch.objects.count() == 3


# Registering on a resident's behalf ---------------------------------------------


def test_volunteer_gets_a_button_per_kind_they_may_add(client, volunteer):
    dashboard = _dashboard(client, volunteer)

    assert "Aanmelden namens een bewoner" in dashboard
    assert on_behalf_keys(dashboard) == [
        "buddy_signup",
        "action_request",
        "welcome_pack_claim",
        "event_rsvp",
    ]
    assert f'href="{reverse("buddy_signup:add")}"' in dashboard
    assert f'href="{reverse("event_rsvp:add")}"' in dashboard
    assert client.get(reverse("buddy_signup:add")).status_code == 200
    assert client.get(reverse("event_rsvp:add")).status_code == 200


def test_no_button_for_a_kind_without_add_permission(client, wop, volunteer):
    wop_group(wop).permissions.remove(Permission.objects.get(codename="add_eventrsvp"))

    dashboard = _dashboard(client, volunteer)

    assert on_behalf_keys(dashboard) == [
        "buddy_signup",
        "action_request",
        "welcome_pack_claim",
    ]
    assert reverse("event_rsvp:add") not in dashboard


def test_a_user_without_wops_sees_neither_panel(client, wop):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))

    dashboard = _dashboard(client, user)

    assert "Te doen per wijk" not in dashboard
    assert "Aanmelden namens een bewoner" not in dashboard


# Queries ---------------------------------------------------------------------------


def _todo_queries(user) -> int:
    """Queries to render "Te doen per wijk" for ``user``, on a fresh request."""
    request = RequestFactory().get(reverse(HOME))
    request.user = type(user).objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        html = WopTodoPanel().render_html({"request": request})
    assert "vz-todo__count" in html
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_wops(wop, volunteer):
    wops = [wop] + [
        make_wop(title=title, areas=[area])
        for title, area in (("Middelwatering", "2902"), ("Oostgaarde", "2904"))
    ]
    for each in wops:
        _fill(each, marker=each.slug.upper(), volunteer=volunteer)
    of_three = make_volunteer(*wops)

    one = _todo_queries(volunteer)
    three = _todo_queries(of_three)

    assert one == three
    # WOPs, permissions, and one aggregate per kind of record.
    assert three <= 12
