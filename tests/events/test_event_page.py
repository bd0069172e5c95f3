"""An activity's public page: what, when, where, for whom, and whether and
how to sign up."""

import re
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from events.models import EventException, EventPage, EventRSVP, RSVPStatus
from neighbourhood.models import Audience, Partner
from tests import factories


def next_weekday(weekday: int, *, after: date | None = None) -> date:
    """The first ``weekday`` (0 = Monday) after ``after`` (default: today)."""
    day = (after or timezone.localdate()) + timedelta(days=1)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def signup_dates(content: str) -> list[str]:
    """The values of the date radio buttons, in order."""
    return re.findall(r'<input type="radio" name="occurrence" value="([^"]+)"', content)


@pytest.fixture
def calendar(wop):
    return factories.make_event_index(parent=wop)


@pytest.fixture
def partner(db):
    return Partner.objects.create(
        name="Welzijn Capelle", phone="010-288 44 00", email="info@welzijn.example"
    )


# What, when, where ----------------------------------------------------------


def test_page_says_what_where_for_whom_what_it_costs_and_who_organises(
    client, calendar, partner
):
    event = factories.make_event(
        index=calendar,
        title="Samen eten",
        description="<p>Elke maand koken we samen.</p>",
        wheelchair_access=True,
        hearing_loop=True,
        accessible_toilet=False,
        cost=Decimal("2.50"),
        organiser=partner,
    )
    event.audiences.set(Audience.objects.filter(slug__in=["older-people", "carers"]))
    event.save_revision().publish()

    response = client.get(event.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Samen eten</h1>" in content
    assert "Elke maand koken we samen." in content
    assert "Huis van de Wijk De Pijler" in content
    assert "Kievitlaan 2, Capelle aan den IJssel" in content
    assert "Toegankelijk met rolstoel" in content
    assert "Ringleiding" in content
    assert "Aangepast toilet" not in content
    assert "Ouderen" in content and "Mantelzorgers" in content
    assert "Samen iets doen in een groep" in content
    assert "€ 2,50" in content
    assert "Welzijn Capelle" in content
    assert 'href="tel:0102884400"' in content
    assert 'href="mailto:info@welzijn.example"' in content


def test_free_activity_says_free(client, calendar):
    event = factories.make_event(index=calendar)

    assert "Gratis" in client.get(event.url).content.decode()


def test_page_links_to_the_calendar_file_and_the_poster(client, calendar):
    event = factories.make_event(index=calendar, slug="koffie")

    content = client.get(event.url).content.decode()

    assert f'href="{event.url}{event.reverse_subpage("ical")}"' in content
    assert "Zet in uw agenda" in content
    assert f'href="{event.url}{event.reverse_subpage("poster")}"' in content
    assert "Poster afdrukken" in content


def test_one_off_activity_gives_its_date_and_times(client, calendar):
    day = next_weekday(4, after=date(timezone.localdate().year + 1, 1, 1))
    event = factories.make_event(
        index=calendar, start_date=day, start_time=time(10), end_time=time(12)
    )

    content = client.get(event.url).content.decode()

    assert "Vrijdag" in content
    assert "10.00 – 12.00 uur" in content
    assert "De volgende keren" not in content


def test_monthly_activity_reads_as_a_rule_with_the_next_dates(client, calendar):
    first = next_weekday(4)
    event = factories.make_event(
        index=calendar,
        start_date=first,
        start_time=time(10),
        end_time=time(12),
        repeat="monthly",
        monthly_week=1,
        monthly_weekday=4,
        repeat_until=first + timedelta(days=365),
    )

    content = client.get(event.url).content.decode()

    assert "Elke eerste vrijdag van de maand, 10.00 – 12.00 uur" in content
    assert "De volgende keren:" in content
    listed = content[content.index('<ul class="event-dates">') :]
    listed = listed[: listed.index("</ul>")]
    assert listed.count("<li>") == 4


def test_weekly_activity_names_its_days_and_a_cancelled_date_with_the_reason(
    client, calendar
):
    tuesday = next_weekday(1)
    event = factories.make_event(
        index=calendar,
        start_date=tuesday,
        repeat="weekly",
        weekdays=[1, 3],
        repeat_until=tuesday + timedelta(days=60),
    )
    event.exceptions.add(
        EventException(date=tuesday + timedelta(days=2), reason="Koningsdag")
    )
    event.save_revision().publish()

    content = client.get(event.url).content.decode()

    assert "Elke dinsdag en donderdag" in content
    assert "gaat niet door" in content
    assert "(Koningsdag)" in content


def test_activity_without_sign_up_shows_no_form_and_may_be_cached(client, calendar):
    event = factories.make_event(index=calendar, signup_required=False)

    response = client.get(event.url)

    content = response.content.decode()
    assert "U hoeft zich niet aan te melden. Kom gerust langs." in content
    assert "<form" not in content.split('id="aanmelden"')[1]
    assert 'name="occurrence"' not in content
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_post_to_an_activity_without_sign_up_stores_nothing(client, calendar):
    event = factories.make_event(index=calendar, signup_required=False)

    response = client.post(
        event.url,
        factories.rsvp_form_data(occurrence=event.occurrences.get()),
    )

    assert response.status_code == 200
    assert not EventRSVP.objects.exists()


# The sign-up form -------------------------------------------------------------


def test_form_offers_the_next_eight_open_dates_with_the_places_left(client, calendar):
    monday = next_weekday(0)
    event = factories.make_event(
        index=calendar,
        signup_required=True,
        capacity=4,
        start_date=monday,
        repeat="weekly",
        weekdays=[0],
        repeat_until=monday + timedelta(weeks=20),
    )
    first, second, third, *_rest = event.occurrences.order_by("date")
    factories.make_rsvp(occurrence=first, people=4, status=RSVPStatus.CONFIRMED)
    factories.make_rsvp(occurrence=second, people=1, status=RSVPStatus.CONFIRMED)
    factories.make_rsvp(occurrence=second, people=2, status=RSVPStatus.CANCELLED)
    third.is_cancelled = True
    third.save()

    content = client.get(event.url).content.decode()

    offered = signup_dates(content)
    assert len(offered) == 8
    assert offered[:2] == [first.date.isoformat(), second.date.isoformat()]
    assert third.date.isoformat() not in offered
    assert "vol – u komt op de wachtlijst" in content
    assert "nog 3 plaatsen" in content
    assert "nog 4 plaatsen" in content
    assert "Met hoeveel personen komt u?" in content
    assert re.search(
        r'<input type="number" name="people" value="1"[^>]*max="4"', content
    )


def test_a_single_date_is_chosen_already(client, calendar):
    event = factories.make_event(index=calendar, signup_required=True)

    content = client.get(event.url).content.decode()

    assert re.search(r'name="occurrence" value="[^"]+"[^>]*checked', content)


def test_consent_label_says_what_the_resident_agrees_to(client, calendar):
    event = factories.make_event(
        index=calendar, title="Samen eten", signup_required=True
    )

    content = client.get(event.url).content.decode()

    label = re.search(
        r'<label class="field__label" for="id_consent">(.*?)</label>', content, re.S
    )
    assert label
    assert "Ik geef toestemming" in label.group(1)
    assert "‘Samen eten’" in label.group(1)
    assert "gewist" in label.group(1)


def test_sign_up_without_open_dates_says_so_instead_of_a_form(client, calendar):
    yesterday = timezone.localdate() - timedelta(days=1)
    event = factories.make_event(
        index=calendar, signup_required=True, start_date=yesterday
    )

    content = client.get(event.url).content.decode()

    assert "geen data waarvoor u zich kunt aanmelden" in content
    assert 'name="occurrence"' not in content


def test_editor_preview_of_a_new_activity_shows_the_dates_of_its_schedule(
    calendar,
):
    monday = next_weekday(0)
    page = EventPage(
        title="Nieuw: wandelen",
        slug="wandelen",
        description="<p>Samen een rondje lopen.</p>",
        place_name="Bij de kerk",
        place_address="Kerklaan 1",
        kind="group",
        signup_required=True,
        capacity=10,
        start_date=monday,
        start_time=time(14),
        end_time=time(15),
        repeat="weekly",
        weekdays=[0],
        repeat_until=monday + timedelta(weeks=2),
    )
    # As Wagtail's "preview on create" does: a path under the parent, unsaved.
    page.depth = calendar.depth + 1
    page.path = page._get_path(calendar.path, page.depth, 1)
    page.set_url_path(calendar)

    response = page.make_preview_request()

    content = response.content.decode()
    assert response.status_code == 200
    assert "Elke maandag" in content
    assert signup_dates(content) == [
        (monday + timedelta(weeks=week)).isoformat() for week in range(3)
    ]
    assert "nog 10 plaatsen" in content
