import re

from django import forms, template
from django.urls import reverse
from wagtail.models import Page

from neighbourhood.accounts import has_admin_access
from neighbourhood.models import NeighbourhoodIndexPage, NeighbourhoodPage
from neighbourhood.models.pages import public_only
from neighbourhood.sharing import page_share
from neighbourhood.wops.forms import PostcodeFinderForm

register = template.Library()


def _navigation_pages():
    """The live, public neighbourhood index and WOP pages, in tree order."""
    return (
        public_only(Page.objects.live())
        .type(NeighbourhoodIndexPage, NeighbourhoodPage)
        .order_by("path")
        .only("title", "path", "depth", "url_path", "content_type")
    )


def _is_shown(item, current_page, request_path, url):
    """Whether ``item`` is the page being shown (a Wagtail page or a view)."""
    if current_page is not None:
        return current_page.pk == item.pk
    return url == request_path


def _is_inside(item, current_page):
    """Whether the page being shown lies below ``item``."""
    return (
        current_page is not None
        and current_page.depth > item.depth
        and current_page.path.startswith(item.path)
    )


@register.inclusion_tag("neighbourhood/tags/wop_navigation.html", takes_context=True)
def wop_navigation(context):
    """The main navigation: "Alle wijken" and every WOP, the current one marked.

    ``current`` is the value for ``aria-current``: "page" on the page being
    shown, "true" on the WOP whose street or action page is being shown.
    """
    request = context.get("request")
    request_path = request.path if request else None
    current_page = context.get("page")
    if not isinstance(current_page, Page):
        current_page = None

    index_link = None
    wop_links = []
    for item in _navigation_pages():
        url = item.get_url(request)
        if url is None:
            continue
        is_index = issubclass(item.specific_class, NeighbourhoodIndexPage)
        if _is_shown(item, current_page, request_path, url):
            current = "page"
        elif not is_index and _is_inside(item, current_page):
            current = "true"
        else:
            current = None
        link = {"title": item.title, "url": url, "current": current}
        if is_index:
            index_link = index_link or link
        else:
            wop_links.append(link)
    return {"index_link": index_link, "wop_links": wop_links}


@register.simple_tag
def breadcrumb_pages(page):
    """The pages above ``page`` from the home page down, for the breadcrumbs.

    Read from the parents the home page's routing already fetched; only a
    page reached some other way costs the query for its ancestors.
    """
    ancestors = []
    current = page
    while current.depth > 2:
        current = getattr(current, "_cached_parent_obj", None)
        if current is None:
            return list(page.get_ancestors().filter(depth__gte=2))
        ancestors.append(current)
    return ancestors[::-1]


@register.simple_tag(takes_context=True)
def admin_home_url(context) -> str:
    """The admin's dashboard for a visitor who may use the admin, else "".

    Only a logged-in visitor gets it, and a page for a logged-in visitor never
    goes into the page cache (``page_cache.may_be_cached``): the link cannot
    reach anyone else.
    """
    request = context.get("request")
    if request is None or not has_admin_access(getattr(request, "user", None)):
        return ""
    return reverse("wagtailadmin_home")


@register.simple_tag(takes_context=True)
def neighbourhood_index_url(context):
    """The URL of the live "all neighbourhoods" page, or "" if there is none."""
    index = public_only(NeighbourhoodIndexPage.objects.live()).order_by("path").first()
    if index is None:
        return ""
    return index.get_url(context.get("request")) or ""


@register.inclusion_tag("neighbourhood/includes/postcode_finder.html")
def postcode_finder():
    """The "find your neighbourhood" form, for a host's own home page:
    ``{% load neighbourhood_tags %}{% postcode_finder %}``."""
    return {"form": PostcodeFinderForm()}


@register.filter
def phone_href(number):
    """A phone number as a ``tel:`` link: "010 123 45 67" → "tel:0101234567"."""
    return "tel:" + re.sub(r"[^\d+]", "", str(number))


@register.filter
def field_anchor(bound_field):
    """The id of a field's first input, for links from the error summary.

    Radio buttons, checkbox lists and multi-part widgets have no single input
    with the field's own id; the first one is ``<id>_0``.
    """
    widget = bound_field.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.MultiWidget)):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


@register.inclusion_tag("neighbourhood/includes/page_meta.html", takes_context=True)
def page_meta(context):
    """The page's meta description, Open Graph and Twitter-card tags, for the
    head of a base template (the plugin's and a host's alike)."""
    return {
        "share": page_share(page=context.get("page"), request=context.get("request"))
    }
