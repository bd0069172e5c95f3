"""RSVPs in the admin: scoped listing, export and editing, cancelling with the
waiting list moving up, and entering an RSVP on behalf of a resident."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.admin.viewsets import event_rsvp_viewset
from events.models import EventRSVP, RSVPStatus
from neighbourhood.models import COORDINATORS_GROUP, ConsentMethod, OutboxEmail
from tests.factories import make_event, make_event_index, make_rsvp

pytestmark = pytest.mark.django_db

RSVP_INDEX = event_rsvp_viewset.get_url_name("index")
RSVP_ADD = event_rsvp_viewset.get_url_name("add")
RSVP_EDIT = event_rsvp_viewset.get_url_name("edit")
RSVP_DELETE = event_rsvp_viewset.get_url_name("delete")


def _in_days(days):
    return timezone.localdate() + timedelta(days=days)


def _assert_refused(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


# Permissions and scoping -------------------------------------------------------


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


# Editing and cancelling ---------------------------------------------------------


def _edit_data(rsvp, **changes):
    data = {"name": rsvp.name, "phone": rsvp.phone, "email": rsvp.email}
    return {**data, **changes}


def test_cancelling_moves_the_first_on_the_waiting_list_up_and_says_whom_to_call(
    client, volunteer, occurrence, own
):
    # own: 2 people; 2 more fill the 4 places.
    make_rsvp(occurrence=occurrence, name="Anouk", people=2)
    first = make_rsvp(
        occurrence=occurrence,
        name="Truus Jansen",
        phone="010-765 43 21",
        status=RSVPStatus.WAITING,
        created_at=timezone.now() - timedelta(hours=2),
    )
    second = make_rsvp(
        occurrence=occurrence,
        name="Yonas Tesfaye",
        status=RSVPStatus.WAITING,
        people=2,
        created_at=timezone.now() - timedelta(hours=1),
    )
    third = make_rsvp(
        occurrence=occurrence,
        name="Nick",
        status=RSVPStatus.WAITING,
        people=2,
    )
    client.force_login(volunteer)

    response = client.post(
        reverse(RSVP_EDIT, args=[own.pk]), _edit_data(own, cancel="on"), follow=True
    )

    own.refresh_from_db()
    assert own.status == RSVPStatus.CANCELLED
    assert own.name == own.phone == ""
    assert own.anonymised_at is not None
    for rsvp in (first, second, third):
        rsvp.refresh_from_db()
    # Two places free: Truus (1) and then Yonas (2) does not fit, so he waits.
    assert first.status == RSVPStatus.CONFIRMED
    assert first.promoted_at is not None
    assert first.promotion_told is False
    assert second.status == third.status == RSVPStatus.WAITING
    message = str(list(response.context["messages"])[0])
    assert "Hans de Vries is afgemeld." in message
    assert "Bel Truus Jansen (010-765 43 21)" in message


def test_ticking_called_clears_the_mark_without_changing_the_rest(
    client, volunteer, occurrence
):
    promoted = make_rsvp(
        occurrence=occurrence,
        name="Truus Jansen",
        promoted_at=timezone.now(),
        promotion_told=False,
    )
    client.force_login(volunteer)
    url = reverse(RSVP_EDIT, args=[promoted.pk])
    assert "promotion_told" in client.get(url).context["form"].fields

    response = client.post(url, _edit_data(promoted, promotion_told="on"))

    assert response.status_code == 302
    promoted.refresh_from_db()
    assert promoted.promotion_told is True
    assert promoted.status == RSVPStatus.CONFIRMED
    assert promoted.name == "Truus Jansen"


def test_edit_form_offers_called_only_after_a_move_up(client, volunteer, own):
    client.force_login(volunteer)

    form = client.get(reverse(RSVP_EDIT, args=[own.pk])).context["form"]

    assert set(form.fields) == {"name", "phone", "email", "cancel"}


def test_edit_needs_a_phone_number_or_an_email_address(client, volunteer, own):
    client.force_login(volunteer)

    response = client.post(
        reverse(RSVP_EDIT, args=[own.pk]), _edit_data(own, phone="", email="")
    )

    assert response.status_code == 200
    assert "phone" in response.context["form"].errors


def test_a_cancelled_rsvp_has_nothing_left_to_change(client, volunteer, own):
    client.force_login(volunteer)
    client.post(reverse(RSVP_EDIT, args=[own.pk]), _edit_data(own, cancel="on"))

    response = client.get(reverse(RSVP_EDIT, args=[own.pk]))

    assert response.status_code == 200
    assert not response.context["form"].fields
    assert "Afgemeld" in response.content.decode()


def test_coordinator_deleting_an_rsvp_moves_the_waiting_list_up(
    client, coordinator, occurrence, own
):
    make_rsvp(occurrence=occurrence, name="Anouk", people=2)
    waiting = make_rsvp(
        occurrence=occurrence, name="Truus Jansen", status=RSVPStatus.WAITING
    )
    client.force_login(coordinator)

    client.post(reverse(RSVP_DELETE, args=[own.pk]))

    assert not EventRSVP.objects.filter(pk=own.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == RSVPStatus.CONFIRMED


# Entering an RSVP on behalf of a resident ------------------------------------


def _assisted_data(occurrence, **changes):
    data = {
        "occurrence": occurrence.pk,
        "people": 1,
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "",
        "postcode": "",
        "consent_method": ConsentMethod.VERBAL,
        "consent_given": "on",
    }
    return {**data, **changes}


def test_assisted_rsvp_records_consent_the_volunteer_and_the_wop(
    client, volunteer, wop, occurrence
):
    client.force_login(volunteer)

    response = client.post(reverse(RSVP_ADD), _assisted_data(occurrence, people=2))

    assert response.status_code == 302
    rsvp = EventRSVP.objects.get()
    assert (rsvp.wop, rsvp.occurrence, rsvp.people) == (wop, occurrence, 2)
    assert rsvp.status == RSVPStatus.CONFIRMED
    assert rsvp.registered_by == volunteer
    assert rsvp.consent_method == ConsentMethod.VERBAL
    assert "Samen eten" in rsvp.consent_text
    # No e-mail address: nobody to send a confirmation to.
    assert not OutboxEmail.objects.exists()


def test_assisted_rsvp_for_a_full_date_goes_on_the_waiting_list(
    client, volunteer, occurrence
):
    make_rsvp(occurrence=occurrence, name="Vol", people=4)
    client.force_login(volunteer)
    offered = str(client.get(reverse(RSVP_ADD)).context["form"]["occurrence"])
    assert "(Schollevaar) – vol, dus op de wachtlijst" in offered

    response = client.post(
        reverse(RSVP_ADD),
        _assisted_data(occurrence, email="hans@example.org"),
        follow=True,
    )

    rsvp = EventRSVP.objects.get(name="Hans de Vries")
    assert rsvp.status == RSVPStatus.WAITING
    assert "wachtlijst" in str(list(response.context["messages"])[0])
    confirmation = OutboxEmail.objects.get(to=["hans@example.org"])
    assert f"/intrekken/{rsvp.token}/" in confirmation.body


def test_assisted_rsvp_needs_consent_and_refuses_too_large_a_group(
    client, volunteer, occurrence
):
    client.force_login(volunteer)
    data = _assisted_data(occurrence, people=5)
    del data["consent_given"]

    response = client.post(reverse(RSVP_ADD), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "consent_given" in errors
    assert errors["people"] == ["Hoogstens 4 personen per aanmelding."]
    assert not EventRSVP.objects.exists()


def test_assisted_rsvp_refuses_the_same_person_twice(client, volunteer, occurrence):
    make_rsvp(occurrence=occurrence, name="Hans", phone="0101234567")
    client.force_login(volunteer)

    response = client.post(reverse(RSVP_ADD), _assisted_data(occurrence))

    assert response.status_code == 200
    assert "staat al op de lijst" in response.content.decode()
    assert EventRSVP.objects.count() == 1


def test_assisted_rsvp_offers_only_own_and_city_wide_dates_with_sign_up(
    client, volunteer, home, meal, occurrence, other_occurrence
):
    city_wide = make_event(
        index=make_event_index(parent=home, title="Agenda"),
        title="Burendag",
        signup_required=True,
        start_date=_in_days(3),
    ).occurrences.get()
    make_event(index=meal.get_parent(), title="Wandelgroep", start_date=_in_days(3))
    client.force_login(volunteer)

    form = client.get(reverse(RSVP_ADD)).context["form"]
    response = client.post(reverse(RSVP_ADD), _assisted_data(other_occurrence))

    assert set(form.fields["occurrence"].queryset) == {occurrence, city_wide}
    assert "occurrence" in response.context["form"].errors
    assert not EventRSVP.objects.exists()


def test_assisted_rsvp_for_a_city_wide_date_goes_to_the_wop_of_the_postcode(
    client, volunteer, wop, home, other_wop
):
    city_wide = make_event(
        index=make_event_index(parent=home, title="Agenda"),
        title="Burendag",
        signup_required=True,
        start_date=_in_days(3),
    ).occurrences.get()
    client.force_login(volunteer)

    own_postcode = client.post(
        reverse(RSVP_ADD), _assisted_data(city_wide, postcode="2906 ab")
    )
    other_postcode = client.post(
        reverse(RSVP_ADD),
        _assisted_data(
            city_wide, name="Zeynep", phone="06-12345678", postcode="2903AB"
        ),
    )

    assert own_postcode.status_code == 302
    assert EventRSVP.objects.get().wop == wop
    assert "hoort bij wijk Oostgaarde" in other_postcode.content.decode()
