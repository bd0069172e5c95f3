from django.urls import path

from neighbourhood import views

app_name = "neighbourhood"

urlpatterns = [
    path("intrekken/<str:token>/", views.withdraw, name="withdraw"),
]
