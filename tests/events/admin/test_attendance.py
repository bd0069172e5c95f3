"""The attendee lists in the admin: the coming dates, the printable list of
one date, and recording attendance after a date: who of those signed up
came, and how many came without signing up; scoped to the volunteer's WOPs."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from events.admin.viewsets import attendance_viewset
from events.models import RSVPStatus
from events.services import (
    AttendanceNotPossible,
    occurrence_attendance_record,
    rsvp_cancel,
)
from neighbourhood.submissions import registry
from tests.factories import make_event, make_event_index, make_rsvp, make_user

pytestmark = pytest.mark.django_db

ATTENDANCE_INDEX = attendance_viewset.get_url_name("index")
RECORD = attendance_viewset.get_url_name("record")
ATTENDEE_LIST = attendance_viewset.get_url_name("print")


def _in_days(days):
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def calendar(wop):
    return make_event_index(parent=wop)


@pytest.fixture
def yesterday(calendar):
    """Koffieochtend in Schollevaar, yesterday."""
    event = make_event(index=calendar, start_date=_in_days(-1))
    return event.occurrences.get()


@pytest.fixture
def tomorrow(calendar):
    event = make_event(
        index=calendar,
        title="Samen eten",
        start_date=_in_days(1),
    )
    return event.occurrences.get()


@pytest.fixture
def elsewhere(other_wop):
    """Taalcafé in Oostgaarde, yesterday."""
    event = make_event(
        index=make_event_index(parent=other_wop),
        title="Taalcafé",
        start_date=_in_days(-1),
    )
    return event.occurrences.get()


@pytest.fixture
def hans(yesterday):
    return make_rsvp(occurrence=yesterday, name="Hans de Vries", people=2)


@pytest.fixture
def truus(yesterday):
    return make_rsvp(occurrence=yesterday, name="Truus Jansen")


@pytest.fixture
def waiting(yesterday):
    return make_rsvp(
        occurrence=yesterday, name="Nick Bakker", status=RSVPStatus.WAITING
    )


def test_volunteer_ticks_who_came_and_counts_walk_ins(
    client, volunteer, yesterday, hans, truus, waiting
):
    client.force_login(volunteer)
    url = reverse(RECORD, args=[yesterday.pk])

    form_page = client.get(url).content.decode()
    assert 'type="checkbox"' in form_page
    assert "Hans de Vries (2 personen)" in form_page
    assert "Truus Jansen (1 persoon)" in form_page
    assert "Nick Bakker" not in form_page  # the waiting list gets no box
    assert 'name="walk_ins"' in form_page

    response = client.post(url, {"attended": [hans.pk], "walk_ins": "3"})

    assert response.status_code == 302
    assert response.url == reverse(ATTENDANCE_INDEX)
    hans.refresh_from_db()
    truus.refresh_from_db()
    waiting.refresh_from_db()
    yesterday.refresh_from_db()
    assert (hans.attended, truus.attended, waiting.attended) == (True, False, None)
    assert yesterday.walk_ins == 3
    index = client.get(response.url).content.decode()
    assert "De aanwezigheid van Koffieochtend" in index
    assert "2 aangemeld" in index
    assert "3 zonder aanmelding" in index


def test_recording_again_replaces_what_was_recorded(
    client, volunteer, yesterday, hans, truus
):
    client.force_login(volunteer)
    url = reverse(RECORD, args=[yesterday.pk])
    client.post(url, {"attended": [hans.pk, truus.pk], "walk_ins": "4"})

    form_page = client.get(url).content.decode()
    assert form_page.count("checked") == 2
    assert 'value="4"' in form_page

    client.post(url, {"attended": [truus.pk], "walk_ins": "0"})

    hans.refresh_from_db()
    truus.refresh_from_db()
    yesterday.refresh_from_db()
    assert (hans.attended, truus.attended, yesterday.walk_ins) == (False, True, 0)


@pytest.mark.parametrize(
    "walk_ins, message",
    [
        ("", "Vul het aantal in. Kwam er niemand extra? Vul dan 0 in."),
        ("-1", "Vul 0 of meer in."),
        ("drie", "Vul een heel getal in, bijvoorbeeld 3."),
    ],
)
def test_bad_walk_ins_get_a_dutch_message_and_nothing_is_stored(
    client, volunteer, yesterday, hans, walk_ins, message
):
    client.force_login(volunteer)

    response = client.post(
        reverse(RECORD, args=[yesterday.pk]),
        {"attended": [hans.pk], "walk_ins": walk_ins},
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    hans.refresh_from_db()
    assert hans.attended is None


def test_attendance_cannot_be_recorded_before_the_date(client, volunteer, tomorrow):
    rsvp = make_rsvp(occurrence=tomorrow)
    client.force_login(volunteer)
    url = reverse(RECORD, args=[tomorrow.pk])

    page = client.get(url).content.decode()
    assert "U kunt de aanwezigheid invullen op de dag zelf of daarna." in page
    assert 'name="walk_ins"' not in page

    response = client.post(url, {"attended": [rsvp.pk], "walk_ins": "2"})

    assert response.status_code == 400
    rsvp.refresh_from_db()
    tomorrow.refresh_from_db()
    assert (rsvp.attended, tomorrow.walk_ins) == (None, 0)


def test_volunteer_of_another_wop_cannot_open_or_record_the_date(
    client, other_volunteer, yesterday, hans
):
    client.force_login(other_volunteer)
    url = reverse(RECORD, args=[yesterday.pk])

    assert client.get(url).status_code == 404
    response = client.post(url, {"attended": [hans.pk], "walk_ins": "9"})

    assert response.status_code == 404
    hans.refresh_from_db()
    yesterday.refresh_from_db()
    assert (hans.attended, yesterday.walk_ins) == (None, 0)


def test_another_wops_rsvp_cannot_be_ticked(
    client, volunteer, yesterday, hans, elsewhere
):
    foreign = make_rsvp(occurrence=elsewhere, name="Zeynep Yilmaz")
    client.force_login(volunteer)

    response = client.post(
        reverse(RECORD, args=[yesterday.pk]),
        {"attended": [hans.pk, foreign.pk], "walk_ins": "1"},
    )

    assert response.status_code == 200
    assert "hoort niet bij deze keer" in response.content.decode()
    foreign.refresh_from_db()
    hans.refresh_from_db()
    assert (foreign.attended, hans.attended) == (None, None)


def test_user_without_rsvp_rights_cannot_record(client, yesterday, hans):
    client.force_login(make_user(email="buur@example.org"))

    response = client.post(
        reverse(RECORD, args=[yesterday.pk]), {"attended": [hans.pk], "walk_ins": "1"}
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    hans.refresh_from_db()
    assert hans.attended is None


def test_city_wide_date_records_only_own_wops_people_and_no_walk_ins(
    client, volunteer, home, wop, other_wop
):
    event = make_event(
        index=make_event_index(parent=home, title="Agenda", slug="agenda"),
        title="Buurtfeest",
        start_date=_in_days(-2),
    )
    occurrence = event.occurrences.get()
    own = make_rsvp(occurrence=occurrence, wop=wop, name="Hans de Vries")
    foreign = make_rsvp(occurrence=occurrence, wop=other_wop, name="Zeynep Yilmaz")
    client.force_login(volunteer)
    url = reverse(RECORD, args=[occurrence.pk])

    page = client.get(url).content.decode()
    assert "Hans de Vries" in page
    assert "Zeynep" not in page
    assert 'name="walk_ins"' not in page

    response = client.post(url, {"attended": [own.pk], "walk_ins": "5"})

    assert response.status_code == 302
    own.refresh_from_db()
    foreign.refresh_from_db()
    occurrence.refresh_from_db()
    assert (own.attended, foreign.attended, occurrence.walk_ins) == (True, None, 0)


def test_attendance_index_offers_recent_dates_of_own_wops_only(
    client, volunteer, yesterday, tomorrow, elsewhere
):
    client.force_login(volunteer)

    page = client.get(reverse(ATTENDANCE_INDEX)).content.decode()

    assert reverse(RECORD, args=[yesterday.pk]) in page
    assert "Nog niet ingevuld" in page
    assert reverse(RECORD, args=[tomorrow.pk]) not in page
    assert reverse(RECORD, args=[elsewhere.pk]) not in page


def test_service_refuses_a_cancelled_date_and_walk_ins_below_zero(
    volunteer, yesterday, hans
):
    with pytest.raises(AttendanceNotPossible):
        occurrence_attendance_record(
            occurrence=yesterday, attended_rsvp_ids=[hans.pk], walk_ins=-2, by=volunteer
        )
    yesterday.is_cancelled = True
    yesterday.save()
    with pytest.raises(AttendanceNotPossible, match="ging niet door"):
        occurrence_attendance_record(
            occurrence=yesterday, attended_rsvp_ids=[], walk_ins=0, by=volunteer
        )
    hans.refresh_from_db()
    assert hans.attended is None


def test_withdrawing_after_the_date_erases_the_person_but_keeps_the_sign_up(
    volunteer, yesterday, hans
):
    occurrence_attendance_record(
        occurrence=yesterday, attended_rsvp_ids=[hans.pk], walk_ins=1, by=volunteer
    )

    registry.withdraw(hans)
    rsvp_cancel(submission=hans)  # twice changes nothing either

    hans.refresh_from_db()
    assert hans.name == ""
    assert hans.anonymised_at is not None
    assert (hans.status, hans.attended, hans.people) == (RSVPStatus.CONFIRMED, True, 2)


def _assert_refused(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


# The printable attendee list -------------------------------------------------


def test_attendee_list_shows_who_comes_with_tick_boxes_and_the_waiting_list(
    client, volunteer, occurrence, own
):
    make_rsvp(
        occurrence=occurrence,
        name="Anouk Bakker",
        people=2,
        phone="",
        email="anouk@example.org",
    )
    make_rsvp(occurrence=occurrence, name="Truus Jansen", status=RSVPStatus.WAITING)
    make_rsvp(occurrence=occurrence, name="Weg", status=RSVPStatus.CANCELLED)
    client.force_login(volunteer)

    response = client.get(reverse(ATTENDEE_LIST, args=[occurrence.pk]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "Samen eten" in content
    assert "Huis van de Wijk De Pijler" in content
    assert "@media print" in content
    confirmed = [row["rsvp"].name for row in response.context["confirmed"]]
    assert confirmed == ["Anouk Bakker", "Hans de Vries"]
    assert response.context["confirmed_people"] == 4
    assert [rsvp.name for rsvp in response.context["waiting"]] == ["Truus Jansen"]
    assert content.count('class="box"') == 3
    assert "Weg" not in content
    assert "010-765 43 21" in content
    # The door follows the waiting list's rule: the first for whom the
    # places are enough.
    assert "naar de eerste op de lijst voor wie ze genoeg zijn" in content


def test_attendee_list_of_another_wops_date_is_not_found(
    client, volunteer, other_occurrence, foreign
):
    client.force_login(volunteer)

    response = client.get(reverse(ATTENDEE_LIST, args=[other_occurrence.pk]))

    assert response.status_code == 404


def test_coordinator_prints_any_wops_attendee_list(
    client, coordinator, other_occurrence, foreign
):
    client.force_login(coordinator)

    response = client.get(reverse(ATTENDEE_LIST, args=[other_occurrence.pk]))

    assert response.status_code == 200
    assert "Zeynep Yilmaz" in response.content.decode()


def test_city_wide_attendee_list_shows_a_volunteer_only_their_wops_people(
    client, volunteer, home, wop, other_wop
):
    city_wide = make_event(
        index=make_event_index(parent=home, title="Agenda"),
        title="Burendag",
        signup_required=True,
        start_date=_in_days(3),
    ).occurrences.get()
    make_rsvp(occurrence=city_wide, wop=wop, name="Hans de Vries")
    make_rsvp(occurrence=city_wide, wop=other_wop, name="Zeynep Yilmaz")
    client.force_login(volunteer)

    content = client.get(reverse(ATTENDEE_LIST, args=[city_wide.pk])).content.decode()

    assert "Hans de Vries" in content
    assert "Zeynep" not in content
    assert "alleen de aanmeldingen uit uw wijk" in content


def test_user_without_rsvp_rights_cannot_print_a_list(client, wop, occurrence, own):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    _assert_refused(client.get(reverse(ATTENDEE_LIST, args=[occurrence.pk])))


def test_attendance_index_lists_the_coming_weeks_dates_of_own_wops(
    client, volunteer, occurrence, other_occurrence
):
    client.force_login(volunteer)

    response = client.get(reverse(ATTENDANCE_INDEX))

    assert response.status_code == 200
    assert [row["occurrence"] for row in response.context["rows"]] == [occurrence]
    assert reverse(ATTENDEE_LIST, args=[occurrence.pk]) in response.content.decode()
