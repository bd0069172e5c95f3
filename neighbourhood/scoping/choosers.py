"""Pages in the explorer and the page chooser, and the image chooser's
"choose a format" step: only what the user may see. Of the plugin's pages
and the WOPs' images, that is; the host's own are shown as Wagtail shows
them (``neighbourhood.scoping.visibility``)."""

from django.http import Http404
from wagtail.images.views.chooser import ImageSelectFormatView, viewset
from wagtail.models import Page

from neighbourhood.scoping.visibility import pages_visible_to, queryset_visible_to


def explorer_pages_visible(parent_page, pages, request):
    """The ``construct_explorer_page_queryset`` hook."""
    return pages_visible_to(request.user, pages)


def chooser_pages_visible(pages, request):
    """The ``construct_page_chooser_queryset`` hook.

    Of the plugin's pages the chooser offers the user's own and live public
    ones (the host's pages as Wagtail does); browsing
    into a page the user may not see is "not found", since the chooser would
    show that page's own title above its children."""
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id and not pages_visible_to(
        request.user, Page.objects.filter(pk=parent_id)
    ):
        raise Http404
    return pages_visible_to(request.user, pages)


class VisibleImageSelectFormatView(ImageSelectFormatView):
    """Wagtail's "choose a format" step of the image chooser fetches any image
    by id; this one, of a WOP's images, only those the user may choose (or
    works with)."""

    def dispatch(self, request, *args, image_id, **kwargs):
        images = self.model._default_manager.filter(pk=image_id)
        if not queryset_visible_to(request.user, images).exists():
            raise Http404
        return super().dispatch(request, *args, image_id=image_id, **kwargs)


def image_chooser_select_format_restrict():
    """Make Wagtail's registered image chooser use
    ``VisibleImageSelectFormatView``.

    Wagtail 7.4 offers no setting or hook for this view: the chooser viewset
    is one module-level instance (``wagtailimages_chooser``), registered by
    wagtail.images, whose URLs and JavaScript depend on that namespace; a
    second viewset under the same namespace would make Django warn
    (urls.W005) and leave which view answers to URL order. So the view class
    is set on that instance here, called from ``NeighbourhoodConfig.ready()``,
    before the admin URLs are built.
    """
    viewset.select_format_view_class = VisibleImageSelectFormatView
