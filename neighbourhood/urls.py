from django.urls import include, path

from neighbourhood.submissions import views as submission_views

app_name = "neighbourhood"

urlpatterns = [
    path("intrekken/<str:token>/", submission_views.withdraw, name="withdraw"),
    path("", include("neighbourhood.volunteers.urls")),
]
