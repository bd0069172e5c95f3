"""Helpers shared by the tests of the action pages: reading what a resident sees."""

import re
from html import unescape

from django.utils.html import strip_tags


def field_error(content: str, name: str) -> str:
    """The error shown at field ``name``, as text ("" if none)."""
    match = re.search(
        rf'<div class="field__errors" id="id_{name}_error">(.*?)</div>', content, re.S
    )
    return " ".join(strip_tags(unescape(match.group(1))).split()) if match else ""


def text(response) -> str:
    """The page as a resident reads it: no tags, single spaces."""
    return " ".join(unescape(strip_tags(response.content.decode())).split())
