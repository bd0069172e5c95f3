""" "Nieuw in de wijk?" on the WOP page, when the WOP offers a welcome pack
(the ``neighbourhood_page_sections`` hook)."""

from django.template.loader import render_to_string

from neighbourhood.models import NeighbourhoodPage
from neighbourhood.models.pages import live_children_of_type
from welcome_pack.models import WelcomePackPage


def wop_section(request, *, wop: NeighbourhoodPage) -> str | None:
    """The invitation to claim the WOP's pack, as HTML for the WOP page; None
    when the WOP offers none."""
    # From the WOP page's own list of children: no query of its own.
    packs = live_children_of_type(wop, WelcomePackPage)
    if not packs:
        return None
    return render_to_string(
        "welcome_pack/includes/wop_section.html",
        {"wop": wop, "pack": packs[0]},
        request=request,
    )
