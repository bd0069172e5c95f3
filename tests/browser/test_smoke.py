"""The demo site comes up in the browser at all: the ground the journeys
stand on."""

from tests.browser.conftest import axe_check


def test_home_page_opens_and_finds_a_neighbourhood_by_postcode(page):
    page.goto("/")

    assert page.locator("html").get_attribute("lang") == "nl"
    axe_check(page, "home")
    page.get_by_label("Postcode").first.fill("2907 AB")
    page.get_by_role("button", name="Zoek").first.click()

    assert "Schollevaar" in page.locator("h1").inner_text()
