"""Every public form with JavaScript switched off: a correct form still gets
through to its thank-you page (and the buddy sign-up's withdrawal link works).

Each test reaches its form from the home page by visible links and labels, and
uses names and addresses of its own (the demo data is shared by a worker's
browser tests).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.forms import (
    CARD_SUBMIT,
    EMAIL_LOGIN,
    LOGIN_SUBMIT,
    consent,
    main,
    open_activity,
    open_wop,
    submit,
)


@pytest.fixture
def no_js(new_page):
    return new_page(javascript=False)


def thanked(page: Page) -> None:
    """The thank-you page: no errors, a heading that says it arrived."""
    expect(page.locator(".error-summary")).to_have_count(0)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(
        re.compile("bedankt|dank|ontvangen|aangemeld|gelukt|wachtlijst|klaar", re.I)
    )


def test_postcode_finders_work_without_javascript(no_js):
    page = no_js
    page.goto("/")
    finder = page.get_by_role("region", name="Zoek uw wijk")
    finder.get_by_label("Uw postcode").fill("2907 ka")
    finder.get_by_role("button").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schollevaar")

    page.goto("/")
    finder = page.get_by_role("region", name="Nieuw in de wijk?")
    finder.get_by_label("Uw postcode").fill("2903 pb")
    finder.get_by_role("button").click()
    expect(main(page).get_by_label("Uw naam")).to_be_visible()
    assert "/wijken/oostgaarde/welkomstpakket/" in page.url


def test_buddy_signup_and_withdrawal_work_without_javascript(no_js, demo_server):
    page = no_js
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name="Maatje in Schollevaar").click()
    form = main(page)
    form.get_by_label("Ik wil graag maatje zijn").check()
    form.get_by_label("Uw naam").fill("Zonder Script Maatje")
    form.get_by_label("E-mailadres", exact=True).fill(
        "zonder.script.maatje@example.org"
    )
    form.get_by_label("Postcode", exact=True).fill("2907 KD")
    form.get_by_role("radio", name="E-mail", exact=True).check()
    consent(page).check()
    submit(page, "Aanmelden")
    thanked(page)

    mail = demo_server.mails(to="zonder.script.maatje@example.org")[-1]
    body = mail.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://\S+/intrekken/\S+/", body).group(0)
    page.goto(link)
    submit(page, re.compile("trek mijn aanmelding in"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        re.compile("ingetrokken", re.I)
    )


def test_card_works_without_javascript(no_js):
    page = no_js
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name="Stuur een kaartje").click()
    form = main(page)
    form.get_by_role("radio").first.check()
    form.get_by_label("Wat wilt u op de kaart schrijven?").fill("Welkom in de straat!")
    form.get_by_label("Straat", exact=True).fill("Reigerhof")
    form.get_by_label("Huisnummer", exact=True).fill("33")
    form.get_by_label("Postcode", exact=True).fill("2907 KE")
    form.get_by_label("Uw naam", exact=False).fill("Zonder Script Kaartschrijver")
    form.get_by_label("Telefoonnummer", exact=True).fill("06-11 22 33 05")
    consent(page).check()
    submit(page, CARD_SUBMIT)
    thanked(page)


def test_treat_works_without_javascript(no_js):
    page = no_js
    open_wop(page, "Oostgaarde")
    main(page).get_by_role("link", name="Trakteer een buur").click()
    form = main(page)
    form.get_by_role("radio").first.check()
    form.get_by_label("Voor een buur").check()
    form.get_by_label("Straat", exact=True).fill("Kramsvogel")
    form.get_by_label("Huisnummer", exact=True).fill("73")
    form.get_by_label("Postcode", exact=True).fill("2903 PC")
    form.get_by_label("Uw naam").fill("Zonder Script Trakteerder")
    form.get_by_label("Telefoonnummer", exact=True).fill("06-11 22 33 06")
    consent(page).check()
    submit(page, re.compile("aanvragen"))
    thanked(page)


def test_wave_tile_works_without_javascript(no_js):
    page = no_js
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name="Vraag een zwaaitegel aan").click()
    form = main(page)
    form.get_by_label("Uw naam").fill("Zonder Script Zwaaier")
    form.get_by_label("Straat", exact=True).fill("Grutto")
    form.get_by_label("Huisnummer", exact=True).fill("95")
    form.get_by_label("Postcode", exact=True).fill("2907 KF")
    form.get_by_label("Telefoonnummer", exact=True).fill("06-11 22 33 07")
    consent(page).check()
    submit(page, re.compile("aanvragen"))
    thanked(page)


def test_welcome_pack_claim_works_without_javascript(no_js):
    page = no_js
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name=re.compile("welkomstpakket")).first.click()
    form = main(page)
    form.get_by_label("Uw naam").fill("Zonder Script Nieuwkomer")
    form.get_by_label("Straat", exact=True).fill("Tureluur")
    form.get_by_label("Huisnummer", exact=True).fill("97")
    form.get_by_label("Postcode", exact=True).fill("2907 KG")
    form.get_by_label("Wanneer bent u verhuisd?").fill("2026-01-15")
    form.get_by_label("Telefoonnummer", exact=True).fill("06-11 22 33 08")
    form.get_by_label("Bloemzaadjes").check()
    consent(page).check()
    submit(page, re.compile("aanvragen"))
    thanked(page)


def test_rsvp_works_without_javascript(no_js):
    page = no_js
    open_activity(page, "Oostgaarde", "Burenlunch")
    form = main(page)
    form.get_by_role("radio").first.check()
    form.get_by_label("Uw naam").fill("Zonder Script Luncher")
    form.get_by_label("Telefoonnummer", exact=True).fill("06-11 22 33 09")
    consent(page).check()
    submit(page, "Aanmelden")
    thanked(page)


def test_login_works_without_javascript(no_js):
    page = no_js
    page.goto("/")
    page.get_by_role("link", name="Inloggen").click()
    form = main(page)
    form.get_by_label(EMAIL_LOGIN).fill("vrijwilliger.oostgaarde@verbuurzamen.nl")
    form.get_by_label("Wachtwoord", exact=True).fill("Zwaaitegel-Capelle-2026")
    submit(page, LOGIN_SUBMIT)
    # A volunteer lands on the admin's dashboard, logged in ...
    expect(page.get_by_text("U bent ingelogd als")).to_be_visible()
    assert page.url.endswith("/beheer/")
    # ... and the site's own header offers the way out.
    page.goto("/")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
