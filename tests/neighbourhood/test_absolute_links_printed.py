"""Everything printed or added to an agenda links to the site's one public
address: the welcome pack (letter, flyer, smoelenboek), the posters and their
QR codes, the printed cards and lists, the iCal feeds. Never to the host the
page happened to be asked on, nor to the admin's base URL."""

import pytest
from django.urls import reverse

from events.admin.viewsets import attendance_viewset
from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.models import KeyFigure
from tests import factories
from tests.neighbourhood._public_address import PUBLIC, elsewhere, links, qr_texts
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar(wop):
    return factories.make_event_index(parent=wop)


@pytest.fixture
def event(calendar):
    return factories.make_event(index=calendar, signup_required=True, capacity=10)


@pytest.fixture
def pack(wop, event):
    KeyFigure.objects.create(wop=wop, name="Fatima el Amrani", role="Buurtconciërge")
    return factories.make_welcome_pack(wop=wop)


def _get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_printed_welcome_pack_links_to_the_public_address(
    public_site, client, volunteer, wop, pack, event
):
    claim = factories.make_claim(wop=wop, name="Patricia Jansen")
    client.force_login(volunteer)

    printed = _get(
        client,
        reverse(welcome_pack_claim_viewset.get_url_name("print"), args=[claim.pk]),
    )
    blank = _get(client, pack.url + "folder/")

    for html in (printed, blank):
        found = links(html)
        assert f"{PUBLIC}{wop.url}" in found  # "Op internet: …" in the letter
        assert f"{PUBLIC}{event.url}" in found  # sign up for an activity
        assert elsewhere(found) == []


def test_posters_and_their_qr_codes_lead_to_the_public_address(
    public_site, client, calendar, event
):
    event_poster = _get(client, event.url + "poster/")
    month_poster = _get(client, calendar.url + "deze-maand/")

    assert qr_texts(event_poster) == [f"{PUBLIC}{event.url}"]
    assert qr_texts(month_poster) == [f"{PUBLIC}{calendar.url}"]
    for html in (event_poster, month_poster):
        assert elsewhere(links(html)) == []


def test_agenda_feeds_link_to_the_public_address(public_site, client, calendar, event):
    feed = _get(client, calendar.url + "ical/")
    single = _get(client, event.url + "ical/")

    for ics in (feed, single):
        found = links(ics)
        assert f"{PUBLIC}{event.url}" in found
        assert elsewhere(found) == []
        assert "@wijk.example.nl" in ics  # the events' UIDs
        assert "testserver" not in ics


def test_printed_cards_and_attendee_lists_link_nowhere_else(
    public_site, client, volunteer, wop, event
):
    design = factories.make_card_design()
    card_page = factories.make_card_action(wop=wop)
    card = factories.make_action_request(
        wop=wop, card_design=design, status="approved", delivery="self"
    )
    occurrence = event.occurrences.get()
    factories.make_rsvp(occurrence=occurrence, email="truus@example.org")
    client.force_login(volunteer)

    pages = [
        _get(client, reverse(action_request_viewset.get_url_name("print"))),
        _get(
            client,
            card_page.url
            + card_page.reverse_subpage("printable_card", args=[card.print_token]),
        ),
        _get(
            client,
            reverse(attendance_viewset.get_url_name("print"), args=[occurrence.pk]),
        ),
    ]

    for html in pages:
        assert elsewhere(links(html)) == []
