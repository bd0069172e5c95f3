"""``manage.py seed_demo``: a complete demo site, and nothing doubled on a rerun."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision, Site

from home.demo import content
from home.models import SiteSettings, StandardPage, User
from neighbourhood.models import (
    BuddyProjectPage,
    KeyFigure,
    NeighbourhoodPage,
    PrivacySettings,
    profile_for,
)
from neighbourhood.scoping.access import wop_group
from neighbourhood.wops.selectors import wop_for_postcode
from tests.home._seed_demo import counts, expected_counts, seed
from tests.home._seed_demo_checks import (
    assert_actions_complete,
    assert_buddies_complete,
    assert_events_complete,
    assert_welcome_packs_complete,
)


def assert_demo_complete() -> None:
    assert NeighbourhoodPage.objects.live().count() == 4
    assert not Page.objects.not_live().exists()
    assert not KeyFigure.objects.filter(photo__isnull=True).exists()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    privacy = StandardPage.objects.get(slug="privacy")
    assert privacy.live
    privacy_settings = PrivacySettings.for_site(site_settings.site)
    assert privacy_settings.privacy_page.specific == privacy
    assert site_settings.accessibility_page.slug == "toegankelijkheid"
    assert site_settings.organisation_name == "Verbuurzamen Capelle"

    for data in content.WOPS:
        wop = NeighbourhoodPage.objects.get(slug=data.slug)
        volunteer = User.objects.get(email=data.volunteer.email)
        assert list(volunteer.groups.all()) == [wop_group(wop)]
        assert profile_for(volunteer).home_wop == wop
        assert volunteer.get_full_name()
        assert wop_for_postcode(postcode=data.example_postcode) == wop
    assert wop_for_postcode(postcode="2903 MZ").slug == "middelwatering"
    assert wop_for_postcode(postcode="2903 NA").slug == "oostgaarde"
    assert wop_for_postcode(postcode=content.UNCOVERED_POSTCODE) is None

    coordinator = User.objects.get(email=content.COORDINATOR.email)
    assert [group.name for group in coordinator.groups.all()] == ["Coordinators"]
    assert User.objects.get(email=content.ADMIN.email).is_superuser
    assert_buddies_complete()
    assert_events_complete()
    assert_actions_complete()


def assert_output_lists_the_logins(output: str) -> None:
    assert "http://127.0.0.1:8000/beheer/" in output
    assert content.UNCOVERED_POSTCODE in output
    for login in (content.ADMIN, content.COORDINATOR) + tuple(
        wop.volunteer for wop in content.WOPS
    ):
        assert login.email in output
        assert login.password in output
        user = User.objects.get(email=login.email)
        assert user.check_password(login.password)
        validate_password(login.password, user)
        assert EmailAddress.objects.get(user=user, primary=True).verified


@pytest.mark.django_db
def test_seed_builds_the_demo_and_a_second_run_duplicates_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    first_output = seed()
    after_first = counts()
    log_entries = (PageLogEntry.objects.count(), ModelLogEntry.objects.count())
    second_output = seed()

    assert after_first == expected_counts()
    assert counts() == after_first
    assert (PageLogEntry.objects.count(), ModelLogEntry.objects.count()) == (
        log_entries
    )
    assert_demo_complete()
    assert_output_lists_the_logins(first_output)
    assert_output_lists_the_logins(second_output)
    assert (
        f"Buddy projects ({len(content.BUDDY_SIGNUPS)} sign-ups, "
        f"{len(content.BUDDY_MATCHES)} matches, 4 follow-ups due)" in first_output
    )
    assert content.HANS.name in first_output
    assert (
        f"Activities ({len(content.EVENTS)} activities with "
        f"{after_first['activity dates']} dates, "
        f"{after_first['event RSVPs']} RSVPs)" in first_output
    )
    assert "2 on the waiting list, 1 to call (Hans van Leeuwen)" in first_output
    assert (
        f"Neighbour actions ({len(content.ACTION_REQUESTS)} requests)" in first_output
    )
    assert f"Welcome packs ({len(content.WELCOME_CLAIMS)} claims)" in first_output
    assert_welcome_packs_complete()


@pytest.mark.django_db
def test_seed_restores_a_buddy_projects_audiences(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seed()
    project = BuddyProjectPage.objects.get(slug="jongerenmaatje")
    project.audiences = []
    project.save_revision().publish()
    revisions = Revision.objects.count()

    seed()
    seed()

    project = BuddyProjectPage.objects.get(slug="jongerenmaatje")
    assert [audience.slug for audience in project.audiences.all()] == ["young-people"]
    assert Revision.objects.count() == revisions + 1
