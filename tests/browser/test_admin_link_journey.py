"""A volunteer logs in and lands on the admin's dashboard; on the public site
the header's "Beheer" link leads back there, and an anonymous visitor of the
same page sees no such link."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import VOLUNTEER_SCHOLLEVAAR, log_in


def test_a_volunteer_lands_on_the_dashboard_and_finds_the_way_back(new_page):
    volunteer = new_page()
    log_in(volunteer, VOLUNTEER_SCHOLLEVAAR)

    expect(volunteer).to_have_url(re.compile(r"/beheer/$"))

    volunteer.goto("/")
    beheer = volunteer.get_by_role("banner").get_by_role("link", name="Beheer")
    expect(beheer).to_be_visible()
    beheer.focus()
    volunteer.keyboard.press("Enter")
    expect(volunteer).to_have_url(re.compile(r"/beheer/$"))

    resident = new_page()
    resident.goto("/")
    resident.goto("/")  # from the page cache the second time
    expect(resident.get_by_role("link", name="Beheer")).to_have_count(0)
