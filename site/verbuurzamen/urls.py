from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from neighbourhood.admin_guards import ScopedChosenMultipleView, ScopedLogEntriesView

urlpatterns = [
    # In front of Wagtail's own views at these paths: see neighbourhood.admin_guards.
    path(
        "beheer/choose-page/chosen-multiple/",
        require_admin_access(ScopedChosenMultipleView.as_view()),
    ),
    path(
        "beheer/reports/site-history/",
        require_admin_access(ScopedLogEntriesView.as_view()),
    ),
    path(
        "beheer/reports/site-history/results/",
        require_admin_access(ScopedLogEntriesView.as_view(results_only=True)),
    ),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include("allauth.urls")),
    path("", include("home.urls")),
    path("", include("neighbourhood.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
