"""Going through the site with the keyboard only: Tab to a control by its
name, checking on every stop that the focus can be seen."""

import re

# What the focused element is called and whether its focus shows: an outline
# or a ring (box-shadow) on it or on a parent (a card rings the whole card),
# or the yellow focus background of a link.
_FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
    const name = (
        el.getAttribute("aria-label") || label || el.innerText || el.value || ""
    ).replace(/\\s+/g, " ").trim();
    const shows = (node) => {
        const style = getComputedStyle(node);
        return (
            (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== "none"
            || style.backgroundColor === "rgb(255, 213, 74)"
        );
    };
    let visible = false;
    for (let node = el, up = 0; node && up < 3; node = node.parentElement, up++) {
        if (shows(node)) { visible = true; break; }
    }
    const box = el.getBoundingClientRect();
    return {
        name: name,
        tag: el.tagName.toLowerCase(),
        type: el.type || "",
        checked: !!el.checked,
        inMain: !!el.closest("main"),
        visible: visible && box.width > 0 && box.height > 0,
    };
}"""


def focused(page) -> dict | None:
    """The focused element: name, tag, type, checked, inMain, visible."""
    return page.evaluate(_FOCUSED)


def tab_to(page, name: str | re.Pattern, *, limit: int = 60, key: str = "Tab"):
    """Press Tab (or ``key``) until the focused element is called ``name``
    (exactly, or matching a pattern); every stop on the way must show its
    focus. Returns what is focused (at once, when it already is)."""

    def wanted(now):
        if isinstance(name, re.Pattern):
            return bool(name.search(now["name"]))
        return now["name"] == name

    now = focused(page)
    if now is not None and wanted(now):
        return now
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        assert now is not None, "the focus was lost (on the page body)"
        assert now["visible"], f"focus is not visible on {now}"
        if wanted(now):
            return now
    raise AssertionError(f"{name!r} not reached with {limit} × {key}")


def press_and_load(page, key: str = "Enter") -> None:
    """Press a key that follows a link or sends a form, and wait for the
    next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def skip_to_content(page) -> None:
    """The first Tab reaches the skip link, visibly; Enter on it takes the
    focus into the main content."""
    page.keyboard.press("Tab")
    link = focused(page)
    assert link["name"] == "Naar de inhoud" and link["visible"], link
    page.keyboard.press("Enter")
    assert page.url.endswith("#inhoud")
    page.keyboard.press("Tab")
    assert focused(page)["inMain"], "after the skip link, Tab is not in <main>"
