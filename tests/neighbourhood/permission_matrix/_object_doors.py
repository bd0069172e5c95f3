"""The permission matrix's object doors: each opens one of a side's things."""

from django.urls import reverse

from events.admin.viewsets import attendance_viewset, event_rsvp_viewset
from neighbourhood.actions.viewsets import action_request_viewset, tile_stock_viewset
from neighbourhood.buddies.viewsets import buddy_match_viewset, buddy_signup_viewset
from welcome_pack.admin.viewsets import present_viewset, welcome_pack_claim_viewset

# The doors --------------------------------------------------------------------


def _viewset_url(viewset, name, obj=None):
    args = [obj.pk] if obj is not None else []
    return reverse(viewset.get_url_name(name), args=args)


def _snippet(name, obj=None):
    args = [obj.pk] if obj is not None else []
    return reverse(f"wagtailsnippets_neighbourhood_keyfigure:{name}", args=args)


def _bulk(app_label, model_name, action, obj):
    url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
    return f"{url}?id={obj.pk}"


def _page(name, page, *extra):
    return reverse(f"wagtailadmin_pages:{name}", args=[page.pk, *extra])


# A door: a function from one side (A or B) to a URL. "Object" doors open one
# of that side's things: B's must be refused. "Listing" doors show many
# things: they answer, without B's.
OBJECT_DOORS = {
    # Pages: the WOP page, a street page with a pending draft, a draft page.
    "page-explore-wop": lambda s: reverse("wagtailadmin_explore", args=[s.wop.pk]),
    "page-explore-draft": lambda s: reverse("wagtailadmin_explore", args=[s.draft.pk]),
    "page-edit-street": lambda s: _page("edit", s.street),
    "page-edit-draft": lambda s: _page("edit", s.draft),
    "page-delete-draft": lambda s: _page("delete", s.draft),
    "page-unpublish-street": lambda s: _page("unpublish", s.street),
    "page-copy-street": lambda s: _page("copy", s.street),
    "page-move-street": lambda s: _page("move", s.street),
    # The move confirmation names the page by its draft title.
    "page-move-confirm-draft": lambda s: _page("move_confirm", s.draft, s.wop.pk),
    "page-history-street": lambda s: _page("history", s.street),
    "page-history-results-draft": lambda s: _page("history_results", s.draft),
    "page-revisions-street": lambda s: _page("revisions_index", s.street),
    "page-revision-view": lambda s: _page("revisions_view", s.street, s.revision.pk),
    "page-revision-revert": lambda s: _page(
        "revisions_revert", s.street, s.revision.pk
    ),
    "page-revision-compare": lambda s: reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[s.street.pk, "live", "latest"],
    ),
    "page-preview-draft": lambda s: _page("preview_on_edit", s.draft),
    "page-view-draft": lambda s: _page("view_draft", s.draft),
    "page-workflow-history-street": lambda s: _page("workflow_history", s.street),
    "page-usage-street": lambda s: _page("usage", s.street),
    "page-add-subpage-wop": lambda s: reverse(
        "wagtailadmin_pages:add_subpage", args=[s.wop.pk]
    ),
    "page-add-street-under-wop": lambda s: reverse(
        "wagtailadmin_pages:add", args=["neighbourhood", "streetpage", s.wop.pk]
    ),
    "page-privacy-draft": lambda s: _page("set_privacy", s.draft),
    "page-chooser-browse-draft": lambda s: reverse(
        "wagtailadmin_choose_page_child", args=[s.draft.pk]
    ),
    "page-chooser-chosen-draft": lambda s: (
        reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={s.draft.pk}"
    ),
    "page-api-detail-draft": lambda s: f"/beheer/api/main/pages/{s.draft.pk}/",
    # Images and documents.
    "image-edit": lambda s: reverse("wagtailimages:edit", args=[s.image.pk]),
    "image-delete": lambda s: reverse("wagtailimages:delete", args=[s.image.pk]),
    "image-usage": lambda s: reverse("wagtailimages:image_usage", args=[s.image.pk]),
    "image-chooser-chosen": lambda s: reverse(
        "wagtailimages_chooser:chosen", args=[s.image.pk]
    ),
    "image-chooser-select-format": lambda s: reverse(
        "wagtailimages_chooser:select_format", args=[s.image.pk]
    ),
    "document-edit": lambda s: reverse("wagtaildocs:edit", args=[s.document.pk]),
    "document-delete": lambda s: reverse("wagtaildocs:delete", args=[s.document.pk]),
    "document-usage": lambda s: reverse(
        "wagtaildocs:document_usage", args=[s.document.pk]
    ),
    "document-chooser-chosen": lambda s: reverse(
        "wagtaildocs_chooser:chosen", args=[s.document.pk]
    ),
    # Key figures (the smoelenboek snippet).
    "keyfigure-edit": lambda s: _snippet("edit", s.key_figure),
    "keyfigure-delete": lambda s: _snippet("delete", s.key_figure),
    "keyfigure-inspect": lambda s: _snippet("inspect", s.key_figure),
    "keyfigure-history": lambda s: _snippet("history", s.key_figure),
    "keyfigure-history-results": lambda s: _snippet("history_results", s.key_figure),
    "keyfigure-usage": lambda s: _snippet("usage", s.key_figure),
    "keyfigure-copy": lambda s: _snippet("copy", s.key_figure),
    # Bulk actions take ids from the URL, and list what may not be done by title.
    "bulk-page-delete-draft": lambda s: _bulk("wagtailcore", "page", "delete", s.draft),
    "bulk-page-move-street": lambda s: _bulk("wagtailcore", "page", "move", s.street),
    "bulk-page-unpublish-street": lambda s: _bulk(
        "wagtailcore", "page", "unpublish", s.street
    ),
    "bulk-image-delete": lambda s: _bulk("wagtailimages", "image", "delete", s.image),
    "bulk-image-collection": lambda s: _bulk(
        "wagtailimages", "image", "add_to_collection", s.image
    ),
    "bulk-document-delete": lambda s: _bulk(
        "wagtaildocs", "document", "delete", s.document
    ),
    "bulk-keyfigure-delete": lambda s: _bulk(
        "neighbourhood", "keyfigure", "delete", s.key_figure
    ),
    "keyfigure-chooser-chosen": lambda s: reverse(
        "wagtailsnippetchoosers_neighbourhood_keyfigure:chosen",
        args=[s.key_figure.pk],
    ),
}

