"""The admin URLs of Persoonsgegevens, under /admin/persoonsgegevens/."""

from django.urls import include, path

from neighbourhood.privacy.views import (
    PersonalDataEraseView,
    PersonalDataExportView,
    PersonalDataLogView,
    PersonalDataReadableView,
    PersonalDataSearchView,
)

urlpatterns = [
    path("", PersonalDataSearchView.as_view(), name="search"),
    path("downloaden/", PersonalDataExportView.as_view(), name="export"),
    path("lezen/", PersonalDataReadableView.as_view(), name="export_readable"),
    path("wissen/", PersonalDataEraseView.as_view(), name="erase"),
    path("logboek/", PersonalDataLogView.as_view(), name="log"),
]


def admin_urls():
    return [
        path(
            "persoonsgegevens/",
            include((urlpatterns, "personal_data"), namespace="personal_data"),
        )
    ]
