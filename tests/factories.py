"""Small builders for tests: each test makes the little tree it needs."""

from wagtail.models import Site

from home.models import HomePage, StandardPage
from neighbourhood.models import (
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    PostcodeArea,
    StreetPage,
    User,
)
from neighbourhood.postcodes import normalise_range_bound


def home_page() -> HomePage:
    """The home page the migrations made, as the default site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


def make_neighbourhood_index(**kwargs) -> NeighbourhoodIndexPage:
    existing = NeighbourhoodIndexPage.objects.first()
    if existing is not None:
        return existing
    kwargs.setdefault("title", "Wijken")
    kwargs.setdefault("slug", "wijken")
    return home_page().add_child(instance=NeighbourhoodIndexPage(**kwargs))


def make_wop(*, areas=("2903",), parent=None, **kwargs) -> NeighbourhoodPage:
    """A live WOP. ``areas`` are as an editor types them: "2903" or
    ("2903 AA", "2903 MZ")."""
    kwargs.setdefault("title", "Schollevaar")
    kwargs.setdefault("slug", kwargs["title"].lower().replace(" ", "-"))
    kwargs.setdefault("intro", f"Samen wonen in {kwargs['title']}.")
    page = NeighbourhoodPage(**kwargs)
    for area in areas:
        first, last = (area, area) if isinstance(area, str) else area
        page.postcode_areas.add(
            PostcodeArea(
                first=normalise_range_bound(first, upper=False),
                last=normalise_range_bound(last, upper=True),
            )
        )
    return (parent or make_neighbourhood_index()).add_child(instance=page)


def make_street(*, wop, **kwargs) -> StreetPage:
    kwargs.setdefault("title", "Rivierenbuurt")
    kwargs.setdefault("streets", "Maasstraat, Waalstraat")
    return wop.add_child(instance=StreetPage(**kwargs))


def make_standard_page(*, parent=None, **kwargs) -> StandardPage:
    kwargs.setdefault("title", "Privacyverklaring")
    kwargs.setdefault("body", "<p>Zo gaan wij om met uw gegevens.</p>")
    return (parent or home_page()).add_child(instance=StandardPage(**kwargs))


def make_user(**kwargs) -> User:
    kwargs.setdefault("email", f"bewoner{User.objects.count() + 1}@example.org")
    kwargs.setdefault("password", "geheim-wachtwoord-123")
    return User.objects.create_user(**kwargs)


def make_volunteer(*wops, **kwargs) -> User:
    user = make_user(**kwargs)
    for wop in wops:
        user.groups.add(wop.volunteer_group.group)
    return user


def make_coordinator(**kwargs) -> User:
    from neighbourhood.services import coordinators_sync

    user = make_user(**kwargs)
    user.groups.add(coordinators_sync())
    return user
