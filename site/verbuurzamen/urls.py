from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.http import require_POST
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access, user_passes_test
from wagtail.documents import urls as wagtaildocs_urls
from wagtailcache import views as wagtailcache_views

from neighbourhood.scoping import guards
from verbuurzamen import health, private_pages


def _guard(route: str, view):
    """``view`` in front of Wagtail's own at ``beheer/<route>``, behind the
    same admin login check (see ``neighbourhood.scoping.guards``)."""
    return path(f"beheer/{route}", require_admin_access(view))


def _guard_listing(route: str, view_class):
    """A guarded Wagtail listing and its ``results/`` fragment (the part its
    filters reload), both answered by ``view_class``."""
    return [
        _guard(route, view_class.as_view()),
        _guard(f"{route}results/", view_class.as_view(results_only=True)),
    ]


superusers_only = user_passes_test(lambda user: user.is_superuser)

WORKFLOW_ACTION = "<int:page_id>/<slug:action_name>/<int:task_state_id>/"

urlpatterns = [
    path("health/", health.ready, name="health"),
    path("health/live/", health.live, name="health_live"),
    _guard("choose-page/chosen-multiple/", guards.ScopedChosenMultipleView.as_view()),
    *_guard_listing("reports/site-history/", guards.ScopedLogEntriesView),
    *_guard_listing("reports/workflow/", guards.ScopedWorkflowView),
    _guard(
        f"pages/workflow/action/{WORKFLOW_ACTION}",
        guards.ScopedWorkflowAction.as_view(),
    ),
    _guard(
        f"pages/workflow/collect_action_data/{WORKFLOW_ACTION}",
        guards.ScopedCollectWorkflowActionData.as_view(),
    ),
    _guard(
        "pages/workflow/confirm_cancellation/<int:page_id>/",
        guards.ScopedConfirmWorkflowCancellation.as_view(),
    ),
    _guard(
        "pages/workflow/preview/<int:page_id>/<int:task_id>/",
        guards.ScopedPreviewRevisionForTask.as_view(),
    ),
    _guard(
        "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        guards.ScopedMoveConfirm.as_view(),
    ),
    *_guard_listing("reports/page-types-usage/", guards.ScopedPageTypesUsageReportView),
    *_guard_listing("reports/workflow_tasks/", guards.SafeWorkflowTasksView),
    *_guard_listing("reports/aging-pages/", guards.SafeAgingPagesView),
    *_guard_listing("reports/locked/", guards.SafeLockedPagesView),
    *_guard_listing("redirects/", guards.SafeRedirectIndexView),
    _guard("failwhale/", guards.ErrorTestForSuperusers.as_view()),
    _guard("choose-external-link/", guards.CompleteExternalLinkView.as_view()),
    _guard("pages/", guards.explorer_view("index")),
    _guard("pages/<int:parent_page_id>/", guards.explorer_view("index")),
    _guard(
        "pages/<int:parent_page_id>/results/",
        guards.explorer_view("index", results_only=True),
    ),
    _guard(
        "pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/",
        guards.explorer_view("content_type_use"),
    ),
    _guard(
        "pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "results/",
        guards.explorer_view("content_type_use", results_only=True),
    ),
    # One login: allauth's, with its limit on failed attempts and its second
    # step (two-factor); Wagtail's own form would skip both.
    path(
        "beheer/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # wagtail-cache's "Clear cache" empties the page cache on a plain GET (a
    # link or an image elsewhere could set it off): only a form's POST, with
    # its CSRF token, does here.
    # Its page lists the cached addresses: like its menu item, for
    # superusers only (publishing empties the cache by itself).
    _guard("cache/", superusers_only(wagtailcache_views.index)),
    _guard("cache/clearcache", superusers_only(require_POST(wagtailcache_views.clear))),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include("allauth.urls")),
    path("taal/", include("django.conf.urls.i18n")),
    path("", include("neighbourhood.urls")),
]

if settings.DEBUG:
    # Uploaded images for the demo; never documents, which only Wagtail's
    # serve view hands out, after checking an intern collection's restriction.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Wagtail's own front-end views, answered here before wagtail.urls. Its
# login form for private pages would log in with a password alone (no limit
# on failed attempts, no second step): it leads to allauth's login instead,
# and Wagtail's private pages send there too (WAGTAIL_FRONTEND_LOGIN_URL).
# Its password form for private pages gets a limit on tries.
urlpatterns += [
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path(
        "_util/authenticate_with_password/"
        "<int:page_view_restriction_id>/<int:page_id>/",
        private_pages.authenticate_with_password,
    ),
]

urlpatterns += [path("", include(wagtail_urls))]
