from django.urls import include, path

from neighbourhood import views

app_name = "neighbourhood"

urlpatterns = [
    path("intrekken/<str:token>/", views.withdraw, name="withdraw"),
    path("", include("neighbourhood.volunteers.urls")),
]
