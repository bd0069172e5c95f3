"""A host's URLs without allauth: Wagtail's admin (with its own login and
"forgot password" pages), documents, the plugin's URLs and Wagtail's pages."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("", include("neighbourhood.urls")),
    path("", include(wagtail_urls)),
]
