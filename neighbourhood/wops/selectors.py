"""Reads about WOPs: which WOP a postcode belongs to."""

from neighbourhood.models import NeighbourhoodPage
from neighbourhood.wops.postcodes import normalise_postcode


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
