"""The admin API's image and document endpoints (/beheer/api/main/images/,
.../documents/), answering from the same scoping as the choosers.

Wagtail's own answer with every image and document of the site, with a
download URL, whoever asks. These replace them (registered in
``wagtail_hooks.py`` after Wagtail's): of the WOPs' collections a user gets
only the images and documents of those they work with
(``queryset_visible_to``), in the listing, the search, ``find`` and the
detail by id alike. The host's own images and documents are listed as
Wagtail lists them.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from neighbourhood.scoping.visibility import queryset_visible_to


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return queryset_visible_to(self.request.user, super().get_queryset())


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return queryset_visible_to(self.request.user, super().get_queryset())


def register_scoped_media_endpoints(router) -> None:
    """The ``construct_admin_api`` hook: replace Wagtail's endpoints."""
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
