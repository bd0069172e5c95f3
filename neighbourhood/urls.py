from django.urls import include, path

from neighbourhood.submissions import views as submission_views

app_name = "neighbourhood"

urlpatterns = [
    path("intrekken/<str:token>/", submission_views.withdraw, name="withdraw"),
    path("", include("neighbourhood.volunteers.urls")),
    path("", include("neighbourhood.wops.urls")),
    # The welcome pack's finder: named, not imported (welcome_pack builds on
    # neighbourhood), so a host includes the plugin's URLs once.
    path("", include("welcome_pack.urls")),
]
