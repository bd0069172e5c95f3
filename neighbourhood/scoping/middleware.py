"""Wagtail admin views that would show another WOP's data, answered by their
scoped versions (``neighbourhood.scoping.guards``) instead.

Wagtail offers no hook to replace these views, and a host mounts its admin
at a prefix of its own. So the views are found by the URL name Wagtail gives
them, whatever the prefix: ``AdminGuardMiddleware`` looks at the view a
request resolved to and, for a guarded one, answers with the guard, behind
the same admin login check as Wagtail's own. It must come after Django's CSRF
and authentication middleware (the system check ``neighbourhood.E001`` says
so): a guard answers after their checks, in place of Wagtail's view.
"""

from functools import cache

from wagtail.admin.auth import require_admin_access

from neighbourhood.scoping import guards


def _listing(url_name: str, view_class) -> dict:
    """A guarded Wagtail listing and its ``_results`` fragment (the part its
    filters reload), both answered by ``view_class``."""
    return {
        url_name: view_class.as_view(),
        f"{url_name}_results": view_class.as_view(results_only=True),
    }


@cache
def guarded_views() -> dict:
    """Wagtail's URL name (as in ``resolver_match.view_name``) → the view
    that answers in its place. Made once, at the first request."""
    views = {
        "wagtailadmin_choose_page_chosen_multiple": (
            guards.ScopedChosenMultipleView.as_view()
        ),
        **_listing("wagtailadmin_reports:site_history", guards.ScopedLogEntriesView),
        **_listing("wagtailadmin_reports:workflow", guards.ScopedWorkflowView),
        "wagtailadmin_pages:workflow_action": guards.ScopedWorkflowAction.as_view(),
        "wagtailadmin_pages:collect_workflow_action_data": (
            guards.ScopedCollectWorkflowActionData.as_view()
        ),
        "wagtailadmin_pages:confirm_workflow_cancellation": (
            guards.ScopedConfirmWorkflowCancellation.as_view()
        ),
        "wagtailadmin_pages:workflow_preview": (
            guards.ScopedPreviewRevisionForTask.as_view()
        ),
        "wagtailadmin_pages:move_confirm": guards.ScopedMoveConfirm.as_view(),
        **_listing(
            "wagtailadmin_reports:page_types_usage",
            guards.ScopedPageTypesUsageReportView,
        ),
        **_listing("wagtailadmin_reports:workflow_tasks", guards.SafeWorkflowTasksView),
        **_listing("wagtailadmin_reports:aging_pages", guards.SafeAgingPagesView),
        **_listing("wagtailadmin_reports:locked_pages", guards.SafeLockedPagesView),
        **_listing("wagtailredirects:index", guards.SafeRedirectIndexView),
        "wagtailadmin_error_test": guards.ErrorTestForSuperusers.as_view(),
        "wagtailadmin_choose_page_external_link": (
            guards.CompleteExternalLinkView.as_view()
        ),
        "wagtailadmin_explore_root": guards.explorer_view("index"),
        "wagtailadmin_explore": guards.explorer_view("index"),
        "wagtailadmin_explore_results": guards.explorer_view(
            "index", results_only=True
        ),
        "wagtailadmin_pages:type_use": guards.explorer_view("content_type_use"),
        "wagtailadmin_pages:type_use_results": guards.explorer_view(
            "content_type_use", results_only=True
        ),
    }
    return {name: require_admin_access(view) for name, view in views.items()}


def guard_for(resolver_match):
    """The view that answers a request resolved to ``resolver_match`` in
    place of Wagtail's, or None for a view that is not guarded."""
    if resolver_match is None:
        return None
    return guarded_views().get(resolver_match.view_name)


class AdminGuardMiddleware:
    """Answers a guarded Wagtail admin view with its scoped version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        guard = guard_for(request.resolver_match)
        if guard is None:
            return None
        return guard(request, *view_args, **view_kwargs)
