"""A small site with one of every public page type of the plugin, for
throwing junk at: what each page reads from the query string, and a valid
sending of each form to change a few answers of."""

import pytest
from django.urls import reverse

from tests import factories
from tests.neighbourhood.actions.form_data import (
    card_answers,
    tile_answers,
    treat_answers,
)


@pytest.fixture(autouse=True)
def _junk_settings(settings, tmp_path):
    # Every post must reach the form, and card designs have images.
    settings.PUBLIC_FORM_RATE_LIMIT = 1_000_000
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def junk_site(wop, other_wop, buddy_project, city_buddy_project):
    """{name: (url, query-string filters, a valid post or None)}."""
    street = factories.make_street(wop=wop)
    wop_calendar = factories.make_event_index(parent=wop)
    city_calendar = factories.make_event_index(
        parent=factories.home_page(), title="Agenda"
    )
    event = factories.make_event(index=wop_calendar, capacity=10)
    occurrence = event.occurrences.first()
    design = factories.make_card_design()
    card = factories.make_card_action(wop=wop)
    treat = factories.make_treat_action(wop=wop)
    tile = factories.make_wave_tile_action(wop=wop)
    factories.make_tile_stock(wop=wop, quantity=1000)
    pack = factories.make_welcome_pack(wop=wop)
    present = factories.make_present(wop=wop, stock=1000)
    calendar_filters = ("start", "end", "audience", "kind", "page")
    return {
        "wop": (wop.url, (), None),
        "street": (street.url, (), None),
        "city calendar": (city_calendar.url, (*calendar_filters, "wop"), None),
        "wop calendar": (wop_calendar.url, calendar_filters, None),
        "month poster": (wop_calendar.url + "deze-maand/", ("maand",), None),
        "neighbourhood finder": (
            reverse("neighbourhood:find_neighbourhood"),
            ("postcode",),
            None,
        ),
        "welcome pack finder": (
            reverse("neighbourhood:find_welcome_pack"),
            ("postcode",),
            None,
        ),
        "buddy project": (
            buddy_project.url,
            (),
            factories.buddy_signup_form_data(),
        ),
        "city buddy project": (
            city_buddy_project.url,
            (),
            factories.buddy_signup_form_data(),
        ),
        "event": (event.url, (), factories.rsvp_form_data(occurrence=occurrence)),
        "card": (card.url, (), card_answers(design)),
        "treat": (treat.url, (), treat_answers(treat)),
        "wave tile": (tile.url, (), tile_answers()),
        "welcome pack": (
            pack.url,
            (),
            factories.welcome_claim_form_data(present=str(present.pk)),
        ),
    }
