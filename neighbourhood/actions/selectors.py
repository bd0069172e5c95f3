"""Reads for the actions (cards, treats, wave tiles)."""

from collections import Counter
from collections.abc import Iterable

from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    NeighbourhoodPage,
)


def tiles_placed_per_street(
    *, wop: NeighbourhoodPage, streets: Iterable[str] | None = None
) -> list[dict]:
    """How many wave tiles lie in each street of ``wop``:
    ``[{"street": "Maasstraat", "count": 3}, …]`` by street name. Only the
    street, never a house number or a name.

    The one count of wave tiles, for the tile page (the whole WOP) and a
    street page (``streets``, its street names): a tile counts once a
    volunteer has placed it; a request still waiting does not."""
    placed = (
        ActionRequest.objects.of_kind(ActionKind.WAVE_TILE)
        .active()
        .filter(wop=wop, status=ActionStatus.DONE)
        .exclude(street="")
        .values_list("street", flat=True)
    )
    # "maasstraat " and "Maasstraat" are one street, shown as most people
    # typed it (written with a capital when it is a tie).
    spellings = {}
    for street in placed:
        name = " ".join(street.split())
        spellings.setdefault(name.casefold(), Counter())[name] += 1
    if streets is not None:
        wanted = {" ".join(street.split()).casefold() for street in streets}
        spellings = {key: value for key, value in spellings.items() if key in wanted}
    rows = []
    for counts in spellings.values():
        shown = min(counts, key=lambda name: (-counts[name], not name[:1].isupper()))
        rows.append({"street": shown, "count": counts.total()})
    return sorted(rows, key=lambda row: row["street"].casefold())
