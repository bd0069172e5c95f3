"""What the personal-data tests share: the admin's URLs, Hans's address and
number, the page as a person reads it, and erasing after the confirmation."""

import re
from html import unescape

from django.utils.html import strip_tags

SEARCH_URL = "/beheer/persoonsgegevens/"
EXPORT_URL = "/beheer/persoonsgegevens/downloaden/"
ERASE_URL = "/beheer/persoonsgegevens/wissen/"
LOG_URL = "/beheer/persoonsgegevens/logboek/"

HANS_EMAIL = "hans@example.org"
HANS_PHONE = "06-12345678"


def text(response) -> str:
    """The page as a person reads it: no tags, single spaces."""
    return " ".join(unescape(strip_tags(response.content.decode())).split())


def confirm_erase(client, term):
    shown = client.post(ERASE_URL, {"term": term}).content.decode()
    keys = re.findall(r'name="record" value="([^"]+)"', shown)
    return client.post(ERASE_URL, {"term": term, "record": keys, "confirm": "1"})
