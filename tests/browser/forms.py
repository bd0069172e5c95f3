"""Reaching and filling the public forms in the browser: a WOP's page or an
activity by its visible links, the main region, the consent box and the submit
button, and the form texts matched loosely."""

import re

from playwright.sync_api import Page, expect

# Texts that are being reworded while this is written: matched loosely.
CARD_SUBMIT = re.compile("versturen|sturen", re.I)
LOGIN_SUBMIT = re.compile("^(Aanmelden|Inloggen)$")
SIGNUP_SUBMIT = re.compile("Registreren|Account aanmaken")
EMAIL_LOGIN = re.compile("E-mail")
PASSWORD_AGAIN = re.compile("Wachtwoord .*(bevestigen|nog een keer)")


def main(page: Page):
    return page.get_by_role("main")


def submit(page: Page, name) -> None:
    main(page).get_by_role("button", name=name).click()
    page.wait_for_load_state()


def open_wop(page: Page, wop: str) -> None:
    page.goto("/")
    page.get_by_role("navigation").get_by_role(
        "link", name=wop, exact=True
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(wop)


def consent(page: Page):
    return main(page).get_by_label(re.compile("toestemming"))


def open_activity(page: Page, wop: str, title: str) -> None:
    open_wop(page, wop)
    main(page).get_by_role("link", name=re.compile("Meer activiteiten")).click()
    main(page).get_by_role("link", name=title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
