from django.urls import path

from home import views

app_name = "home"

urlpatterns = [
    path("wijk-zoeken/", views.find_neighbourhood, name="find_neighbourhood"),
    path("welkomstpakket/", views.find_welcome_pack, name="find_welcome_pack"),
]
