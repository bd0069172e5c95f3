"""Constant queries (issue 9): every public page type makes as many database
queries with 100 items as with 10 (the volunteer's admin listings:
test_admin_listing_queries.py).

Each case builds a page, adds 10 of the things it lists, counts the queries
of a second anonymous visit (the first fills per-process caches such as the
site roots), adds 90 more and counts again. Each case also says what the page
shows of what was added, and the page must show more of it at 100 than at 10:
an equal count of a page that never showed the added items proves nothing.
Image renditions are never read from the cache here, so each image the page
shows must come with its renditions prefetched.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from events.models import EventOccurrence, EventPage
from neighbourhood.models import (
    ActionStatus,
    Audience,
    BuddyProjectPage,
    KeyFigure,
    StreetContact,
    TreatActionPage,
    TreatOption,
)
from tests import factories
from tests.query_counts._counter import Counter, _counting

pytestmark = pytest.mark.django_db

# The target for a public page, whatever the amount of content.
MAX_PUBLIC_QUERIES = 15


def _image(name):
    return get_image_model().objects.create(
        title=name, file=get_test_image_file(colour="green")
    )


def _key_figure(wop, number):
    return KeyFigure.objects.create(
        wop=wop,
        name=f"Buur {number}",
        role="buurtconciërge",
        phone="010-123 45 67",
        photo=_image(f"Buur {number}"),
    )


def _tomorrow_plus(days):
    return timezone.localdate() + timedelta(days=1 + days)


def _audiences(start, count):
    """Numbered audiences ("Doelgroep 7") to put on a page's "Voor wie"."""
    return [
        Audience.objects.create(name=f"Doelgroep {number}", slug=f"doelgroep-{number}")
        for number in range(start, start + count)
    ]


# Public pages. Each builder takes the test client and returns a Counter.


def _home(client):
    home = factories.home_page()
    calendar = factories.make_event_index(parent=home, title="Agenda")

    def add(start, count):
        for number in range(start, start + count):
            wop = factories.make_wop(title=f"Wijk {number}", areas=[f"{3000 + number}"])
            wop_calendar = factories.make_event_index(parent=wop)
            factories.make_event(
                index=wop_calendar,
                title=f"Koffie {number}",
                start_date=_tomorrow_plus(number % 20),
            )
        factories.make_event(
            index=calendar,
            title=f"Stadswandeling {start}",
            start_date=_tomorrow_plus(0),
        )

    return Counter(client, home.url, add, _counting("Wijk "))


def _neighbourhood_index(client):
    index = factories.make_neighbourhood_index()

    def add(start, count):
        for number in range(start, start + count):
            factories.make_wop(title=f"Wijk {number}", areas=[f"{3000 + number}"])

    return Counter(client, index.url, add, _counting("Wijk "))


def _wop_page(client):
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    calendar = factories.make_event_index(parent=wop)
    factories.make_buddy_project(parent=wop)
    factories.make_card_action(wop=wop)

    def add(start, count):
        for number in range(start, start + count):
            factories.make_street(wop=wop, title=f"Straat {number}")
            _key_figure(wop, number)
        for number in range(start, start + min(count, 12)):
            factories.make_event(
                index=calendar,
                title=f"Koffie {number}",
                start_date=_tomorrow_plus(number % 20),
            )

    return Counter(client, wop.url, add, _counting("Straat ", "Buur "))


def _street_page(client):
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    street = factories.make_street(wop=wop)
    factories.make_card_action(wop=wop)

    def add(start, count):
        for number in range(start, start + count):
            StreetContact.objects.create(
                page=street, key_figure=_key_figure(wop, number), sort_order=number
            )

    return Counter(client, street.url, add, _counting("Buur "))


def _buddy_project_page(client):
    """The page lists no sign-ups (they are personal); what it lists is its
    audiences ("Voor wie?"), so those grow, published as an editor would.
    The sign-ups grow as well: the page must not count them either."""
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    project = factories.make_buddy_project(parent=wop)

    def add(start, count):
        page = BuddyProjectPage.objects.get(pk=project.pk)
        page.audiences.add(*_audiences(start, count))
        page.save_revision().publish()
        for number in range(start, start + count):
            factories.make_buddy_signup(project=project, name=f"Buur {number}")

    return Counter(client, project.url, add, _counting("Doelgroep "))


def _card_action_page(client):
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    page = factories.make_card_action(wop=wop)

    def add(start, count):
        for number in range(start, start + count):
            factories.make_card_design(name=f"Kaart {number}")

    return Counter(client, page.url, add, _counting("Kaart "))


def _treat_action_page(client):
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    treat_page = factories.make_treat_action(wop=wop)

    def add(start, count):
        """Treats added through the page's cluster relation and published,
        as an editor adds them: the live page only shows published treats."""
        page = TreatActionPage.objects.get(pk=treat_page.pk)
        for number in range(start, start + count):
            page.treats.add(TreatOption(name=f"Taart {number}", sort_order=number))
        page.save_revision().publish()

    return Counter(client, treat_page.url, add, _counting("Taart "))


