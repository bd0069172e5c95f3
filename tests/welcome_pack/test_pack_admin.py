"""Welcome packs in the admin: the scoped list of claims with its filters, the
steps packed → delivered or could not deliver, the late flag, the presents'
stock and the dashboard panel."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from neighbourhood.models import COORDINATORS_GROUP
from neighbourhood.scoping.access import wop_group
from tests.dashboard import todo_counts, todo_links
from tests.factories import make_claim, make_present
from welcome_pack.admin.viewsets import present_viewset, welcome_pack_claim_viewset
from welcome_pack.models import ClaimStatus, WelcomePackClaim

pytestmark = pytest.mark.django_db

INDEX = welcome_pack_claim_viewset.get_url_name("index")
HANDLE = welcome_pack_claim_viewset.get_url_name("handle")
EDIT = welcome_pack_claim_viewset.get_url_name("edit")
PRINT = welcome_pack_claim_viewset.get_url_name("print")
PRESENT_INDEX = present_viewset.get_url_name("index")
PRESENT_EDIT = present_viewset.get_url_name("edit")


@pytest.fixture
def own(wop):
    return make_claim(
        wop=wop,
        name="Patricia Jansen",
        present=make_present(wop=wop, name="Bloemzaadjes"),
        interests=["buddy"],
    )


@pytest.fixture
def foreign(other_wop):
    return make_claim(wop=other_wop, name="Yonas Tesfay", postcode="2903AB")


def _listed(client, **params) -> set[str]:
    response = client.get(reverse(INDEX), params)
    assert response.status_code == 200
    return {claim.name for claim in response.context["object_list"]}


def _make_late(claim, days=15):
    WelcomePackClaim.objects.filter(pk=claim.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )


# Scoping ------------------------------------------------------------------------


def test_volunteer_lists_only_their_wops_claims(client, volunteer, own, foreign):
    client.force_login(volunteer)

    assert _listed(client) == {"Patricia Jansen"}
    assert _listed(client, q="Yonas") == set()


def test_coordinator_sees_every_wops_claims(client, coordinator, own, foreign):
    client.force_login(coordinator)

    assert _listed(client) == {"Patricia Jansen", "Yonas Tesfay"}


@pytest.mark.parametrize("url_name", [HANDLE, EDIT, PRINT])
def test_another_wops_claim_is_not_found_by_direct_url(
    client, volunteer, foreign, url_name
):
    client.force_login(volunteer)

    assert client.get(reverse(url_name, args=[foreign.pk])).status_code == 404


def test_a_step_on_another_wops_claim_is_not_found(client, volunteer, foreign):
    client.force_login(volunteer)

    response = client.post(reverse(HANDLE, args=[foreign.pk]), {"to": "packed"})

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == ClaimStatus.NEW


def test_volunteers_and_coordinators_hold_the_claim_and_present_permissions(
    volunteer, coordinator, wop
):
    group = wop_group(wop)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "view_welcomepackclaim",
        "change_welcomepackclaim",
        "view_present",
        "change_present",
    } <= codenames
    assert "add_present" not in codenames
    coordinators = Permission.objects.filter(group__name=COORDINATORS_GROUP)
    assert {
        "add_present",
        "change_present",
        "view_present",
        "delete_present",
        "delete_welcomepackclaim",
    } <= set(coordinators.values_list("codename", flat=True))


# The steps ----------------------------------------------------------------------


def test_new_packed_delivered_records_the_date_and_the_volunteer(
    client, volunteer, own
):
    client.force_login(volunteer)
    url = reverse(HANDLE, args=[own.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "Wil ook: een maatje" in page.content.decode()

    assert client.post(url, {"to": "packed"}).status_code == 302
    own.refresh_from_db()
    assert own.status == ClaimStatus.PACKED

    day = timezone.localdate() - timedelta(days=1)
    assert client.post(url, {"to": "delivered", "on": day.isoformat()}).status_code == (
        302
    )
    own.refresh_from_db()
    assert own.status == ClaimStatus.DELIVERED
    assert own.delivered_on == day
    assert own.delivered_by == volunteer


def test_could_not_deliver_needs_a_reason(client, volunteer, own):
    client.force_login(volunteer)
    url = reverse(HANDLE, args=[own.pk])

    response = client.post(url, {"to": "not_delivered", "reason": "  "})

    assert response.status_code == 200
    assert "Schrijf erbij waarom het niet lukte." in response.content.decode()
    own.refresh_from_db()
    assert own.status == ClaimStatus.NEW

    client.post(url, {"to": "not_delivered", "reason": "Drie keer niemand thuis."})
    own.refresh_from_db()
    assert own.status == ClaimStatus.NOT_DELIVERED
    assert own.not_delivered_reason == "Drie keer niemand thuis."


# The list ----------------------------------------------------------------------


def test_a_claim_not_delivered_after_fourteen_days_is_flagged_late(
    client, volunteer, wop
):
    late = make_claim(wop=wop, name="Te laat")
    make_claim(wop=wop, name="Op tijd")
    delivered = make_claim(wop=wop, name="Al bezorgd", status=ClaimStatus.DELIVERED)
    _make_late(late)
    _make_late(delivered)
    recent = make_claim(wop=wop, name="Bijna te laat")
    _make_late(recent, days=13)
    client.force_login(volunteer)

    assert _listed(client, overdue="true") == {"Te laat"}
    assert _listed(client, overdue="false") == {
        "Op tijd",
        "Al bezorgd",
        "Bijna te laat",
    }
    response = client.get(reverse(INDEX))
    assert response.content.decode().count("Te laat") >= 2  # column and row


def test_list_filters_by_status(client, volunteer, wop):
    make_claim(wop=wop, name="Nieuw")
    make_claim(wop=wop, name="Ingepakt", status=ClaimStatus.PACKED)
    client.force_login(volunteer)

    assert _listed(client, status="packed") == {"Ingepakt"}


def test_listing_queries_do_not_grow_with_the_number_of_claims(client, volunteer, wop):
    client.force_login(volunteer)
    present = make_present(wop=wop)

    def queries_for_listing():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(INDEX))
        assert response.status_code == 200
        return len(captured), len(response.context["object_list"])

    for number in range(3):
        make_claim(wop=wop, name=f"Bewoner {number}", present=present)
    few, shown = queries_for_listing()
    assert shown == 3

    for number in range(3, 20):
        make_claim(wop=wop, name=f"Bewoner {number}", present=present)
    many, shown = queries_for_listing()
    assert shown == 20

    assert many == few


# Presents ----------------------------------------------------------------------


def test_volunteer_counts_only_their_wops_presents(client, volunteer, wop, other_wop):
    own = make_present(wop=wop, name="Bloemzaadjes", stock=3)
    other = make_present(wop=other_wop, name="Kaart van de wijk")
    client.force_login(volunteer)

    response = client.get(reverse(PRESENT_INDEX))
    assert response.status_code == 200
    assert {present.name for present in response.context["object_list"]} == {
        "Bloemzaadjes"
    }
    assert client.get(reverse(PRESENT_EDIT, args=[other.pk])).status_code == 404

    response = client.post(
        reverse(PRESENT_EDIT, args=[own.pk]),
        {"wop": wop.pk, "name": "Bloemzaadjes", "stock": "10"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.stock == 10


# Dashboard -----------------------------------------------------------------------


def test_dashboard_counts_waiting_and_late_claims_per_wop(
    client, volunteer, wop, own, foreign
):
    make_claim(wop=wop, name="Ingepakt", status=ClaimStatus.PACKED)
    late = make_claim(wop=wop, name="Laat")
    _make_late(late)
    client.force_login(volunteer)

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    # own and late are new; late is also late.
    assert todo_counts(content) == {
        wop.pk: {
            "welcome_packs_new": 2,
            "welcome_packs_packed": 1,
            "welcome_packs_overdue": 1,
        }
    }
    overdue_url = todo_links(content)[wop.pk]["welcome_packs_overdue"]
    assert overdue_url == f"{reverse(INDEX)}?overdue=true&wop={wop.pk}"
    assert _listed(client, overdue="true", wop=wop.pk) == {"Laat"}
    assert "Oostgaarde" not in content
