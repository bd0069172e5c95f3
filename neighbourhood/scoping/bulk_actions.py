"""Wagtail's bulk actions, taking only what the user may see.

One class per Wagtail bulk action (pages, images, documents, snippets), each
registered in ``wagtail_hooks.py`` after Wagtail's own (``order=100``) so it
replaces it for the same models and action type. They narrow only the
plugin's pages, the WOPs' images and documents and WOP-owned snippets
(``queryset_visible_to``); on the host's own they act as Wagtail's.
"""

from django.shortcuts import get_list_or_404
from wagtail.admin.views.pages import bulk_actions as page_actions
from wagtail.documents.views import bulk_actions as document_actions
from wagtail.images.views import bulk_actions as image_actions
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from neighbourhood.scoping.visibility import queryset_visible_to


class VisibleObjectsBulkActionMixin:
    """For Wagtail's bulk actions (pages, images, documents, snippets), which
    take ids from the URL, act on the permitted ones and list the others by
    title as "no permission": only what the user may see is taken at all, so
    another WOP's titles never show and its key figures are never touched."""

    def get_queryset(self, model, object_ids):
        return get_list_or_404(
            queryset_visible_to(
                self.request.user, model._default_manager.filter(pk__in=object_ids)
            )
        )


class VisiblePageDeleteBulkAction(
    VisibleObjectsBulkActionMixin, page_actions.DeleteBulkAction
):
    pass


class VisiblePageMoveBulkAction(
    VisibleObjectsBulkActionMixin, page_actions.MoveBulkAction
):
    pass


class VisiblePagePublishBulkAction(
    VisibleObjectsBulkActionMixin, page_actions.PublishBulkAction
):
    pass


class VisiblePageUnpublishBulkAction(
    VisibleObjectsBulkActionMixin, page_actions.UnpublishBulkAction
):
    pass


class VisibleImageAddToCollectionBulkAction(
    VisibleObjectsBulkActionMixin, image_actions.AddToCollectionBulkAction
):
    pass


class VisibleImageAddTagsBulkAction(
    VisibleObjectsBulkActionMixin, image_actions.AddTagsBulkAction
):
    pass


class VisibleImageDeleteBulkAction(
    VisibleObjectsBulkActionMixin, image_actions.DeleteBulkAction
):
    pass


class VisibleDocumentAddToCollectionBulkAction(
    VisibleObjectsBulkActionMixin, document_actions.AddToCollectionBulkAction
):
    pass


class VisibleDocumentAddTagsBulkAction(
    VisibleObjectsBulkActionMixin, document_actions.AddTagsBulkAction
):
    pass


class VisibleDocumentDeleteBulkAction(
    VisibleObjectsBulkActionMixin, document_actions.DeleteBulkAction
):
    pass


class VisibleSnippetDeleteBulkAction(VisibleObjectsBulkActionMixin, DeleteBulkAction):
    pass


# Every Wagtail bulk action above, in the order Wagtail lists them.
VISIBLE_BULK_ACTIONS = (
    VisiblePageDeleteBulkAction,
    VisiblePageMoveBulkAction,
    VisiblePagePublishBulkAction,
    VisiblePageUnpublishBulkAction,
    VisibleImageAddToCollectionBulkAction,
    VisibleImageAddTagsBulkAction,
    VisibleImageDeleteBulkAction,
    VisibleDocumentAddToCollectionBulkAction,
    VisibleDocumentAddTagsBulkAction,
    VisibleDocumentDeleteBulkAction,
    VisibleSnippetDeleteBulkAction,
)
