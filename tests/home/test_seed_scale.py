"""``manage.py seed_scale``: a big data set inserted in bulk that behaves like
one made through the site (valid page tree, pages that render, scoped admin)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import Page

from events.models import EventIndexPage, EventOccurrence, EventPage, EventRSVP
from events.recurrence import occurrence_dates
from home.demo.scale.wops import VOLUNTEER_PASSWORD
from home.models import User
from neighbourhood.buddies.viewsets import buddy_signup_viewset
from neighbourhood.models import (
    ActionRequest,
    BuddySignup,
    NeighbourhoodPage,
    PostcodeArea,
    StreetPage,
)
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset
from welcome_pack.models import WelcomePackClaim

SMALL = {"wops": 3, "streets": 20, "events": 30, "submissions": 200, "seed": 7}
KINDS = (BuddySignup, ActionRequest, WelcomePackClaim, EventRSVP)


def seed(**changes) -> str:
    out = io.StringIO()
    call_command("seed_scale", stdout=out, **(SMALL | changes))
    return out.getvalue()


@pytest.fixture
def scale(home):
    return seed()


def test_makes_the_numbers_asked_for_and_prints_timings(scale):
    assert NeighbourhoodPage.objects.count() == 3
    assert StreetPage.objects.count() == 20
    assert EventPage.objects.count() == 30
    assert sum(kind.objects.count() for kind in KINDS) == 200
    assert all(kind.objects.exists() for kind in KINDS)
    assert "total" in scale and " s\n" in scale
    assert VOLUNTEER_PASSWORD in scale


def test_page_tree_is_valid(scale):
    assert all(problem == [] for problem in Page.find_problems())
    for wop in NeighbourhoodPage.objects.all():
        assert wop.get_children().count() == wop.numchild
        for street in StreetPage.objects.child_of(wop):
            assert street.url_path == f"{wop.url_path}{street.slug}/"


def test_every_activity_has_its_dates(scale):
    for event in EventPage.objects.all():
        stored = set(event.occurrences.values_list("date", flat=True))
        assert stored == set(occurrence_dates(event, exclude_exceptions=False))
        cancelled = set(
            event.occurrences.filter(is_cancelled=True).values_list("date", flat=True)
        )
        assert cancelled == event.exception_dates()
    assert EventOccurrence.objects.filter(wop__isnull=False).exists()


def test_pages_render(client, home, scale):
    wop = NeighbourhoodPage.objects.first()
    street = StreetPage.objects.child_of(wop).first()
    calendar = EventIndexPage.objects.child_of(wop).get()
    event = EventPage.objects.child_of(calendar).first()
    city_calendar = EventIndexPage.objects.child_of(home).get()
    for page, text in (
        (wop, wop.title),
        (street, street.title),
        (calendar, calendar.title),
        (event, event.title),
        (city_calendar, city_calendar.title),
    ):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert text in response.content.decode()
    assert street.title in client.get(wop.url).content.decode()


def test_every_submission_is_in_the_area_of_its_wop(scale):
    for kind in KINDS:
        for submission in kind.objects.all():
            if submission.anonymised_at:
                assert submission.name == "" and len(submission.postcode) == 4
                area = PostcodeArea.objects.get(page_id=submission.wop_id)
                assert area.first.startswith(submission.postcode)
            else:
                assert (
                    PostcodeArea.objects.covering(submission.postcode)
                    .filter(page_id=submission.wop_id)
                    .exists()
                ), submission.postcode


def test_a_volunteer_sees_only_their_own_wops_submissions(client, scale):
    wop, other = NeighbourhoodPage.objects.all()[:2]
    volunteer = User.objects.get(verbuurzamen_profile__home_wop=wop)
    assert client.login(email=volunteer.email, password=VOLUNTEER_PASSWORD)
    for viewset, model in (
        (buddy_signup_viewset, BuddySignup),
        (welcome_pack_claim_viewset, WelcomePackClaim),
    ):
        response = client.get(reverse(viewset.get_url_name("index")))
        assert response.status_code == 200
        html = response.content.decode()
        own = model.objects.filter(wop=wop).order_by("-created_at").first()
        theirs = model.objects.filter(wop=other).first()
        edit = viewset.get_url_name("edit")
        assert reverse(edit, args=[own.pk]) in html
        assert reverse(edit, args=[theirs.pk]) not in html
        assert client.get(reverse(edit, args=[theirs.pk])).status_code == 404


def test_refuses_a_second_run_without_force_and_adds_one_with_it(scale):
    with pytest.raises(CommandError, match="--force"):
        seed()
    seed(force=True)
    assert NeighbourhoodPage.objects.count() == 6
    assert StreetPage.objects.count() == 40
    assert all(problem == [] for problem in Page.find_problems())
    # The same seed draws the same content: the second set's streets and
    # activities are named as the first set's.
    first, second = (
        list(
            EventPage.objects.filter(path__startswith=wop.path)
            .order_by("path")
            .values_list("title", flat=True)
        )
        for wop in NeighbourhoodPage.objects.order_by("path")[::3]
    )
    assert first == second
    areas = list(PostcodeArea.objects.values_list("first", flat=True))
    assert len(areas) == len(set(areas))
