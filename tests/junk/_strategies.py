"""Junk as residents, robots and broken browsers send it."""

import re

from hypothesis import strategies as st

TRICKY = [
    "",
    " ",
    "0",
    "-1",
    "00000",
    "012",
    "12b",
    "99999999",
    "9" * 40,
    "1e309",
    "NaN",
    "9999-12-31",
    "0001-01-01",
    "31-12-9999",
    "31-02-2031",
    "2026-13-45",
    "99999-01",
    "abc",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\x00",
    "a\x00b",
    "%00",
    "\u202eabc",
    "👋🏽",
    "１２",
    "٣",
    "9999 ZZ",
    "0000 AA",
    "x" * 5000,
    "[]",
    "None",
    "on",
]

junk = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
# A field sent once, several times, or (a checkbox list) as a list.
junk_value = st.one_of(junk, st.lists(junk, min_size=2, max_size=3))


def form_fields(html: str) -> set[str]:
    """The names of the fields of the page's own posted form (not, say, the
    language switch, which posts elsewhere)."""
    forms = re.findall(
        r'<form(?![^>]*\baction=)[^>]*method="post"[^>]*>(.*?)</form>',
        html,
        re.S | re.I,
    )
    names = set()
    for form in forms:
        names.update(
            re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', form)
        )
    return names - {"csrfmiddlewaretoken", "website"}
