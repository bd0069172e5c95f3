"""Steps the action, event and review journeys share: signing in, reading a
street's wave-tile count, axe on Wagtail's admin (listed, never failed) and
screenshots at desktop and phone width."""

import re

from tests.browser.conftest import screenshot

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def sign_in(page, login: tuple[str, str]) -> None:
    """Log in through the site's login page. The labels are matched loosely:
    the Dutch wording of allauth's form is being reworded ("E-mail" or
    "E-mailadres", "Aanmelden" or "Inloggen")."""
    address, password = login
    page.goto("/account/login/")
    page.get_by_label(re.compile(r"^\s*E-mail")).fill(address)
    page.get_by_label(re.compile(r"^\s*Wachtwoord")).fill(password)
    page.get_by_role("button", name=re.compile(r"^(Inloggen|Aanmelden)$")).click()
    page.wait_for_url(lambda url: "/account/login/" not in url)


def tile_count(page, street: str) -> int:
    """The public count of placed wave tiles in ``street``, 0 when the street
    is not listed."""
    counts = page.get_by_role("region", name="Hier liggen al zwaaitegels")
    if not counts.count():
        return 0
    for line in counts.get_by_role("listitem").all_inner_texts():
        name, _, number = line.partition(":")
        if name.strip() == street:
            return int(number.split()[0])
    return 0


def axe_list(page, name: str) -> list[str]:
    """axe on a page of Wagtail's admin: its own markup is not ours to fix,
    so every violation is listed (printed), none fails the test."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    found = [f"{v['id']} ({v['impact']})" for v in violations]
    if found:
        print(f"axe (admin, listed only), {name}: {', '.join(found)}")
    return found


def screenshots(page, name: str) -> None:
    """``<name>-desktop.png`` and ``<name>-phone.png``, back at desktop size."""
    page.set_viewport_size(DESKTOP)
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(DESKTOP)
