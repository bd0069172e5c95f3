import re

from django import forms, template
from wagtail.models import Page

from neighbourhood.models import NeighbourhoodIndexPage, NeighbourhoodPage

register = template.Library()


def _navigation_pages():
    """The live, public neighbourhood index and WOP pages, in tree order."""
    return (
        Page.objects.live()
        .public()
        .type(NeighbourhoodIndexPage, NeighbourhoodPage)
        .order_by("path")
        .only("title", "path", "depth", "url_path", "content_type")
    )


def _aria_current(item, current_page, request_path, url):
    """"page" for the page being shown, "true" for a WOP the visitor is inside."""
    if current_page is not None:
        if current_page.pk == item.pk:
            return "page"
        if item.depth < current_page.depth and current_page.path.startswith(
            item.path
        ):
            return "true"
        return None
    return "page" if url == request_path else None


@register.inclusion_tag("neighbourhood/tags/wop_navigation.html", takes_context=True)
def wop_navigation(context):
    """The main navigation: "Alle wijken" and every WOP, the current one marked."""
    request = context.get("request")
    current_page = context.get("page")
    if not isinstance(current_page, Page):
        current_page = None
    request_path = request.path if request else None

    index_link = None
    wop_links = []
    for item in _navigation_pages():
        url = item.get_url(request)
        if url is None:
            continue
        link = {"title": item.title, "url": url}
        if issubclass(item.specific_class, NeighbourhoodIndexPage):
            if index_link is None:
                link["current"] = _aria_current(item, None, request_path, url) or (
                    "page" if current_page and current_page.pk == item.pk else None
                )
                index_link = link
        else:
            link["current"] = _aria_current(item, current_page, request_path, url)
            wop_links.append(link)
    return {"index_link": index_link, "wop_links": wop_links}


@register.simple_tag(takes_context=True)
def neighbourhood_index_url(context):
    """The URL of the live "all neighbourhoods" page, or "" if there is none."""
    index = NeighbourhoodIndexPage.objects.live().public().order_by("path").first()
    if index is None:
        return ""
    return index.get_url(context.get("request")) or ""


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
