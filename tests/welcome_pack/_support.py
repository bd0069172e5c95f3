"""Helpers shared by the tests of the welcome pack's public page."""

import re
from html import unescape

from django.utils.html import strip_tags


def field_error(content: str, name: str) -> str:
    """The error shown at field ``name``, as text ("" if none)."""
    match = re.search(
        rf'<div class="field__errors" id="id_{name}_error">(.*?)</div>', content, re.S
    )
    return " ".join(strip_tags(unescape(match.group(1))).split()) if match else ""


def offered_presents(content: str) -> list[str]:
    return re.findall(r'class="present-option__name">([^<]*)<', content)
