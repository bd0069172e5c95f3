"""Page review (WOP-controle) in the browser: a volunteer changes their
street page and submits it, the public page keeps the old text until a
coordinator approves, then shows the new one. Wagtail's admin needs
JavaScript, so these tabs have it."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    COORDINATOR,
    VOLUNTEER_SCHOLLEVAAR,
    axe_check,
    axe_list,
    log_in,
)

# Not the demo's street already in review (Dotterbloemstraat).
STREET_PAGE = "Kievitlaan en Grutto"
OLD_INTRO = "Samen schaken op donderdagmiddag, voor jong en oud."
NEW_INTRO = "Nieuw: elke vrijdagochtend wandelen we samen een rondje om de vijver."


def _street_intro(page) -> str:
    """The street page's lead text, as the public sees it."""
    page.goto("/")
    page.get_by_role("navigation", name="Wijken").get_by_role(
        "link", name="Schollevaar"
    ).click()
    page.get_by_role("link", name=STREET_PAGE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(STREET_PAGE)
    return page.locator("main .lead").first.inner_text()


def test_a_street_page_change_goes_live_after_review(page, new_page):
    log_in(page, VOLUNTEER_SCHOLLEVAAR)
    page.goto("/beheer/")  # the volunteer's bookmark
    # The dashboard's summary leads to the pages of their WOP.
    page.locator("main").get_by_role(
        "link", name=re.compile(r"Pagina's aangemaakt")
    ).click()
    page.get_by_role("link", name=STREET_PAGE).first.click()
    expect(page.get_by_role("textbox", name="Korte inleiding")).to_be_visible()
    axe_list(page, "page editor")
    intro = page.get_by_role("textbox", name="Korte inleiding")
    assert intro.input_value() == OLD_INTRO
    intro.fill(NEW_INTRO)
    # Wagtail's footer: "Bewaar concept" first, submitting under "Meer acties".
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Stuur door naar WOP-controle").click()
    expect(page.locator("body")).to_contain_text(
        f"'{STREET_PAGE}' is ter goedkeuring ingediend"
    )
    row = page.get_by_role("row").filter(has_text=STREET_PAGE)
    expect(row).to_contain_text(re.compile("ter goedkeuring", re.I))

    # In review: the public still reads the old text.
    resident = new_page()
    assert _street_intro(resident) == OLD_INTRO
    axe_check(resident, "street page")

    # The coordinator finds it awaiting review on the dashboard and approves.
    coordinator = new_page()
    log_in(coordinator, COORDINATOR)
    coordinator.goto("/beheer/")  # the coordinator's bookmark
    axe_list(coordinator, "coordinator dashboard")
    row = coordinator.get_by_role("row").filter(
        has=coordinator.get_by_role("link", name=STREET_PAGE)
    )
    row.get_by_role("button", name=re.compile("Meer opties|Acties|More")).click()
    row.get_by_role("button", name="Goedkeuren", exact=True).click()
    expect(coordinator.get_by_role("row").filter(has_text=STREET_PAGE)).to_have_count(0)

    # Live: the public page shows the new text.
    assert _street_intro(resident) == NEW_INTRO
