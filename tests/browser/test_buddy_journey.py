"""Issue 8: "A neighbour signs up for a buddy project with phone only; a
coordinator finds the best candidate and confirms the match." Also the same
sign-up done with the keyboard only.

Other browser tests share the seeded demo, so the people here are new: in
"Maatje in Schollevaar" the demo's one available buddy is Truus van der
Linden (chess, Tuesday and Thursday afternoons, Grutto); a second, weaker
buddy signs up here so the ranking has something to rank.
"""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    COORDINATOR,
    axe_check,
    axe_list,
    log_in,
    screenshots,
)
from tests.browser.keyboard import focused, press_and_load, skip_to_content, tab_to

PROJECT = "Maatje in Schollevaar"
CONSENT = re.compile("Ik geef toestemming")


def _reach_project(page, *, postcode: str) -> None:
    """From the home page, by postcode, to the WOP and its buddy project."""
    page.goto("/")
    finder = page.get_by_role("region", name="Zoek uw wijk")
    finder.get_by_label("Postcode").fill(postcode)
    finder.get_by_role("button").click()
    page.get_by_role("link", name=PROJECT).click()
    assert page.get_by_role("heading", level=1).inner_text() == PROJECT


def _sign_up(
    page, *, role, name, phone="", email="", contact, street, postcode, choices
):
    page.get_by_role("radio", name=role).check()
    page.get_by_label("Uw naam").fill(name)
    page.get_by_label("Telefoonnummer").fill(phone)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Straat (niet verplicht)").fill(street)
    page.get_by_label("Postcode").fill(postcode)
    page.get_by_role("radio", name=contact, exact=True).check()
    for choice in choices:
        page.get_by_role("checkbox", name=choice, exact=True).check()
    page.get_by_role("checkbox", name=CONSENT).check()
    page.get_by_role("region", name="Aanmelden").get_by_role("button").last.click()


def test_phone_only_neighbour_is_matched_with_the_best_buddy(page, new_page):
    # A second neighbour who wants to be a buddy, with less in common.
    other = new_page()
    _reach_project(other, postcode="2907 AC")
    _sign_up(
        other,
        role="Ik wil graag maatje zijn",
        name="Sem de Wit",
        email="sem.dewit@example.org",
        contact="E-mail",
        street="Tureluur",
        postcode="2907 AC",
        choices=["Wandelen", "zaterdag middag", "Nederlands"],
    )
    assert "Bedankt" in other.get_by_role("heading", level=1).inner_text()

    # The neighbour looking for a buddy, by phone only.
    _reach_project(page, postcode="2907 KG")
    axe_check(page, "buddy project page")
    screenshots(page, "buddy-project")

    page.get_by_role("region", name="Aanmelden").get_by_role("button").last.click()
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("link", name="Vul uw naam in.")).to_be_visible()
    axe_check(page, "buddy sign-up form with errors")

    _sign_up(
        page,
        role="Ik zoek een maatje",
        name="Gijs Hoekstra",
        phone="010-450 99 21",
        contact="Bellen",
        street="Grutto",
        postcode="2907 KG",
        choices=[
            "Schaken of een spelletje",
            "Wandelen",
            "dinsdag middag",
            "donderdag middag",
            "Nederlands",
        ],
    )
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Bedankt voor uw aanmelding"
    )
    # No e-mail address: the page says so, instead of promising a mail.
    expect(page.get_by_role("heading", name="Geen e-mail")).to_be_visible()
    axe_check(page, "buddy sign-up thank-you page")

    # The coordinator finds the new sign-up from the dashboard.
    coordinator = new_page()
    log_in(coordinator, COORDINATOR)
    coordinator.goto("/beheer/")  # their bookmark
    axe_list(coordinator, "coordinator dashboard")
    coordinator.get_by_role("region", name="Te doen per wijk").get_by_role(
        "region", name="Schollevaar"
    ).get_by_role("link", name=re.compile("Nieuwe aanmeldingen maatjes")).click()
    coordinator.get_by_role("link", name="Gijs Hoekstra", exact=True).click()
    coordinator.get_by_role("link", name="Zoek een maatje").click()

    # The best fit on top, with the reasons why; the weaker one below.
    rows = coordinator.get_by_role("table", name="Mogelijke maatjes").get_by_role("row")
    best = rows.nth(1)
    assert best.get_by_role("cell").first.inner_text() == "Truus van der Linden"
    reasons = best.get_by_role("listitem").all_inner_texts()
    assert "2 gedeelde interesses: schaken of een spelletje, wandelen" in reasons
    assert "2 momenten samen beschikbaar" in reasons
    assert "wonen in dezelfde straat" in reasons
    names = [row.get_by_role("cell").first.inner_text() for row in rows.all()[1:]]
    assert names.index("Sem de Wit") > 0
    axe_list(coordinator, "buddy candidates")

    best.get_by_role("button", name=re.compile("Koppelen")).click()

    assert "Gijs Hoekstra en Truus van der Linden zijn gekoppeld" in (
        coordinator.get_by_role("status").first.inner_text()
    )
    assert coordinator.get_by_role(
        "link", name="Gijs Hoekstra – Truus van der Linden"
    ).is_visible()


def test_buddy_sign_up_with_the_keyboard_only(page):
    keys = page.keyboard
    page.goto("/")
    skip_to_content(page)
    tab_to(page, "Uw postcode")
    keys.type("2902 AK")
    press_and_load(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Middelwatering"

    skip_to_content(page)
    tab_to(page, "Taalmaatjes Middelwatering")
    press_and_load(page)
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Taalmaatjes Middelwatering"
    )

    # Nothing chosen yet in a group: Tab lands on its first choice, Space
    # takes it.
    tab_to(page, "Ik zoek een maatje")
    keys.press("Space")
    tab_to(page, "Uw naam")
    keys.type("Lina Toetsenbord")
    tab_to(page, "Telefoonnummer")
    keys.type("06-5566 7788")
    tab_to(page, "Postcode")
    keys.type("2902 AK")
    tab_to(page, "Bellen")
    keys.press("Space")
    tab_to(page, "Nederlands oefenen")
    keys.press("Space")
    tab_to(page, "woensdag middag")
    keys.press("Space")
    # Back one step with Shift+Tab, and on again.
    tab_to(page, "dinsdag middag", key="Shift+Tab")
    keys.press("Space")
    tab_to(page, re.compile("^Ik geef toestemming"))
    keys.press("Space")
    assert focused(page)["checked"]
    tab_to(page, "Aanmelden")
    press_and_load(page)

    assert page.get_by_role("heading", level=1).inner_text() == (
        "Bedankt voor uw aanmelding"
    )
