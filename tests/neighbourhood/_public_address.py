"""Reading every link, QR codes included, out of what a resident gets, and
which of them are not on the site's public address (the fixture
``public_site`` in tests/conftest.py sets it)."""

import base64
import io
import re

import zxingcpp
from PIL import Image

PUBLIC = "https://wijk.example.nl"
# Links to standards, not to a site: an SVG's namespace.
NOT_A_SITE = ("http://www.w3.org/",)
_LINK = re.compile(r"https?://[^\s\"'<>()\\]+")
_PNG = re.compile(r'src="data:image/png;base64,([^"]+)"')


def qr_texts(html: str) -> list[str]:
    """What each inline QR code in ``html`` says, read by a barcode scanner."""
    found = []
    for data in _PNG.findall(html):
        image = Image.open(io.BytesIO(base64.b64decode(data)))
        found += [barcode.text for barcode in zxingcpp.read_barcodes(image)]
    return found


def links(text: str) -> list[str]:
    """Every absolute link in ``text`` and in its QR codes."""
    return [
        link
        for link in _LINK.findall(text.replace("\r\n ", "")) + qr_texts(text)
        if not link.startswith(NOT_A_SITE)
    ]


def elsewhere(found: list[str]) -> list[str]:
    """The links of ``found`` not on the public address."""
    return [link for link in found if not link.startswith(PUBLIC + "/")]