# Every view of one record, for every WOP-owned admin.
_RECORD_VIEWS = {
    "buddy-signup": (
        buddy_signup_viewset,
        "seeker",
        ["edit", "delete", "inspect", "history", "history_results", "usage", "match"],
    ),
    "buddy-match": (
        buddy_match_viewset,
        "match",
        ["edit", "delete", "inspect", "history", "history_results", "usage"],
    ),
    "action-request": (
        action_request_viewset,
        "card",
        ["edit", "delete", "history", "history_results", "usage", "handle"],
    ),
    "tile-stock": (
        tile_stock_viewset,
        "stock",
        ["edit", "delete", "history", "history_results", "usage"],
    ),
    "claim": (
        welcome_pack_claim_viewset,
        "claim",
        ["edit", "delete", "history", "history_results", "usage", "handle", "print"],
    ),
    "present": (
        present_viewset,
        "present",
        ["edit", "delete", "history", "history_results", "usage"],
    ),
    "rsvp": (
        event_rsvp_viewset,
        "rsvp",
        ["edit", "delete", "history", "history_results", "usage"],
    ),
}
for _kind, (_viewset, _attr, _views) in _RECORD_VIEWS.items():
    for _view in _views:
        OBJECT_DOORS[f"{_kind}-{_view}"] = (
            lambda s, viewset=_viewset, attr=_attr, view=_view: _viewset_url(
                viewset, view, getattr(s, attr)
            )
        )
OBJECT_DOORS["attendee-list"] = lambda s: reverse(
    attendance_viewset.get_url_name("print"), args=[s.occurrence.pk]
)

RECORD_ATTENDANCE = attendance_viewset.get_url_name("record")
ADD_ACTION_REQUEST = action_request_viewset.get_url_name("add")
ADD_CLAIM = welcome_pack_claim_viewset.get_url_name("add")


def _workflow(name, s, *args):
    return reverse(f"wagtailadmin_pages:{name}", args=[s.review_page.pk, *args])


OBJECT_DOORS.update(
    {
        # Vrijwilligers: the confirmation before taking someone off a WOP.
        "volunteers-remove": lambda s: reverse(
            "volunteers:remove", args=[s.wop.pk, s.volunteer.pk]
        ),
        # Aanwezigheid invullen, for a date that took place.
        "attendance-record": lambda s: reverse(
            RECORD_ATTENDANCE, args=[s.past_occurrence.pk]
        ),
        # The WOP review: the reviewer's actions on a page in review, the
        # revision under review, and why an action was refused.
        "review-preview": lambda s: _workflow("workflow_preview", s, s.review.task_id),
        # The same, for a page with a draft that is not in review: Wagtail's
        # "not awaiting moderation" message names the page by its draft.
        "review-preview-not-in-review": lambda s: reverse(
            "wagtailadmin_pages:workflow_preview", args=[s.street.pk, s.review.task_id]
        ),
        "review-action-not-in-review": lambda s: reverse(
            "wagtailadmin_pages:workflow_action",
            args=[s.street.pk, "approve", s.review.pk],
        ),
        "review-history-detail": lambda s: _workflow(
            "workflow_history_detail", s, s.review.workflow_state_id
        ),
        "review-refused": lambda s: reverse(
            "neighbourhood_review_refused", args=[s.review_page.pk, "andere-wijk"]
        ),
        # Registering on a resident's behalf, on another WOP's page.
        "action-request-add-page": lambda s: (
            f"{reverse(ADD_ACTION_REQUEST)}?page={s.card_page.pk}"
        ),
        "claim-add-page": lambda s: f"{reverse(ADD_CLAIM)}?page={s.pack.pk}",
    }
)
