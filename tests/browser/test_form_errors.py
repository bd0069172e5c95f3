"""Every public form, the way a person meets it when sent with a mistake: the
message stands next to the field, focus is on the error summary and nothing
typed is lost.

Each test reaches its form from the home page by visible links and labels, and
uses names and addresses of its own (the demo data is shared by a worker's
browser tests).
"""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_check
from tests.browser.forms import (
    CARD_SUBMIT,
    EMAIL_LOGIN,
    LOGIN_SUBMIT,
    PASSWORD_AGAIN,
    SIGNUP_SUBMIT,
    consent,
    main,
    open_activity,
    open_wop,
    submit,
)

# An error message belongs to its field when the field's aria-describedby
# points at it, or when it stands inside the field's own wrapper (the
# ``.field`` div or the fieldset of a group of radios or checkboxes).
FIELD_ERROR_JS = """(field) => {
    const texts = [];
    for (const id of (field.getAttribute('aria-describedby') || '').split(/\\s+/)) {
        const described = id && document.getElementById(id);
        if (described && described.matches('.field__errors, .field__error')) {
            texts.push(described.innerText.trim());
        }
    }
    if (!texts.length) {
        const wrapper = field.closest('.field, fieldset');
        const errors = wrapper && wrapper.querySelector('.field__errors');
        if (errors) texts.push(errors.innerText.trim());
    }
    return texts.join(' ');
}"""

SUMMARY_HAS_FOCUS_JS = """() => {
    const active = document.activeElement;
    return !!active && active.classList.contains('error-summary')
        && active.getAttribute('tabindex') === '-1';
}"""


def assert_error_state(page: Page, name: str, field, *, kept: dict) -> str:
    """The form came back with errors the way every form should; returns the
    field's error text."""
    # autofocus on the summary: the browser moves focus there after loading.
    page.wait_for_function(SUMMARY_HAS_FOCUS_JS, timeout=5_000)
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    message = field.evaluate(FIELD_ERROR_JS)
    assert message, f"{name}: no error message next to the field"
    # The summary repeats the message (and links to the field).
    expect(summary).to_contain_text(message.removeprefix("Fout:").strip()[:20])
    expect(field).to_have_attribute("aria-invalid", "true")
    for locator, value in kept.items():
        if value is True:
            expect(locator).to_be_checked()
        else:
            expect(locator).to_have_value(value)
    axe_check(page, f"{name} (with errors)")
    return message


def test_postcode_finder_keeps_a_bad_postcode_and_says_what_is_wrong(page):
    page.goto("/")
    finder = page.get_by_role("region", name="Zoek uw wijk")
    finder.get_by_label("Uw postcode").fill("29077")
    finder.get_by_role("button").click()
    page.wait_for_load_state()

    postcode = main(page).get_by_label("Uw postcode")
    message = assert_error_state(
        page, "postcode finder", postcode, kept={postcode: "29077"}
    )
    assert "postcode" in message.lower()


def test_welcome_pack_finder_keeps_a_bad_postcode(page):
    page.goto("/")
    finder = page.get_by_role("region", name="Nieuw in de wijk?")
    finder.get_by_label("Uw postcode").fill("AB 2907")
    finder.get_by_role("button").click()
    page.wait_for_load_state()

    postcode = main(page).get_by_label("Uw postcode")
    assert_error_state(
        page, "welcome pack finder", postcode, kept={postcode: "AB 2907"}
    )


def test_buddy_signup_without_a_name(page):
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name="Maatje in Schollevaar").click()
    form = main(page)
    form.get_by_label("Ik zoek een maatje").check()
    form.get_by_label("Telefoonnummer", exact=True).fill("06-11 22 33 01")
    form.get_by_label("Postcode", exact=True).fill("2907 KA")
    form.get_by_label("Bellen").check()
    form.get_by_label("Wandelen").check()
    consent(page).check()
    submit(page, "Aanmelden")

    assert_error_state(
        page,
        "buddy sign-up",
        form.get_by_label("Uw naam"),
        kept={
            form.get_by_label("Telefoonnummer", exact=True): "06-11 22 33 01",
            form.get_by_label("Postcode", exact=True): "2907 KA",
            form.get_by_label("Ik zoek een maatje"): True,
            form.get_by_label("Bellen"): True,
            form.get_by_label("Wandelen"): True,
        },
    )


def test_card_with_a_bad_postcode(page):
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name="Stuur een kaartje").click()
    form = main(page)
    form.get_by_role("radio").first.check()
    message = "Fijn dat je naast ons woont! Groetjes van de overburen."
    form.get_by_label("Wat wilt u op de kaart schrijven?").fill(message)
    form.get_by_label("Straat", exact=True).fill("Reigerhof")
    form.get_by_label("Huisnummer", exact=True).fill("31")
    form.get_by_label("Postcode", exact=True).fill("2907")
    form.get_by_label("E-mailadres", exact=True).fill("kaart.fout@example.org")
    consent(page).check()
    submit(page, CARD_SUBMIT)

    postcode = form.get_by_label("Postcode", exact=True)
    assert_error_state(
        page,
        "card",
        postcode,
        kept={
            postcode: "2907",
            form.get_by_label("Wat wilt u op de kaart schrijven?"): message,
            form.get_by_label("Straat", exact=True): "Reigerhof",
            form.get_by_label("E-mailadres", exact=True): "kaart.fout@example.org",
        },
    )


