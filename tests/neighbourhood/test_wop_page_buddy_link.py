"""A WOP's buddy projects are reached from its page: found missing by the
browser journeys (issue 8), where a buddy project had no link to it."""

import pytest

pytestmark = pytest.mark.django_db


def test_wop_page_links_its_buddy_project(client, wop, other_wop, buddy_project):
    page = client.get(wop.url).content.decode()
    other = client.get(other_wop.url).content.decode()

    assert "Doe mee" in page
    assert f'href="{buddy_project.url}"' in page
    assert buddy_project.intro in page
    assert f'href="{buddy_project.url}"' not in other


def test_unpublished_buddy_project_is_not_linked(client, wop, buddy_project):
    buddy_project.unpublish()

    assert f'href="{buddy_project.url}"' not in client.get(wop.url).content.decode()


def test_home_page_links_the_city_wide_buddy_projects(
    client, home, city_buddy_project, buddy_project
):
    page = client.get(home.url).content.decode()

    assert f'href="{city_buddy_project.url}"' in page
    # A WOP's own project is on that WOP's page, not on the home page.
    assert f'href="{buddy_project.url}"' not in page
