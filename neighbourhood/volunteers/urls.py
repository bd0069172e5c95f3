"""The volunteers' public URLs, included in ``neighbourhood.urls`` (so their names
are ``neighbourhood:volunteer_invitation`` and so on)."""

from django.urls import path

from neighbourhood.volunteers import views

urlpatterns = [
    path(
        "vrijwilliger/uitnodiging/<str:token>/",
        views.volunteer_invitation,
        name="volunteer_invitation",
    ),
    path(
        "vrijwilliger/wachtwoord/<uidb64>/<token>/",
        views.VolunteerSetPasswordView.as_view(),
        name="volunteer_set_password",
    ),
]
