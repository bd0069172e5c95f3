"""The activity editor in Wagtail: a schedule that makes no sense, or would
never end, is refused with a clear Dutch message next to the field."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import EventPage
from tests.factories import make_event, make_event_index, make_rsvp

pytestmark = pytest.mark.django_db


def _in_days(days):
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def event_index(wop):
    return make_event_index(parent=wop)


def _event_form_data(*, weekdays=(), **fields):
    """The editor's form as posted. ``weekdays`` are checkboxes: one value per
    ticked day, which ``nested_form_data`` would number instead."""
    data = {
        "title": "Koffieochtend",
        "slug": "koffieochtend",
        "description": rich_text("<p>Koffie en een praatje.</p>"),
        "start_date": _in_days(1).isoformat(),
        "start_time": "10:00",
        "end_time": "11:30",
        "repeat": "once",
        "repeat_until": "",
        "monthly_week": "",
        "monthly_weekday": "",
        "exceptions": inline_formset([]),
        "place_name": "Huis van de Wijk De Pijler",
        "place_address": "Kievitlaan 2, Capelle aan den IJssel",
        "kind": "group",
        "organiser": "",
        "cost": "",
        "capacity": "",
        "max_people_per_signup": "4",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return {**nested_form_data(data), "weekdays": [str(day) for day in weekdays]}


def _add_event(client, index, **fields):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
    return client.post(url, _event_form_data(**fields))


def _errors(response, field):
    assert response.status_code == 200, "the editor should refuse the activity"
    return response.context["form"].errors.get(field, [])


def test_end_time_before_start_time_is_refused(admin_client, event_index):
    response = _add_event(
        admin_client, event_index, start_time="14:00", end_time="13:00"
    )

    assert _errors(response, "end_time") == ["De eindtijd moet na de begintijd liggen."]
    # Shown in the editor, next to the field.
    assert "De eindtijd moet na de begintijd liggen." in response.content.decode()
    assert not EventPage.objects.exists()


def test_repeating_without_an_end_date_is_refused(admin_client, event_index):
    response = _add_event(
        admin_client, event_index, repeat="weekly", weekdays=[2], repeat_until=""
    )

    assert _errors(response, "repeat_until") == [
        "Vul in tot wanneer de activiteit herhaalt. Zonder einddatum zou de "
        "agenda eindeloos doorgaan."
    ]


def test_repeating_for_more_than_two_years_is_refused(admin_client, event_index):
    response = _add_event(
        admin_client,
        event_index,
        repeat="weekly",
        weekdays=[2],
        repeat_until=_in_days(1 + 3 * 365).isoformat(),
    )

    assert _errors(response, "repeat_until") == [
        "Herhalen kan hoogstens twee jaar vooruit. Kies een eerdere einddatum; u "
        "kunt hem later verlengen."
    ]


def test_end_date_before_the_first_date_is_refused(admin_client, event_index):
    response = _add_event(
        admin_client,
        event_index,
        repeat="weekly",
        weekdays=[2],
        repeat_until=_in_days(-7).isoformat(),
    )

    assert _errors(response, "repeat_until") == [
        "De einddatum moet na de eerste datum liggen."
    ]


def test_weekly_without_days_is_refused(admin_client, event_index):
    response = _add_event(
        admin_client,
        event_index,
        repeat="weekly",
        repeat_until=_in_days(60).isoformat(),
    )

    assert _errors(response, "weekdays") == ["Kies op welke dagen de activiteit is."]


def test_monthly_without_week_and_day_is_refused(admin_client, event_index):
    response = _add_event(
        admin_client,
        event_index,
        repeat="monthly",
        repeat_until=_in_days(180).isoformat(),
    )

    assert _errors(response, "monthly_week") == [
        "Kies welke week van de maand, bijvoorbeeld de eerste."
    ]
    assert _errors(response, "monthly_weekday") == ["Kies op welke dag."]


def test_capacity_below_the_number_already_signed_up_is_refused(
    admin_client, event_index
):
    event = make_event(
        index=event_index, title="Samen eten", signup_required=True, capacity=10
    )
    occurrence = event.occurrences.get()
    make_rsvp(occurrence=occurrence, name="Hans", people=4)
    make_rsvp(occurrence=occurrence, name="Truus", people=2)
    # Cancelled and waiting people do not count.
    make_rsvp(occurrence=occurrence, name="Weg", people=3, status="cancelled")
    make_rsvp(occurrence=occurrence, name="Wacht", people=3, status="waiting")
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    data = _event_form_data(
        title=event.title,
        slug=event.slug,
        start_date=event.start_date.isoformat(),
        signup_required="on",
        capacity="5",
    )

    response = admin_client.post(url, data)

    assert _errors(response, "capacity") == [
        "Er zijn al 6 mensen aangemeld voor één keer. Kies minstens 6 plaatsen, "
        "of meld eerst mensen af."
    ]
    event.refresh_from_db()
    assert event.capacity == 10

    response = admin_client.post(url, {**data, "capacity": "6"})

    assert response.status_code == 302


def test_valid_weekly_activity_is_published_with_its_dates(admin_client, event_index):
    first = _in_days(1)
    response = _add_event(
        admin_client,
        event_index,
        repeat="weekly",
        weekdays=[first.weekday(), (first.weekday() + 2) % 7],
        start_date=first.isoformat(),
        repeat_until=(first + timedelta(weeks=4)).isoformat(),
        exceptions=inline_formset(
            [{"date": (first + timedelta(weeks=1)).isoformat(), "reason": "Pasen"}]
        ),
        **{"action-publish": "publish"},
    )

    assert response.status_code == 302
    event = EventPage.objects.get(slug="koffieochtend")
    assert event.live
    occurrences = list(event.occurrences.order_by("date"))
    # Two days a week for four weeks, plus the first day of the fifth week.
    assert len(occurrences) == 9
    assert occurrences[0].date == first
    assert all(o.wop_id == event_index.get_parent().pk for o in occurrences)
    assert [o.date for o in occurrences if o.is_cancelled] == [
        first + timedelta(weeks=1)
    ]
    assert all(
        timezone.localtime(o.starts_at).strftime("%H:%M") == "10:00"
        for o in occurrences
    )


def test_volunteer_adds_an_activity_to_own_calendar_for_review(
    client, volunteer, event_index
):
    client.force_login(volunteer)

    response = _add_event(client, event_index, **{"action-submit": "submit"})

    assert response.status_code == 302
    event = EventPage.objects.get(slug="koffieochtend")
    assert event.get_parent().pk == event_index.pk


def test_volunteer_cannot_add_an_activity_to_another_wops_calendar(
    client, volunteer, other_wop
):
    other_index = make_event_index(parent=other_wop)
    client.force_login(volunteer)

    response = _add_event(client, other_index, **{"action-publish": "publish"})

    assert response.status_code in (302, 403)
    assert not EventPage.objects.exists()
