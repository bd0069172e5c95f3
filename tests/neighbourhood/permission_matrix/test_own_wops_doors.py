"""The permission matrix's control: the same doors show the own WOP's things."""

import pytest
from django.urls import reverse

from tests.dashboard import todo_counts
from tests.factories import make_volunteer, make_wop_coordinator
from tests.neighbourhood.permission_matrix._checks import _assert_no_secret_in, _body
from tests.neighbourhood.permission_matrix._listing_doors import LISTING_DOORS
from tests.neighbourhood.permission_matrix._object_doors import (
    _RECORD_VIEWS,
    ADD_ACTION_REQUEST,
    ADD_CLAIM,
    OBJECT_DOORS,
    _page,
    _workflow,
)
from tests.neighbourhood.permission_matrix._world import A_STOCK, A_WOP, VISIBLE

pytestmark = pytest.mark.django_db


# The positive control: the same doors, on A's things, show them. A door not
# here for a role is shut for that role on A's things too (a volunteer deletes
# nothing and keeps no smoelenboek), and the refusal above is then by model
# permission; the coordinator's run covers the WOP fence for those doors.
_NOT_FOR_VOLUNTEERS = {
    # Deleting, publishing, moving, locking, privacy: coordinators only.
    *(f"{kind}-delete" for kind in _RECORD_VIEWS),
    "page-unpublish-street",
    "page-move-street",
    "page-move-confirm-draft",
    "page-privacy-draft",
    "report-locked-pages",
    # Aging pages lists the pages the user may publish: a volunteer none.
    "report-aging-pages",
    "bulk-page-move-street",
    "bulk-page-unpublish-street",
    # Volunteers keep the smoelenboek up to date; coordinators remove people.
    "keyfigure-delete",
    "bulk-keyfigure-delete",
    # Reviewing is for whoever may publish: the WOP's coordinators.
    *(door for door in {**OBJECT_DOORS, **LISTING_DOORS} if door.startswith("review-")),
}
# Pages for coordinators only: a volunteer gets 403 (see
# test_coordinators_pages_are_forbidden_to_volunteers).
COORDINATORS_ONLY = {
    door
    for door in {**OBJECT_DOORS, **LISTING_DOORS}
    if door.startswith(("volunteers-", "figures", "personal-data-"))
}
_NOT_FOR_VOLUNTEERS |= COORDINATORS_ONLY
NOT_OWN = {
    "vrijwilliger": _NOT_FOR_VOLUNTEERS,
    "coordinator": set(),
}
# Doors that answer on A's things with nothing of A's to look for, each with
# the reason; the status (200, not a redirect) is checked.
STATUS_ONLY = {
    # Wagtail's preview shows the edit form last posted to it; asked for
    # before any post, it is an empty page.
    "page-preview-draft": "an empty preview until the edit form posts to it",
    # The form only; searching is a POST (see POST_DOORS).
    "personal-data-search-form": "the search form, empty until a search",
    # A WOP coordinator's log lists their own rows only (the world's are by
    # A's other coordinator); test_personal_data_log_shows_own_rows_and_none_
    # of_another_wop is its positive control.
    "personal-data-log": "the user's own log, empty for a new coordinator",
}
# Doors that show A by its WOP's name (numbers, the pages to choose from,
# the WOP column of a listing or an export): the name is checked instead of
# the marker.
SHOWN_BY_WOP_NAME = {
    "dashboard",
    "figures",
    "figures-wop",
    "figures-csv",
    "figures-csv-wop",
    "volunteers-invite",
    "volunteers-invite-wop",
    "action-request-add",
    "action-request-add-page",
    # The parent page the new page goes under: A's WOP.
    "page-add-subpage-wop",
    "page-add-street-under-wop",
    "page-privacy-draft",
    # Each date with its WOP; each request with its WOP (no names).
    "attendance-index",
    "action-request-export-csv",
    "action-request-export-xlsx",
    # The pages A's coordinator may publish, by their live titles.
    "report-aging-pages",
}
# Doors whose answer names A's thing otherwise: the text to look for.
SHOWN_BY = {
    # The review modals post back to A's review of A's page.
    "review-action-approve": lambda s: _workflow(
        "workflow_action", s, "approve", s.review.pk
    ),
    "review-action-reject": lambda s: _workflow(
        "workflow_action", s, "reject", s.review.pk
    ),
    "review-collect-action-data": lambda s: _workflow(
        "collect_workflow_action_data", s, "reject", s.review.pk
    ),
    # "This page is in <task> of <workflow>": A's review's workflow.
    "review-confirm-cancellation": lambda s: s.review.workflow_state.workflow.name,
}


