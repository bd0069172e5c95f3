"""What the RSVP tests share: the error text at a field, the thanks and cancel
links, and places taken without the form."""

import re
from html import unescape

from django.urls import reverse
from django.utils.html import strip_tags

from events.models import RSVPStatus
from tests import factories


def field_error(content: str, name: str) -> str:
    """The error shown at field ``name``, as text ("" if none)."""
    match = re.search(
        rf'<div class="field__errors" id="id_{name}_error">(.*?)</div>', content, re.S
    )
    return " ".join(strip_tags(unescape(match.group(1))).split()) if match else ""


def thanks_url(event) -> str:
    return event.url + event.reverse_subpage("rsvp_thanks")


def cancel_url(rsvp) -> str:
    return reverse("neighbourhood:withdraw", args=[rsvp.token])


def fill(occurrence, *, people=1, **kwargs):
    """Take ``people`` places (or wait for them) without the form."""
    return factories.make_rsvp(
        occurrence=occurrence, people=people, status=RSVPStatus.CONFIRMED, **kwargs
    )