def test_treat_without_a_name(page):
    open_wop(page, "Oostgaarde")
    main(page).get_by_role("link", name="Trakteer een buur").click()
    form = main(page)
    form.get_by_role("radio").first.check()
    form.get_by_label("Voor een buur").check()
    form.get_by_label("Straat", exact=True).fill("Koperwiek")
    form.get_by_label("Huisnummer", exact=True).fill("71")
    form.get_by_label("Postcode", exact=True).fill("2903 PB")
    form.get_by_label("Telefoonnummer", exact=True).fill("06-11 22 33 02")
    consent(page).check()
    submit(page, re.compile("aanvragen"))

    assert_error_state(
        page,
        "treat",
        form.get_by_label("Uw naam"),
        kept={
            form.get_by_label("Straat", exact=True): "Koperwiek",
            form.get_by_label("Huisnummer", exact=True): "71",
            form.get_by_label("Telefoonnummer", exact=True): "06-11 22 33 02",
            form.get_by_label("Voor een buur"): True,
        },
    )


def test_wave_tile_without_consent(page):
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name="Vraag een zwaaitegel aan").click()
    form = main(page)
    form.get_by_label("Uw naam").fill("Tegel Zonderja")
    form.get_by_label("Straat", exact=True).fill("Kievitlaan")
    form.get_by_label("Huisnummer", exact=True).fill("91")
    form.get_by_label("Postcode", exact=True).fill("2907 KB")
    form.get_by_label("Telefoonnummer", exact=True).fill("06-11 22 33 03")
    submit(page, re.compile("aanvragen"))

    assert_error_state(
        page,
        "wave tile",
        consent(page),
        kept={
            form.get_by_label("Uw naam"): "Tegel Zonderja",
            form.get_by_label("Huisnummer", exact=True): "91",
            form.get_by_label("Postcode", exact=True): "2907 KB",
        },
    )


def test_welcome_pack_claim_without_moving_date(page):
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name=re.compile("welkomstpakket")).first.click()
    form = main(page)
    form.get_by_label("Uw naam").fill("Nieuwe Bewoner Zonderdatum")
    form.get_by_label("Straat", exact=True).fill("Tureluur")
    form.get_by_label("Huisnummer", exact=True).fill("93")
    form.get_by_label("Postcode", exact=True).fill("2907 KC")
    form.get_by_label("E-mailadres", exact=True).fill("zonder.datum@example.org")
    form.get_by_label("Bloemzaadjes").check()
    consent(page).check()
    submit(page, re.compile("aanvragen"))

    assert_error_state(
        page,
        "welcome pack claim",
        form.get_by_label("Wanneer bent u verhuisd?"),
        kept={
            form.get_by_label("Uw naam"): "Nieuwe Bewoner Zonderdatum",
            form.get_by_label("Postcode", exact=True): "2907 KC",
            form.get_by_label("E-mailadres", exact=True): "zonder.datum@example.org",
            form.get_by_label("Bloemzaadjes"): True,
        },
    )


def test_rsvp_without_a_name(page):
    open_activity(page, "Oostgaarde", "Burenlunch")
    form = main(page)
    form.get_by_role("radio").first.check()
    form.get_by_label("Met hoeveel personen komt u?").fill("2")
    form.get_by_label("E-mailadres", exact=True).fill("rsvp.zondernaam@example.org")
    consent(page).check()
    submit(page, "Aanmelden")

    assert_error_state(
        page,
        "RSVP",
        form.get_by_label("Uw naam"),
        kept={
            form.get_by_label("Met hoeveel personen komt u?"): "2",
            form.get_by_label("E-mailadres", exact=True): "rsvp.zondernaam@example.org",
        },
    )


def test_calendar_filter_with_end_before_start(page):
    open_wop(page, "Schollevaar")
    main(page).get_by_role("link", name=re.compile("Meer activiteiten")).click()
    # The filters sit in a <details>, closed until asked for.
    main(page).locator("summary").first.click()
    main(page).get_by_label(re.compile(r"\bVan\b")).fill("2030-03-10")
    main(page).get_by_label(re.compile("Tot en met")).fill("2030-03-01")
    main(page).get_by_label("Ouderen").check()
    submit(page, re.compile("zoeken", re.I))

    end = main(page).get_by_label(re.compile("Tot en met"))
    assert_error_state(
        page,
        "calendar filter",
        end,
        kept={
            main(page).get_by_label(re.compile(r"\bVan\b")): "2030-03-10",
            end: "2030-03-01",
            main(page).get_by_label("Ouderen"): True,
        },
    )


def test_login_without_password(page):
    page.goto("/")
    page.get_by_role("link", name="Inloggen").click()
    form = main(page)
    form.get_by_label(EMAIL_LOGIN).fill("iemand@example.org")
    submit(page, LOGIN_SUBMIT)

    email = form.get_by_label(EMAIL_LOGIN)
    assert_error_state(
        page,
        "login",
        form.get_by_label("Wachtwoord", exact=True),
        kept={email: "iemand@example.org"},
    )


def test_account_signup_with_passwords_that_differ(page):
    page.goto("/")
    page.get_by_role("link", name="Inloggen").click()
    main(page).get_by_role("link", name=re.compile("registreer|account", re.I)).click()
    form = main(page)
    form.get_by_label(EMAIL_LOGIN).fill("nieuw.account@example.org")
    form.get_by_label("Wachtwoord", exact=True).fill("Dotterbloem-Straat-2026")
    form.get_by_label(PASSWORD_AGAIN).fill("Boterbloem-Straat-2026")
    submit(page, SIGNUP_SUBMIT)

    assert_error_state(
        page,
        "account sign-up",
        form.get_by_label(PASSWORD_AGAIN),
        kept={form.get_by_label(EMAIL_LOGIN): "nieuw.account@example.org"},
    )
