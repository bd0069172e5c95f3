"""Neighbour actions in the browser: a compliment card delivered by a
volunteer, a wave tile that shows up in its street's public count, and the
treat page."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    VOLUNTEER_SCHOLLEVAAR,
    axe_check,
    axe_list,
    log_in,
    screenshots,
)

# This journey's own people and addresses (the demo data is shared).
CARD_SENDER = "Lotte Verhagen"
CARD_SENDER_EMAIL = "lotte.verhagen@example.com"
CARD_MESSAGE = "Dank je wel voor het water geven van mijn planten! Lotte van 25"
CARD_ADDRESS = ("Grutto", "23", "2906 GT")
TILE_NEIGHBOUR = "Bram Olthof"
TILE_ADDRESS = ("Tureluur", "17", "2907 TL")


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


def _open_action(page, wop: str, action: str) -> None:
    """From the home page, by the menu, to one of a WOP's actions."""
    page.goto("/")
    page.get_by_role("navigation", name="Wijken").get_by_role("link", name=wop).click()
    page.get_by_role("link", name=action).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(action)


def _handle(admin, *, queue_row: str, address: str) -> None:
    """From the admin dashboard, through the queue, to one request's
    "Afhandelen" page."""
    admin.goto("/beheer/")  # the volunteer's bookmark
    admin.get_by_role("link", name=re.compile(queue_row)).first.click()
    row = admin.get_by_role("row").filter(has_text=address)
    row.get_by_role("link", name="Afhandelen").click()


def _take_step(admin, step: str, status: str) -> None:
    admin.get_by_role("button", name=step, exact=True).click()
    expect(admin.locator("main")).to_contain_text(status)


def test_a_compliment_card_is_approved_printed_and_delivered(
    page, new_page, demo_server
):
    _open_action(page, "Schollevaar", "Stuur een kaartje")
    axe_check(page, "card page")
    screenshots(page, "card")

    # Sent empty first: every missing answer is named.
    page.get_by_role("button", name="Kaartje versturen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    axe_check(page, "card form with errors")

    page.get_by_role("radio", name=re.compile(r"^Bedankt!")).check()
    page.get_by_label("Wat wilt u op de kaart schrijven?").fill(CARD_MESSAGE)
    street, number, postcode = CARD_ADDRESS
    page.get_by_label("Straat", exact=True).fill(street)
    page.get_by_label("Huisnummer", exact=True).fill(number)
    page.get_by_label("Postcode", exact=True).fill(postcode)
    page.get_by_role("radio", name="Een vrijwilliger bezorgt de kaart").check()
    page.get_by_label(re.compile(r"^\s*Uw naam")).fill(CARD_SENDER)
    page.get_by_role("textbox", name="E-mailadres").fill(CARD_SENDER_EMAIL)
    page.get_by_role("checkbox", name=re.compile("toestemming")).check()
    page.get_by_role("button", name="Kaartje versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bedankt voor uw aanvraag"
    )

    # The volunteer of Schollevaar finds the card in the queue and approves it.
    admin = new_page()
    log_in(admin, VOLUNTEER_SCHOLLEVAAR)
    _handle(admin, queue_row="Buurtacties: nieuw", address=f"{street} {number}")
    expect(admin.locator("main")).to_contain_text(CARD_MESSAGE)
    axe_list(admin, "handle a request")
    _take_step(admin, "Goedkeuren", "Goedgekeurd")

    # "Print all approved cards": the card is there, with its address.
    admin.goto("/beheer/")
    admin.get_by_role("link", name=re.compile("Buurtacties: goedgekeurd")).click()
    admin.get_by_role("link", name="Alle goedgekeurde kaarten afdrukken").click()
    card = admin.get_by_role("region").filter(has_text=CARD_MESSAGE)
    expect(card).to_have_count(1)
    assert f"{street} {number}" in card.inner_text()
    assert postcode in card.inner_text()
    axe_check(admin, "printed cards")
    screenshots(admin, "printed-card")
    admin.get_by_role("button", name="Markeer als afgedrukt").click()
    expect(admin.locator("body")).to_contain_text("gemarkeerd als afgedrukt")

    # Printed; the volunteer delivers it and says so.
    row = admin.get_by_role("row").filter(has_text=f"{street} {number}")
    expect(row).to_contain_text("Afgedrukt")
    row.get_by_role("link", name="Afhandelen").click()
    _take_step(admin, "Bezorgd", "bezorgd op")

    # The sender had a confirmation by e-mail, and hears it was delivered.
    confirmation, delivered = demo_server.mails(to=CARD_SENDER_EMAIL)
    assert "Dank u wel voor uw aanvraag" in (
        confirmation.get_body(("plain",)).get_content()
    )
    assert delivered["Subject"] == "Uw kaartje is bezorgd"


def test_a_wave_tile_placed_raises_its_streets_count(page, new_page, demo_server):
    street, number, postcode = TILE_ADDRESS
    _open_action(page, "Schollevaar", "Vraag een zwaaitegel aan")
    axe_check(page, "wave tile page")
    screenshots(page, "wave-tile")
    before = tile_count(page, street)

    page.get_by_label(re.compile(r"^\s*Uw naam")).fill(TILE_NEIGHBOUR)
    page.get_by_label("Straat", exact=True).fill(street)
    page.get_by_label("Huisnummer", exact=True).fill(number)
    page.get_by_label("Postcode", exact=True).fill(postcode)
    page.get_by_role("textbox", name="E-mailadres").fill("bram.olthof@example.com")
    page.get_by_role("checkbox", name=re.compile("toestemming")).check()
    page.get_by_role("button", name="Zwaaitegel aanvragen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bedankt voor uw aanvraag"
    )
    assert demo_server.mails(to="bram.olthof@example.com")

    admin = new_page()
    log_in(admin, VOLUNTEER_SCHOLLEVAAR)
    _handle(admin, queue_row="Buurtacties: nieuw", address=f"{street} {number}")
    _take_step(admin, "Goedkeuren", "Goedgekeurd")
    # Approved is not placed: the public count stays as it was.
    page.get_by_role("link", name=re.compile("Terug naar")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vraag een zwaaitegel aan"
    )
    assert tile_count(page, street) == before
    _take_step(admin, "Geplaatst", "geplaatst op")

    page.reload()
    assert tile_count(page, street) == before + 1


def test_the_treat_page(page):
    _open_action(page, "Oostgaarde", "Trakteer een buur")
    expect(
        page.get_by_role("button", name=re.compile("aanvragen", re.I))
    ).to_be_visible()
    axe_check(page, "treat page")
    screenshots(page, "treat")
