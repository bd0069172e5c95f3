"""Where a host may put the neighbourhood index, and the city-wide buddy
projects and calendar: under the page types it names in
VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES, or under any page when it names none."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from events.models import EventIndexPage
from neighbourhood.models import BuddyProjectPage, NeighbourhoodIndexPage
from tests.factories import make_user

INDEX_PAGES = [NeighbourhoodIndexPage, BuddyProjectPage, EventIndexPage]


@pytest.fixture
def host_page(db):
    """A page of a host that has no page types of its own."""
    root = Page.get_first_root_node()
    return root.add_child(instance=Page(title="Gemeente", slug="gemeente"))


@pytest.mark.parametrize("page_class", INDEX_PAGES)
def test_without_the_setting_index_pages_go_under_any_page(
    settings, host_page, page_class
):
    settings.VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES = None

    assert page_class.can_create_at(host_page)


@pytest.mark.parametrize("page_class", INDEX_PAGES)
def test_with_the_setting_index_pages_go_only_under_the_named_types(
    settings, home, host_page, page_class
):
    settings.VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]

    assert page_class.can_create_at(home)
    assert not page_class.can_create_at(host_page)


def test_buddy_projects_and_calendars_go_in_a_wop_whatever_the_setting(settings, wop):
    settings.VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES = []

    assert BuddyProjectPage.can_create_at(wop)
    assert EventIndexPage.can_create_at(wop)
    assert not NeighbourhoodIndexPage.can_create_at(wop)


def test_an_editor_adds_the_neighbourhood_index_under_a_host_page(
    client, settings, host_page
):
    settings.VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES = None
    client.force_login(make_user(is_superuser=True))
    add = reverse(
        "wagtailadmin_pages:add",
        args=["neighbourhood", "neighbourhoodindexpage", host_page.pk],
    )

    response = client.post(
        add,
        {
            "title": "Wijken",
            "slug": "wijken",
            "intro": rich_text(""),
        },
    )

    assert response.status_code == 302
    assert NeighbourhoodIndexPage.objects.child_of(host_page).exists()


def test_a_setting_naming_no_page_type_is_a_system_check_error(settings, db):
    settings.VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES = ["home.NoSuchPage"]

    errors = NeighbourhoodIndexPage.check()

    assert "wagtailcore.E002" in [error.id for error in errors]
