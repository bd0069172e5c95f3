"""Helpers shared by the buddy sign-up tests: reading the page a visitor gets."""

import re
from html import unescape

from django.utils.html import strip_tags


def field_error(content: str, name: str) -> str:
    """The error shown at field ``name``, as text ("" if none)."""
    match = re.search(
        rf'<div class="field__errors" id="id_{name}_error">(.*?)</div>', content, re.S
    )
    return " ".join(strip_tags(unescape(match.group(1))).split()) if match else ""


def thanks_url(project) -> str:
    return project.url + project.reverse_subpage("thanks")
