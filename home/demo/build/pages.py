"""Pages, WOPs with their streets and key figures, the site's settings and the
demo logins: looked up and brought up to date, never duplicated."""

import hashlib
from io import BytesIO
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from modelcluster.fields import ParentalManyToManyField
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.demo import content
from home.demo.portraits import portrait_png
from home.models import HomePage, SiteSettings, User
from neighbourhood.models import (
    KeyFigure,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    PostcodeArea,
    PrivacySettings,
    StreetPage,
    profile_for,
)
from neighbourhood.scoping.access import wop_group
from neighbourhood.wops.postcodes import normalise_range_bound


def _set_relation(page: Page, name: str, rows: list[dict]) -> None:
    child_model = page._meta.get_field(name).related_model
    children = [child_model(sort_order=i, **row) for i, row in enumerate(rows)]
    setattr(page, name, children)


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    # publish() saves a copy made from the revision; read back what is live.
    return type(page).objects.get(pk=page.pk)


def _differs(page: Page, name: str, value) -> bool:
    if isinstance(page._meta.get_field(name), ParentalManyToManyField):
        current = {obj.pk for obj in getattr(page, name).all()}
        return current != {obj.pk for obj in value}
    return getattr(page, name) != value


def page_update(page: Page, *, fields: dict, relations: dict | None = None) -> Page:
    """Set ``fields`` and inline ``relations`` on ``page``; publish only on change.

    A many-to-many field (``audiences``) takes a list of objects and compares
    as a set. ``relations`` maps a child relation (``postcode_areas``) to the
    wanted rows as dicts of field values, in order. Returns the page as now live.
    """
    changed = False
    for name, value in fields.items():
        if _differs(page, name, value):
            setattr(page, name, value)
            changed = True
    for name, rows in (relations or {}).items():
        compared = rows[0].keys() if rows else ()
        current = [
            {field: getattr(child, field) for field in compared}
            for child in getattr(page, name).all()
        ]
        if current != rows:
            _set_relation(page, name, rows)
            changed = True
    # A draft waiting for a coordinator's review is theirs to publish.
    in_review = page.has_unpublished_changes and page.workflow_in_progress
    if changed or not page.live or (page.has_unpublished_changes and not in_review):
        page = _publish(page)
    return page


