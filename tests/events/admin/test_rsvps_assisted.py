"""RSVPs in the admin: entering an RSVP on behalf of a resident."""

import pytest
from django.urls import reverse

from events.models import EventRSVP, RSVPStatus
from neighbourhood.models import ConsentMethod, OutboxEmail
from tests.events.admin._rsvps import RSVP_ADD, _in_days
from tests.factories import make_event, make_event_index, make_rsvp

pytestmark = pytest.mark.django_db


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


def test_assisted_rsvp_while_people_wait_goes_on_the_waiting_list_behind_them(
    client, volunteer, occurrence
):
    make_rsvp(occurrence=occurrence, name="Aangemeld", people=3)
    make_rsvp(
        occurrence=occurrence, name="Familie", people=2, status=RSVPStatus.WAITING
    )
    client.force_login(volunteer)
    offered = str(client.get(reverse(RSVP_ADD)).context["form"]["occurrence"])
    assert "(Schollevaar) – er wachten al mensen, dus op de wachtlijst" in offered

    response = client.post(reverse(RSVP_ADD), _assisted_data(occurrence), follow=True)

    rsvp = EventRSVP.objects.get(name="Hans de Vries")
    assert rsvp.status == RSVPStatus.WAITING
    assert [waiting.name for waiting in occurrence.rsvps.waiting()] == [
        "Familie",
        "Hans de Vries",
    ]
    message = str(list(response.context["messages"])[0])
    assert "er wachten al mensen, en een vrije plaats gaat eerst naar hen" in message
