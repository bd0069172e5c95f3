"""RSVPs in the admin: who may do what; listing, filters and export per WOP."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import EventRSVP, RSVPStatus
from neighbourhood.models import COORDINATORS_GROUP
from tests.events.admin._rsvps import RSVP_DELETE, RSVP_EDIT, RSVP_INDEX, _in_days
from tests.factories import make_event, make_rsvp

pytestmark = pytest.mark.django_db


def _assert_refused(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_volunteers_may_handle_rsvps_and_coordinators_also_delete(
    volunteer, coordinator
):
    def codenames(group):
        return set(
            group.permissions.filter(codename__endswith="_eventrsvp").values_list(
                "codename", flat=True
            )
        )

    assert codenames(volunteer.groups.get()) == {
        "add_eventrsvp",
        "change_eventrsvp",
        "view_eventrsvp",
    }
    assert codenames(Group.objects.get(name=COORDINATORS_GROUP)) == {
        "add_eventrsvp",
        "change_eventrsvp",
        "view_eventrsvp",
        "delete_eventrsvp",
    }


def test_volunteer_lists_only_own_wops_rsvps(client, volunteer, own, foreign):
    client.force_login(volunteer)

    response = client.get(reverse(RSVP_INDEX))

    assert list(response.context["object_list"]) == [own]
    assert "Zeynep" not in response.content.decode()


def test_volunteer_cannot_open_another_wops_rsvp_by_url(
    client, volunteer, own, foreign
):
    client.force_login(volunteer)

    assert client.get(reverse(RSVP_EDIT, args=[own.pk])).status_code == 200
    assert client.get(reverse(RSVP_EDIT, args=[foreign.pk])).status_code == 404
    response = client.post(
        reverse(RSVP_EDIT, args=[foreign.pk]),
        {"name": "Geraden", "phone": "010-123 45 67", "email": "", "cancel": "on"},
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert (foreign.name, foreign.status) == ("Zeynep Yilmaz", RSVPStatus.CONFIRMED)


def test_volunteer_may_not_delete_rsvps(client, volunteer, own):
    client.force_login(volunteer)

    _assert_refused(client.post(reverse(RSVP_DELETE, args=[own.pk])))
    assert EventRSVP.objects.filter(pk=own.pk).exists()


def test_csv_export_holds_only_own_wops_rsvps(client, volunteer, own, foreign):
    client.force_login(volunteer)

    response = client.get(reverse(RSVP_INDEX), {"export": "csv"})

    content = b"".join(response.streaming_content).decode()
    assert "Hans de Vries" in content
    assert "Samen eten" in content
    assert "Zeynep" not in content


def test_coordinator_sees_the_rsvps_of_every_wop(client, coordinator, own, foreign):
    client.force_login(coordinator)

    response = client.get(reverse(RSVP_INDEX))

    assert set(response.context["object_list"]) == {own, foreign}
    assert client.get(reverse(RSVP_EDIT, args=[foreign.pk])).status_code == 200


def test_filters_offer_only_own_activities_and_wops(
    client, volunteer, wop, meal, own, foreign
):
    client.force_login(volunteer)

    filters = client.get(reverse(RSVP_INDEX)).context["filters"]

    assert list(filters.form.fields["event"].queryset) == [meal]
    assert list(filters.form.fields["wop"].queryset) == [wop]


def test_activity_is_found_by_a_word_of_its_title_not_from_a_list(
    client, coordinator, meal, own, foreign
):
    client.force_login(coordinator)

    response = client.get(reverse(RSVP_INDEX), {"activity": "eten"})

    assert set(response.context["object_list"]) == {own}
    assert "<select" not in str(response.context["filters"].form["event"])


def test_rsvps_filter_by_activity_date_and_to_call(
    client, coordinator, wop, meal, occurrence, own, foreign
):
    coffee = make_event(
        index=meal.get_parent(),
        title="Koffieochtend",
        repeat="weekly",
        weekdays=[_in_days(1).weekday()],
        start_date=_in_days(1),
        repeat_until=_in_days(15),
    )
    first, second = coffee.occurrences.order_by("date")[:2]
    early = make_rsvp(occurrence=first, name="Eerste week")
    late = make_rsvp(occurrence=second, name="Tweede week")
    called = make_rsvp(
        occurrence=occurrence,
        name="Moet gebeld",
        promoted_at=timezone.now(),
        promotion_told=False,
    )
    client.force_login(coordinator)

    def listed(**params):
        response = client.get(reverse(RSVP_INDEX), params)
        return set(response.context["object_list"])

    assert listed(event=coffee.pk) == {early, late}
    assert listed(event=coffee.pk, date_from=first.date, date_to=first.date) == {early}
    assert listed(to_call="true") == {called}
    assert listed(wop=wop.pk) == {own, early, late, called}


def test_listing_queries_do_not_grow_with_the_number_of_rsvps(
    client, volunteer, occurrence
):
    client.force_login(volunteer)
    url = reverse(RSVP_INDEX)

    def queries_for_listing():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), len(response.context["object_list"])

    for number in range(3):
        make_rsvp(occurrence=occurrence, name=f"Bewoner {number}")
    few, shown = queries_for_listing()
    assert shown == 3

    for number in range(3, 20):
        make_rsvp(occurrence=occurrence, name=f"Bewoner {number}")
    many, shown = queries_for_listing()
    assert shown == 20

    assert many == few