def _wave_tile_action_page(client):
    """The page lists the streets where tiles lie (placed tiles only, never
    who asked): each item is a tile placed in a street of its own."""
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    page = factories.make_wave_tile_action(wop=wop)
    factories.make_tile_stock(wop=wop, quantity=500)

    def add(start, count):
        for number in range(start, start + count):
            factories.make_action_request(
                wop=wop,
                kind="wave_tile",
                status=ActionStatus.DONE,
                name=f"Buur {number}",
                street=f"Zwaaistraat {number}",
                house_number="1",
                address_key=f"2906AB-{number}",
            )

    return Counter(client, page.url, add, _counting("Zwaaistraat "))


def _welcome_pack_page(client):
    """The page lists the presents to choose from. The WOP's key figures are
    in the printed pack, not on this page: they grow to show that the page
    does not read them."""
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    page = factories.make_welcome_pack(wop=wop)

    def add(start, count):
        for number in range(start, start + count):
            factories.make_present(wop=wop, name=f"Cadeau {number}", image=True)
            _key_figure(wop, number)

    return Counter(client, page.url, add, _counting("Cadeau "))


def _calendar(client, *, city_wide):
    home = factories.home_page()
    city_calendar = factories.make_event_index(parent=home, title="Agenda")
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    wop_calendar = factories.make_event_index(parent=wop)
    audience = Audience.objects.create(name="Ouderen", slug="ouderen")

    def add(start, count):
        for number in range(start, start + count):
            event = factories.make_event(
                index=wop_calendar,
                title=f"Koffie {number}",
                start_date=_tomorrow_plus(number % 10),
                signup_required=True,
                capacity=10,
            )
            event.audiences.add(audience)

    page = city_calendar if city_wide else wop_calendar
    return Counter(client, page.url, add, _counting("Koffie "))


EVENT_CAPACITY = 500
# The sign-up form offers only the next 8 dates, by design (DATES_OFFERED).
SHOWN_DATES = 8


def _event_page(client):
    """An activity's page offers only its next 8 dates, however many there
    are, so more dates cannot show. What grows on the page: its audiences
    ("Voor wie"), and the sign-ups on the dates it offers (the places left
    beside each date). The weekly dates grow too, beyond the 8 shown."""
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    calendar = factories.make_event_index(parent=wop)
    first = _tomorrow_plus(0)
    event = factories.make_event(
        index=calendar,
        repeat="weekly",
        weekdays=[first.weekday()],
        repeat_until=first,
        signup_required=True,
        capacity=EVENT_CAPACITY,
        start_date=first,
    )

    def add(start, count):
        """Per item: one more weekly date, one audience, and one RSVP on one
        of the dates the page offers."""
        page = EventPage.objects.get(pk=event.pk)
        page.repeat_until = first + timedelta(weeks=start + count - 1)
        page.audiences.add(*_audiences(start, count))
        page.save_revision().publish()
        offered = list(
            EventOccurrence.objects.filter(event=event).order_by("starts_at")[
                :SHOWN_DATES
            ]
        )
        for number in range(start, start + count):
            factories.make_rsvp(occurrence=offered[number % SHOWN_DATES])

    def shown(html):
        places_left = re.findall(r'rsvp-date__places">nog (\d+) plaats', html)
        return {
            "Doelgroep ": html.count("Doelgroep "),
            "places taken": sum(EVENT_CAPACITY - int(left) for left in places_left),
        }

    return Counter(client, event.url, add, shown)


PUBLIC_PAGES = {
    "home": _home,
    "neighbourhood_index": _neighbourhood_index,
    "wop_page": _wop_page,
    "street_page": _street_page,
    "buddy_project_page": _buddy_project_page,
    "card_action_page": _card_action_page,
    "treat_action_page": _treat_action_page,
    "wave_tile_action_page": _wave_tile_action_page,
    "welcome_pack_page": _welcome_pack_page,
    "wop_calendar": lambda client: _calendar(client, city_wide=False),
    "city_calendar": lambda client: _calendar(client, city_wide=True),
    "event_page": _event_page,
}


@pytest.mark.parametrize("page_type", PUBLIC_PAGES)
def test_public_page_queries_do_not_grow_with_what_it_lists(client, page_type):
    counter = PUBLIC_PAGES[page_type](client)

    counter.grow_to(10)
    few, few_html = counter.queries()
    counter.grow_to(100)
    many, many_html = counter.queries()

    shown_few, shown_many = counter.shown(few_html), counter.shown(many_html)
    for what, amount in shown_many.items():
        assert amount > shown_few[what], (
            f"{page_type} shows {shown_few[what]} x {what!r} at 10 items and "
            f"{amount} at 100: the count is not of growing data"
        )
    assert few == many, f"{page_type}: {few} queries at 10, {many} at 100"
    assert many <= MAX_PUBLIC_QUERIES, f"{page_type}: {many} queries"


def test_wop_page_shows_all_its_streets_and_key_figures_at_constant_queries(client):
    """The count is of a page that really lists what was added."""
    counter = _wop_page(client)
    counter.grow_to(100)
    _count, html = counter.queries()
    assert "Straat 99" in html
    assert "Buur 99" in html
    assert "Koffie" in html


@pytest.mark.parametrize(
    "path", ["/bestaat-niet/", "/wijken/bestaat-niet/", "/wijken/schollevaar/x/y/"]
)
def test_an_unknown_address_is_not_found(client, wop, path):
    assert client.get(path).status_code == 404