# Doors that send A's user on, by design, to one place: the path it must be.
# Any other redirect (to the dashboard with "permission denied", say) is a
# shut door, not a shown one.
SENT_ON_TO = {
    # Wagtail 7 shows a page's revisions in its history.
    "page-revisions-street": lambda s: _page("history", s.street),
    # "Not in review": back to the page's edit view, with that message.
    "review-action-not-in-review": lambda s: _page("edit", s.street),
    # ... or to the dashboard, whose message names the page by its draft.
    "review-preview-not-in-review": lambda s: reverse("wagtailadmin_home"),
    # Why a review action was refused: on the page's edit view.
    "review-refused": lambda s: _page("edit", s.review_page),
    # One WOP, one page to register on: straight to its form.
    "action-request-add": lambda s: reverse(ADD_ACTION_REQUEST),
    "claim-add": lambda s: reverse(ADD_CLAIM),
    # The explorer of all WOPs opens the user's own WOP.
    "page-explore-index": lambda s: reverse("wagtailadmin_explore", args=[s.wop.pk]),
    "page-explore-search-all": lambda s: reverse(
        "wagtailadmin_explore", args=[s.wop.pk]
    ),
}


def _open(client, url, door, side):
    """The answer at ``url``, through the one redirect ``door`` may make."""
    response = client.get(url)
    if door in SENT_ON_TO and response.status_code == 302:
        target = response.url.split("?")[0]
        assert target == SENT_ON_TO[door](side), f"{door}: sent to {response.url}"
        response = client.get(response.url)
    return response


def _assert_shown(response, door, side):
    """A's thing is in the answer itself."""
    assert response.status_code == 200, f"{door}: {response.status_code}"
    body = _body(response)
    if door in SHOWN_BY_WOP_NAME:
        assert A_WOP in body, f"{door}: A not shown"
    elif door in SHOWN_BY:
        assert SHOWN_BY[door](side) in body, f"{door}: A's thing not shown"
    elif door not in STATUS_ONLY:
        assert VISIBLE in body or A_STOCK in body, f"{door}: A's things not shown"


def _skip_unless_open_to(role, door):
    if door in NOT_OWN[role]:
        pytest.skip("shut for this role by model permission")


@pytest.mark.parametrize("door", sorted(OBJECT_DOORS))
def test_own_wops_thing_opens(client, world, user, door, request):
    _skip_unless_open_to(request.node.callspec.params["user"], door)
    client.force_login(user)

    response = _open(client, OBJECT_DOORS[door](world["A"]), door, world["A"])

    _assert_shown(response, door, world["A"])


@pytest.mark.parametrize("door", sorted(LISTING_DOORS))
def test_own_wops_things_are_listed(client, world, user, door, request):
    _skip_unless_open_to(request.node.callspec.params["user"], door)
    client.force_login(user)

    url = LISTING_DOORS[door](world["A"], "ZICHTBAAR")
    response = _open(client, url, door, world["A"])

    _assert_shown(response, door, world["A"])


@pytest.mark.parametrize("door", sorted(COORDINATORS_ONLY))
def test_coordinators_pages_are_forbidden_to_volunteers(client, world, door):
    """Vrijwilligers, Cijfers and Persoonsgegevens: not for a volunteer, not
    even in their own WOP. Cijfers and Persoonsgegevens answer with a 403 of
    their own; Vrijwilligers as Wagtail does, back to the dashboard."""
    client.force_login(make_volunteer(world["A"].wop))

    response = client.get(_door_url(door, world["A"], "ZICHTBAAR"))

    if door.startswith("volunteers-"):
        assert response.status_code == 302, f"{door}: {response.status_code}"
        assert response.url == reverse("wagtailadmin_home"), door
    else:
        assert response.status_code == 403, f"{door}: {response.status_code}"
        assert VISIBLE not in _body(response), door


def _door_url(door, side, q):
    if door in OBJECT_DOORS:
        return OBJECT_DOORS[door](side)
    return LISTING_DOORS[door](side, q)


def test_dashboard_counts_only_own_wops(client, world, user):
    """ "Te doen per wijk": a section for A, none for B."""
    client.force_login(user)

    counts = todo_counts(_body(client.get(reverse("wagtailadmin_home"))))

    assert world["A"].wop.pk in counts
    assert world["B"].wop.pk not in counts


def test_personal_data_log_shows_own_rows_and_none_of_another_wop(client, world):
    """A WOP coordinator's log: their own export, not B's coordinator's."""
    coordinator = make_wop_coordinator(
        world["A"].wop, email="coordinator-a@example.org", first_name=VISIBLE
    )
    client.force_login(coordinator)
    client.post(reverse("personal_data:export"), {"term": world["A"].seeker.email})

    body = _body(client.get(reverse("personal_data:log")))

    assert VISIBLE in body
    _assert_no_secret_in(body, "personal-data-log")
