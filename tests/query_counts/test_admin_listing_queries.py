"""Constant queries (issue 9): the volunteer's admin listings and dashboard make
as many database queries with 100 rows as with 10."""

import pytest
from django.urls import reverse

from events.admin.viewsets import event_rsvp_viewset
from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.buddies.viewsets import buddy_signup_viewset
from tests import factories
from tests.query_counts._counter import Counter
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset

pytestmark = pytest.mark.django_db


def _admin_listing(client, url_name, add_one):
    wop = factories.make_wop(title="Schollevaar", areas=["2906"])
    volunteer = factories.make_volunteer(wop, email="vrijwilliger@example.org")
    client.force_login(volunteer)
    context = {"wop": wop}

    def add(start, count):
        for number in range(start, start + count):
            add_one(context, number)

    return Counter(client, reverse(url_name), add)


def _add_buddy_signup(context, number):
    if "project" not in context:
        context["project"] = factories.make_buddy_project(parent=context["wop"])
    factories.make_buddy_signup(project=context["project"], name=f"Buur {number}")


def _add_action_request(context, number):
    if "design" not in context:
        context["design"] = factories.make_card_design()
    factories.make_action_request(
        wop=context["wop"], card_design=context["design"], name=f"Buur {number}"
    )


def _add_claim(context, number):
    factories.make_claim(wop=context["wop"], name=f"Buur {number}")


def _add_rsvp(context, number):
    if "occurrence" not in context:
        calendar = factories.make_event_index(parent=context["wop"])
        event = factories.make_event(index=calendar, signup_required=True)
        context["occurrence"] = event.occurrences.first()
    factories.make_rsvp(occurrence=context["occurrence"], name=f"Buur {number}")


def _add_everything(context, number):
    _add_buddy_signup(context, number)
    _add_action_request(context, number)
    _add_claim(context, number)
    _add_rsvp(context, number)


ADMIN_LISTINGS = {
    "buddy_signups": (buddy_signup_viewset.get_url_name("index"), _add_buddy_signup),
    "action_requests": (
        action_request_viewset.get_url_name("index"),
        _add_action_request,
    ),
    "welcome_pack_claims": (
        welcome_pack_claim_viewset.get_url_name("index"),
        _add_claim,
    ),
    "rsvps": (event_rsvp_viewset.get_url_name("index"), _add_rsvp),
    "dashboard": ("wagtailadmin_home", _add_everything),
}


@pytest.mark.parametrize("listing", ADMIN_LISTINGS)
def test_volunteer_admin_listing_queries_do_not_grow_with_its_rows(client, listing):
    url_name, add_one = ADMIN_LISTINGS[listing]
    counter = _admin_listing(client, url_name, add_one)

    counter.grow_to(10)
    few, _html = counter.queries()
    counter.grow_to(100)
    many, html = counter.queries()

    assert few == many, f"{listing}: {few} queries at 10, {many} at 100"
    assert "Buur 9" in html or listing == "dashboard"
