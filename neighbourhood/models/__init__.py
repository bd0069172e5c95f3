from neighbourhood.models.key_figures import KeyFigure
from neighbourhood.models.pages import (
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    PostcodeArea,
    StreetContact,
    StreetPage,
)
from neighbourhood.models.scoping import VolunteerGroup, WopOwned, WopOwnedQuerySet
from neighbourhood.models.users import User

__all__ = [
    "KeyFigure",
    "NeighbourhoodIndexPage",
    "NeighbourhoodPage",
    "PostcodeArea",
    "StreetContact",
    "StreetPage",
    "User",
    "VolunteerGroup",
    "WopOwned",
    "WopOwnedQuerySet",
]
