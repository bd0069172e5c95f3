"""The permission matrix's listing doors: listings, searches, choosers and exports."""

from django.urls import reverse

from events.admin.viewsets import attendance_viewset
from neighbourhood.actions.viewsets import action_request_viewset
from tests.neighbourhood.permission_matrix._object_doors import (
    _RECORD_VIEWS,
    ADD_ACTION_REQUEST,
    ADD_CLAIM,
    RECORD_ATTENDANCE,
    _snippet,
    _viewset_url,
    _workflow,
)


def _search(url, q):
    return f"{url}?q={q}"


# Listings, searches, choosers and exports: they answer, without B's rows. The
# search term is the marker of the side asked for.
LISTING_DOORS = {
    "dashboard": lambda s, q: reverse("wagtailadmin_home"),
    "page-explore-index": lambda s, q: reverse(
        "wagtailadmin_explore", args=[s.wop.get_parent().pk]
    ),
    "page-explore-search-all": lambda s, q: (
        reverse("wagtailadmin_explore", args=[s.wop.get_parent().pk])
        + f"?q={q}&search_all=1"
    ),
    "page-search": lambda s, q: _search(reverse("wagtailadmin_pages:search"), q),
    "page-search-results": lambda s, q: _search(
        reverse("wagtailadmin_pages:search_results"), q
    ),
    "page-chooser-browse-wop": lambda s, q: reverse(
        "wagtailadmin_choose_page_child", args=[s.wop.pk]
    ),
    "page-chooser-search": lambda s, q: _search(
        reverse("wagtailadmin_choose_page_search"), q
    ),
    "page-type-usage": lambda s, q: reverse(
        "wagtailadmin_pages:type_use", args=["neighbourhood", "streetpage"]
    ),
    "page-api-listing": lambda s, q: f"/beheer/api/main/pages/?child_of={s.wop.pk}",
    "report-site-history": lambda s, q: reverse("wagtailadmin_reports:site_history"),
    "report-aging-pages": lambda s, q: reverse("wagtailadmin_reports:aging_pages"),
    "report-locked-pages": lambda s, q: reverse("wagtailadmin_reports:locked_pages"),
    # Counts per page type, and the last edited page of each type.
    "report-page-types-usage": lambda s, q: reverse(
        "wagtailadmin_reports:page_types_usage"
    ),
    "report-page-types-usage-results": lambda s, q: reverse(
        "wagtailadmin_reports:page_types_usage_results"
    ),
    "image-index": lambda s, q: reverse("wagtailimages:index"),
    "image-index-search": lambda s, q: _search(reverse("wagtailimages:index"), q),
    "image-chooser": lambda s, q: reverse("wagtailimages_chooser:choose"),
    "image-chooser-search": lambda s, q: _search(
        reverse("wagtailimages_chooser:choose_results"), q
    ),
    "image-chooser-collection": lambda s, q: (
        reverse("wagtailimages_chooser:choose")
        + f"?collection_id={s.image.collection_id}"
    ),
    "document-index": lambda s, q: reverse("wagtaildocs:index"),
    "document-index-search": lambda s, q: _search(reverse("wagtaildocs:index"), q),
    "document-chooser": lambda s, q: reverse("wagtaildocs_chooser:choose"),
    "document-chooser-search": lambda s, q: _search(
        reverse("wagtaildocs_chooser:choose_results"), q
    ),
    "keyfigure-list": lambda s, q: _snippet("list"),
    "keyfigure-list-search": lambda s, q: _search(_snippet("list_results"), q),
    "keyfigure-list-filter": lambda s, q: _snippet("list") + f"?wop={s.wop.pk}",
    "keyfigure-export-csv": lambda s, q: _snippet("list") + "?export=csv",
    "keyfigure-export-xlsx": lambda s, q: _snippet("list") + "?export=xlsx",
    "keyfigure-chooser": lambda s, q: reverse(
        "wagtailsnippetchoosers_neighbourhood_keyfigure:choose"
    ),
    "keyfigure-chooser-search": lambda s, q: _search(
        reverse("wagtailsnippetchoosers_neighbourhood_keyfigure:choose_results"), q
    ),
    "attendance-index": lambda s, q: reverse(attendance_viewset.get_url_name("index")),
    "action-cards-print": lambda s, q: _viewset_url(action_request_viewset, "print"),
    "action-cards-print-wop": lambda s, q: (
        _viewset_url(action_request_viewset, "print") + f"?wop={s.wop.pk}"
    ),
    # Vrijwilligers: who works where, and inviting (only to one's own WOPs).
    "volunteers-index": lambda s, q: reverse("volunteers:index"),
    "volunteers-invite": lambda s, q: reverse("volunteers:invite"),
    "volunteers-invite-wop": lambda s, q: (
        reverse("volunteers:invite") + f"?wop={s.wop.pk}"
    ),
    # Cijfers: another WOP asked for by number falls back to one's own.
    "figures": lambda s, q: reverse("figures:index"),
    "figures-wop": lambda s, q: reverse("figures:index") + f"?wop={s.wop.pk}",
    "figures-csv": lambda s, q: reverse("figures:index") + "?format=csv",
    "figures-csv-wop": lambda s, q: (
        reverse("figures:index") + f"?format=csv&wop={s.wop.pk}"
    ),
    # Persoonsgegevens: the form, and the log of exports and erasures.
    "personal-data-search-form": lambda s, q: reverse("personal_data:search"),
    "personal-data-log": lambda s, q: reverse("personal_data:log"),
    # A city-wide date: each WOP records its own people only.
    "attendance-record-city-wide": lambda s, q: reverse(
        RECORD_ATTENDANCE, args=[s.city_occurrence.pk]
    ),
    # The site history, its results and its exports.
    "report-site-history-results": lambda s, q: reverse(
        "wagtailadmin_reports:site_history_results"
    ),
    "report-site-history-export-csv": lambda s, q: (
        reverse("wagtailadmin_reports:site_history") + "?export=csv"
    ),
    "report-site-history-export-xlsx": lambda s, q: (
        reverse("wagtailadmin_reports:site_history") + "?export=xlsx"
    ),
    # A review action's form, for any page in review: it names the action,
    # and posting it is refused by the task, with the reason (POST_DOORS).
    "review-action-approve": lambda s, q: _workflow(
        "workflow_action", s, "approve", s.review.pk
    ),
    "review-action-reject": lambda s, q: _workflow(
        "workflow_action", s, "reject", s.review.pk
    ),
    "review-collect-action-data": lambda s, q: _workflow(
        "collect_workflow_action_data", s, "reject", s.review.pk
    ),
    # Wagtail asks "cancel the review?" for any page in review, naming only
    # the workflow and its task.
    "review-confirm-cancellation": lambda s, q: _workflow(
        "confirm_workflow_cancellation", s
    ),
    # Workflows and "awaiting review".
    "report-workflow": lambda s, q: reverse("wagtailadmin_reports:workflow"),
    "report-workflow-results": lambda s, q: reverse(
        "wagtailadmin_reports:workflow_results"
    ),
    "report-workflow-export-csv": lambda s, q: (
        reverse("wagtailadmin_reports:workflow") + "?export=csv"
    ),
    "report-workflow-tasks": lambda s, q: reverse(
        "wagtailadmin_reports:workflow_tasks"
    ),
    "report-workflow-tasks-results": lambda s, q: reverse(
        "wagtailadmin_reports:workflow_tasks_results"
    ),
    "report-workflow-tasks-export-csv": lambda s, q: (
        reverse("wagtailadmin_reports:workflow_tasks") + "?export=csv"
    ),
    # Registering on a resident's behalf: only one's own WOPs' pages, and
    # their presents, are offered.
    "action-request-add": lambda s, q: reverse(ADD_ACTION_REQUEST),
    "claim-add": lambda s, q: reverse(ADD_CLAIM),
}
for _kind, (_viewset, _attr, _views) in _RECORD_VIEWS.items():
    index = _viewset_url(_viewset, "index")
    LISTING_DOORS[f"{_kind}-index"] = lambda s, q, index=index: index
    LISTING_DOORS[f"{_kind}-search"] = lambda s, q, index=index: _search(index, q)
    LISTING_DOORS[f"{_kind}-filter-wop"] = lambda s, q, index=index: (
        f"{index}?wop={s.wop.pk}"
    )
    LISTING_DOORS[f"{_kind}-export-csv"] = lambda s, q, index=index: (
        f"{index}?export=csv"
    )
    LISTING_DOORS[f"{_kind}-export-xlsx"] = lambda s, q, index=index: (
        f"{index}?export=xlsx"
    )
