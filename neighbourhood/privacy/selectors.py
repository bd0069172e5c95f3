"""Reads of the privacy room: where the privacy statement is."""

from neighbourhood.models import PrivacySettings


def privacy_statement_url(request) -> str:
    """The URL of the live privacy statement of the request's site, or ""."""
    page = PrivacySettings.for_request(request).privacy_page
    if page is None or not page.live:
        return ""
    return page.get_url(request) or ""
