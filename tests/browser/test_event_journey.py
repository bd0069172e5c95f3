"""A weekly activity with sign-up in the browser: a resident signs up for a
date from the calendar, cancels through the link in the confirmation
e-mail, and the first on the waiting list moves up; a freed place goes to
those who wait, in order, not to a newcomer."""

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.conftest import axe_check, screenshots

EVENT = "Samen eten"  # weekly, 12 places, at most 4 people per sign-up
# This journey's own people: the resident who cancels, two households that
# fill the date, and the one who waits.
RESIDENT = ("Fenna Oosterhuis", "fenna.oosterhuis@example.com")
FILLERS = (("Gijs Brouwer", "06-1234 5601"), ("Lieke Vos", "06-1234 5602"))
WAITING = ("Daan Mulder", "daan.mulder@example.com")


def _plain(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _sign_up(page, *, when: str, name: str, people: int, phone="", email=""):
    """Sign up on the activity's page for the date ``when`` and come back."""
    page.get_by_role("radio", name=re.compile("^" + re.escape(when))).check()
    page.get_by_label(re.compile(r"^\s*Met hoeveel personen")).fill(str(people))
    page.get_by_label(re.compile(r"^\s*Uw naam")).fill(name)
    if phone:
        page.get_by_role("textbox", name="Telefoonnummer").fill(phone)
    if email:
        page.get_by_role("textbox", name="E-mailadres").fill(email)
    page.get_by_role("checkbox", name=re.compile("toestemming")).check()
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).not_to_have_text(EVENT)
    heading = heading.inner_text()
    page.get_by_role("link", name=f"Terug naar {EVENT}").click()
    return heading


def _date_label(page, when: str) -> str:
    radio = page.get_by_role("radio", name=re.compile("^" + re.escape(when)))
    return radio.evaluate("radio => radio.labels[0].innerText")


def _cancel_with_link(page, demo_server, address: str):
    """Cancel with the link in the confirmation e-mail, and go back."""
    (confirmation,) = demo_server.mails(to=address)
    (link,) = re.findall(r"https?://\S+", _plain(confirmation))
    page.goto(urlsplit(link).path)
    page.get_by_role("button", name="Ja, meld mij af").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U bent afgemeld")
    page.get_by_role("link", name=f"Naar {EVENT}").click()


def test_a_cancellation_moves_the_waiting_list_up(page, demo_server):
    page.goto("/")
    page.get_by_role("link", name="Alle activiteiten in de agenda").click()
    axe_check(page, "calendar")
    screenshots(page, "calendar")
    page.get_by_role("link", name=EVENT).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT)
    assert "Elke donderdag" in page.locator("main").inner_text()
    axe_check(page, "event page")
    screenshots(page, "event")

    # The poster, for the notice board.
    page.get_by_role("link", name="Poster afdrukken").click()
    expect(page.locator("body")).to_contain_text(EVENT)
    axe_check(page, "poster")
    screenshots(page, "poster")
    page.go_back()

    # Sent without an answer: the form says what is missing.
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(page.locator(".error-summary")).to_be_visible()
    axe_check(page, "RSVP form with errors")

    # A date nobody signed up for yet: 12 places, filled by three households.
    free = page.get_by_role("radio", name=re.compile("nog 12 plaatsen")).last
    when = free.locator("xpath=..").locator(".rsvp-date__when").inner_text().strip()
    name, address = RESIDENT
    assert _sign_up(page, when=when, name=name, people=4, email=address) == (
        "U bent aangemeld"
    )
    for filler, phone in FILLERS:
        assert _sign_up(page, when=when, name=filler, people=4, phone=phone) == (
            "U bent aangemeld"
        )
    waiting_name, waiting_address = WAITING
    assert (
        _sign_up(page, when=when, name=waiting_name, people=1, email=waiting_address)
        == "U staat op de wachtlijst"
    )
    assert "vol" in page.get_by_role("radio", name=re.compile("^" + when)).evaluate(
        "radio => radio.labels[0].innerText"
    )

    # The confirmation e-mail holds the private cancel link.
    (confirmation,) = demo_server.mails(to=address)
    text = _plain(confirmation)
    assert f"U bent met 4 personen aangemeld voor {EVENT}." in text
    (link,) = re.findall(r"https?://\S+", text)
    page.goto(urlsplit(link).path)  # following the link from the e-mail
    expect(page.get_by_role("heading", level=1)).to_have_text("Wilt u zich afmelden?")
    axe_check(page, "cancel confirmation")
    page.get_by_role("button", name="Ja, meld mij af").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U bent afgemeld")

    # The first on the waiting list has the good news, and the date has room.
    promoted = [
        m for m in demo_server.mails(to=waiting_address) if "Goed nieuws" in _plain(m)
    ]
    assert len(promoted) == 1
    assert f"U bent nu aangemeld voor {EVENT}" in _plain(promoted[0])
    page.get_by_role("link", name=f"Naar {EVENT}").click()
    places = page.get_by_role("radio", name=re.compile("^" + when))
    assert "nog 3 plaatsen" in places.evaluate("radio => radio.labels[0].innerText")


def test_freed_places_go_to_the_waiting_list_in_order(page, demo_server):
    page.goto("/")
    page.get_by_role("link", name="Alle activiteiten in de agenda").click()
    page.get_by_role("link", name=EVENT).first.click()

    # Another date nobody signed up for yet, filled by five households.
    free = page.get_by_role("radio", name=re.compile("nog 12 plaatsen")).first
    when = free.locator("xpath=..").locator(".rsvp-date__when").inner_text().strip()
    households = [
        ("Bram Kuipers", 4, "06-1234 5611", ""),
        ("Sanne de Wit", 4, "06-1234 5612", ""),
        ("Jesse Smit", 2, "06-1234 5613", ""),
        ("Noor Hendriks", 1, "", "noor.hendriks@example.com"),
        ("Ruben Visser", 1, "", "ruben.visser@example.com"),
    ]
    for name, people, phone, address in households:
        heading = _sign_up(
            page, when=when, name=name, people=people, phone=phone, email=address
        )
        assert heading == "U bent aangemeld"
    # A family of two waits for a full date.
    family = "familie.yilmaz@example.com"
    assert (
        _sign_up(page, when=when, name="Familie Yilmaz", people=2, email=family)
        == "U staat op de wachtlijst"
    )

    # One place comes free: too few for the family, and not offered to others.
    _cancel_with_link(page, demo_server, "noor.hendriks@example.com")
    label = _date_label(page, when)
    assert "er wachten al mensen – u komt op de wachtlijst" in label
    assert "nog 1 plaats" not in label
    expect(page.get_by_text("eerst naar hen")).to_be_visible()
    newcomer = "lotte.bos@example.com"
    assert (
        _sign_up(page, when=when, name="Lotte Bos", people=1, email=newcomer)
        == "U staat op de wachtlijst"
    )

    # A second place comes free: the family moves up, the newcomer still waits.
    _cancel_with_link(page, demo_server, "ruben.visser@example.com")
    promoted = [m for m in demo_server.mails(to=family) if "Goed nieuws" in _plain(m)]
    assert len(promoted) == 1
    assert not [m for m in demo_server.mails(to=newcomer) if "Goed nieuws" in _plain(m)]
    assert "vol – u komt op de wachtlijst" in _date_label(page, when)
