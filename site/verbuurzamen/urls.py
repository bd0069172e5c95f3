from django.conf import settings
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.decorators.http import require_POST
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access, user_passes_test
from wagtail.documents import urls as wagtaildocs_urls
from wagtailcache import views as wagtailcache_views

from verbuurzamen import health, private_pages


def _guard(route: str, view):
    """``view`` in front of Wagtail's own at ``beheer/<route>``, behind the
    same admin login check. (The plugin's own guards need no route here:
    neighbourhood.scoping.middleware.AdminGuardMiddleware answers them.)"""
    return path(f"beheer/{route}", require_admin_access(view))


superusers_only = user_passes_test(lambda user: user.is_superuser)


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links:
    the icon in site/static. Not permanent: its static name may change."""
    return redirect(static("favicon.ico"))


urlpatterns = [
    path("health/", health.ready, name="health"),
    path("health/live/", health.live, name="health_live"),
    path("favicon.ico", favicon),
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
