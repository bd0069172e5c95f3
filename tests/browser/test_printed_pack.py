"""What a volunteer prints, as Chromium prints it: the welcome pack with one
A4 per sheet, and the month poster on one A4 with a QR code large enough to
scan from across a notice board."""

import re

import pytest

from tests.browser.conftest import VOLUNTEER_SCHOLLEVAAR, log_in, screenshot

# A PDF page object, not the /Pages tree above them.
PDF_PAGE = re.compile(rb"/Type\s*/Page\b")
# 5 cm at CSS's 96 pixels to the inch.
FIVE_CM_IN_PX = 50 / 25.4 * 96


def _printed_pages(page) -> int:
    pdf = page.pdf(format="A4", print_background=True)
    return len(PDF_PAGE.findall(pdf))


def test_printed_pack_has_one_a4_per_sheet_and_keeps_the_notes_apart(page):
    log_in(page, VOLUNTEER_SCHOLLEVAAR)
    page.goto("/beheer/welkomstpakketten/aanvragen/")
    page.get_by_role("link", name="Pakket afdrukken").first.click()

    sheets = page.locator("section.sheet")
    assert sheets.count() == 4
    volunteer_sheet, letter, flyer, smoelenboek = (sheets.nth(i) for i in range(4))
    assert "Voor de vrijwilliger – niet meegeven" in volunteer_sheet.inner_text()
    for sheet in (letter, flyer, smoelenboek):
        text = sheet.inner_text()
        assert "Verbuurzamen" in text and "Wijkplatform Schollevaar" in text
        assert "Gemaakt op" not in text and "persoonsgegevens" not in text
        assert sheet.locator("img.sheet__logo").evaluate("img => img.naturalWidth") > 0
    # Taalcafé is every Tuesday: once on the flyer, with its rule.
    assert flyer.get_by_role("heading", name="Taalcafé").count() == 1
    assert "Elke dinsdag" in flyer.inner_text()
    assert smoelenboek.locator("img.pack-face__photo").count() >= 1

    assert _printed_pages(page) == 4
    screenshot(page, "printed-pack-desktop")


def test_blank_pack_prints_the_flyer_and_the_smoelenboek_on_a_sheet_each(page):
    page.goto("/wijken/schollevaar/welkomstpakket/folder/")

    assert page.locator("section.sheet").count() == 2
    assert _printed_pages(page) == 2


@pytest.mark.parametrize(
    "address",
    ["/wijken/schollevaar/activiteiten/deze-maand/", "/agenda/deze-maand/"],
)
def test_month_poster_fits_one_a4_with_a_large_qr_code(page, address):
    page.goto(address)

    assert _printed_pages(page) == 1
    page.emulate_media(media="print")
    qr = page.locator("img.poster__qr").bounding_box()
    assert qr["width"] >= FIVE_CM_IN_PX
