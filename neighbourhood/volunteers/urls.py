"""The volunteers' public URL, included in ``neighbourhood.urls`` (so its name
is ``neighbourhood:volunteer_invitation``)."""

from django.urls import path

from neighbourhood.volunteers import views

urlpatterns = [
    path(
        "vrijwilliger/uitnodiging/<str:token>/",
        views.volunteer_invitation,
        name="volunteer_invitation",
    ),
]
