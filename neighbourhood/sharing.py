"""What a page says about itself when it is found or shared: its meta
description and the Open Graph and Twitter-card tags that make a link in a
WhatsApp group or a search result show a useful preview.

A page type adds to it by defining ``share_details()`` (a line such as an
activity's date and place) and ``share_image()`` (an image to show); other
pages get their ``search_description``, else their introduction.
"""

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images.models import AbstractImage, SourceImageIOError
from wagtail.models import Page, Site

DESCRIPTION_LENGTH = 200
IMAGE_FILTER = "fill-1200x630"


def full_url(page: Page, request, path: str = "") -> str:
    """``path`` (the page's own when empty) as a full link on the page's
    site, from its Site's root URL: the one public address."""
    if path.startswith(("http://", "https://")):
        return path
    _site_id, root_url, page_path = page.get_url_parts(request)
    return root_url + (path or page_path)


def _plain(text: str) -> str:
    return " ".join(strip_tags(text or "").split())


def page_description(page: Page) -> str:
    """The page's ``search_description``, else its introduction (or the
    first words of its text), else what its type says by default
    (``default_description()``), as one plain line."""
    for field in ("search_description", "intro", "description", "body"):
        text = _plain(str(getattr(page, field, "") or ""))
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    if hasattr(page, "default_description"):
        return str(page.default_description())
    return page.title


def page_share(*, page, request) -> dict | None:
    """What the head of ``page`` says about it, for
    ``neighbourhood/includes/page_meta.html``; None for anything that is not
    a routable page."""
    if not isinstance(page, Page) or request is None:
        return None
    if page.get_url_parts(request) is None:
        return None
    details = page.share_details() if hasattr(page, "share_details") else {}
    description = page_description(page)
    summary = details.get("summary", "")
    image = page.share_image() if hasattr(page, "share_image") else None
    if image is None and isinstance(getattr(page, "image", None), AbstractImage):
        image = page.image
    site = Site.find_for_request(request)
    share = {
        "title": page.seo_title or page.title,
        "description": " ".join(filter(None, [summary, description])),
        "url": full_url(page, request),
        "site_name": site.site_name if site else "",
        "details": details.get("labels", []),
        "locale": translation.to_locale(translation.get_language() or "nl"),
        "image": None,
    }
    if image is not None:
        try:
            rendition = image.get_rendition(IMAGE_FILTER)
        except SourceImageIOError:
            # The file is gone: a preview without a picture, not an error.
            return share
        share["image"] = {
            "url": full_url(page, request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(image, "default_alt_text", "") or image.title,
        }
    return share
