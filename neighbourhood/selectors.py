"""Reads that are more than a one-line filter."""

from neighbourhood.models import NeighbourhoodPage, PrivacySettings
from neighbourhood.postcodes import normalise_postcode


def wop_for_postcode(*, postcode: str) -> NeighbourhoodPage | None:
    """The live WOP whose postcode areas hold ``postcode``, or None.

    Accepts a postcode as people type it (``2903ab``, `` 2903  AB ``); raises
    ValidationError, with a message for the resident, if it is not one.
    """
    normalised = normalise_postcode(postcode)
    return (
        NeighbourhoodPage.objects.live()
        .filter(
            postcode_areas__first__lte=normalised, postcode_areas__last__gte=normalised
        )
        .order_by("path")
        .first()
    )


def privacy_statement_url(request) -> str:
    """The URL of the live privacy statement of the request's site, or ""."""
    page = PrivacySettings.for_request(request).privacy_page
    if page is None or not page.live:
        return ""
    return page.get_url(request) or ""
