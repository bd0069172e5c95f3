from django.urls import path

from neighbourhood import views, volunteer_views

app_name = "neighbourhood"

urlpatterns = [
    path("intrekken/<str:token>/", views.withdraw, name="withdraw"),
    path(
        "vrijwilliger/uitnodiging/<str:token>/",
        volunteer_views.volunteer_invitation,
        name="volunteer_invitation",
    ),
]