def page_upsert(
    *, parent: Page, page_class, slug: str, fields: dict, relations=None
) -> Page:
    """The live child of ``parent`` with ``slug``: created, or brought up to date."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is None:
        page = page_class(slug=slug, **fields)
        for name, rows in (relations or {}).items():
            _set_relation(page, name, rows)
        parent.add_child(instance=page)
        return _publish(page)
    page = existing.specific
    if not isinstance(page, page_class):
        raise CommandError(
            f"{existing.url_path} is a {type(page).__name__}, "
            f"not a {page_class.__name__}: move it away and run seed_demo again."
        )
    return page_update(page, fields=fields, relations=relations)


def site_address_update(*, address: str) -> Site:
    """Put the default Site on ``address`` (``http://127.0.0.1:8000``), where
    the demo is served: every absolute link (e-mail, poster, QR code, iCal)
    is built from the Site's root URL, so the demo's links then work."""
    parts = urlsplit(address)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path.strip("/")
        or port == -1
    ):
        raise CommandError(
            f"{address!r} is not the address of a site: give one like "
            "http://127.0.0.1:8000"
        )
    port = port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def home_page_update() -> HomePage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    if not isinstance(home, HomePage):
        raise CommandError("The default site's root page is not a HomePage.")
    return page_update(
        home,
        fields={
            "title": content.HOME_TITLE,
            "intro": content.HOME_INTRO,
            "body": content.HOME_BODY,
        },
    )


def neighbourhood_index_upsert(*, home: HomePage) -> NeighbourhoodIndexPage:
    """The one "Wijken" page: an existing one is kept, whatever its slug."""
    fields = {"title": content.INDEX_TITLE, "intro": content.INDEX_INTRO}
    existing = NeighbourhoodIndexPage.objects.first()
    if existing is not None:
        return page_update(existing, fields=fields)
    return page_upsert(
        parent=home,
        page_class=NeighbourhoodIndexPage,
        slug=content.INDEX_SLUG,
        fields=fields,
    )


# WOPs, their streets and key figures


def _area_row(area: str | tuple[str, str]) -> dict:
    first, last = (area, area) if isinstance(area, str) else area
    return {
        "first": normalise_range_bound(first, upper=False),
        "last": normalise_range_bound(last, upper=True),
    }


def _check_areas_free(*, slug: str, rows: list[dict]) -> None:
    """Refuse areas another (non-demo) WOP already covers: each postcode must
    lead to one WOP."""
    for row in rows:
        clash = (
            PostcodeArea.objects.overlapping(row["first"], row["last"])
            .exclude(page__slug=slug)
            .select_related("page")
            .first()
        )
        if clash is not None:
            raise CommandError(
                f"Postcode area {clash} of WOP {clash.page.title} overlaps the "
                f"demo WOP {slug}; change one of them and run seed_demo again."
            )


def wop_upsert(*, index: NeighbourhoodIndexPage, data: content.WopData):
    """A WOP page with its postcode areas, key figures and street pages."""
    areas = [_area_row(area) for area in data.areas]
    _check_areas_free(slug=data.slug, rows=areas)
    wop = page_upsert(
        parent=index,
        page_class=NeighbourhoodPage,
        slug=data.slug,
        fields={
            "title": data.title,
            "intro": data.intro,
            "body": data.body,
            "contact_name": data.contact_name,
            "contact_phone": data.contact_phone,
            "contact_email": data.contact_email,
            "contact_address": data.contact_address,
            "contact_hours": data.contact_hours,
        },
        relations={"postcode_areas": areas},
    )
    key_figures = {
        figure.name: key_figure_upsert(wop=wop, data=figure)
        for figure in data.key_figures
    }
    for street in data.streets:
        page_upsert(
            parent=wop,
            page_class=StreetPage,
            slug=street.slug,
            fields={
                "title": street.title,
                "streets": street.streets,
                "intro": street.intro,
                "body": street.body,
            },
            relations={
                "contacts": [
                    {"key_figure_id": key_figures[name].pk} for name in street.contacts
                ]
            },
        )
    return wop


def drawn_image(*, title: str, description: str, prefix: str, draw):
    """The image titled ``title``; ``draw()`` makes its PNG on first use."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).order_by("pk").first()
    if image is not None:
        return image
    png = draw()
    slug = hashlib.sha1(title.encode()).hexdigest()[:10]
    image = image_model(
        title=title,
        description=description,
        file=ImageFile(BytesIO(png), name=f"{prefix}-{slug}.png"),
        file_size=len(png),
        file_hash=hashlib.sha1(png).hexdigest(),
    )
    image.save()
    return image


def portrait_image(name: str):
    """The portrait image titled ``name``, drawn and stored on first use."""
    return drawn_image(
        title=name,
        description=f"Getekend portret van {name}",
        prefix="portret",
        draw=lambda: portrait_png(name),
    )


def key_figure_upsert(*, wop: NeighbourhoodPage, data: content.KeyFigureData):
    figure, _created = KeyFigure.objects.update_or_create(
        wop=wop,
        name=data.name,
        defaults={
            "role": data.role,
            "phone": data.phone,
            "email": data.email,
            "reachable": data.reachable,
            "photo": portrait_image(data.name),
        },
    )
    return figure


def review_draft_seed(*, wop: NeighbourhoodPage, volunteer: User) -> Page | None:
    """The volunteer's change to a street page, saved as a draft and sent for
    review, so the dashboards show a page waiting. Once: a page already in
    review, or that has been reviewed since, is left alone. None (and
    nothing done) when the neighbourhood tree has no review workflow yet.

    Starting the workflow tells the reviewers, as it does on the site: the
    only e-mail the seed causes, and it goes to staff, never to a resident.
    """
    _wop_slug, street_slug, body = content.REVIEW_DRAFT
    page = StreetPage.objects.child_of(wop).filter(slug=street_slug).first()
    if page is None:
        return None
    workflow = page.get_workflow()
    if workflow is None:
        return None
    if page.workflow_states.exists():
        return page if page.workflow_in_progress else None
    page.body = body
    page.save_revision(user=volunteer, log_action=True)
    workflow.start(page, volunteer)
    return page


# Site settings and users


def site_settings_update(*, site: Site, privacy_page: Page, accessibility_page: Page):
    settings = SiteSettings.for_site(site)
    settings.organisation_name = content.ORGANISATION_NAME
    settings.contact_phone = content.CONTACT_PHONE
    settings.contact_email = content.CONTACT_EMAIL
    settings.contact_hours = content.CONTACT_HOURS
    settings.accessibility_page = accessibility_page
    settings.save()
    privacy = PrivacySettings.for_site(site)
    privacy.privacy_page = privacy_page
    privacy.save()
    return settings


def user_upsert(
    *, data: content.DemoUser, is_superuser: bool = False, home_wop=None, **fields
):
    """A demo user with a known password and a verified e-mail address, so the
    printed login works at /account/login/ and in the admin; ``home_wop`` goes
    into their profile."""
    user = User.objects.filter(email=data.email).first() or User(email=data.email)
    user.first_name = data.first_name
    user.last_name = data.last_name
    user.is_active = True
    user.is_staff = is_superuser
    user.is_superuser = is_superuser
    for name, value in fields.items():
        setattr(user, name, value)
    user.set_password(data.password)
    user.save()
    EmailAddress.objects.filter(user=user).exclude(email=data.email).update(
        primary=False
    )
    EmailAddress.objects.update_or_create(
        user=user, email=data.email, defaults={"verified": True, "primary": True}
    )
    if home_wop is not None:
        profile = profile_for(user)
        profile.home_wop = home_wop
        profile.save(update_fields=["home_wop"])
    return user


def volunteer_upsert(*, wop: NeighbourhoodPage, data: content.DemoUser):
    """A volunteer in exactly ``wop``'s volunteer group."""
    user = user_upsert(data=data, home_wop=wop)
    user.groups.set([wop_group(wop)])
    return user
