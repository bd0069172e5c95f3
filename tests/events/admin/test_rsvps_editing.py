"""RSVPs in the admin: editing and cancelling, with the waiting list moving up."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import EventRSVP, RSVPStatus
from tests.events.admin._rsvps import RSVP_DELETE, RSVP_EDIT
from tests.factories import make_rsvp

pytestmark = pytest.mark.django_db


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
