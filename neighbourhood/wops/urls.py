"""The postcode finder's URL, included in ``neighbourhood.urls`` (so its name
is ``neighbourhood:find_neighbourhood``)."""

from django.urls import path

from neighbourhood.wops import views

urlpatterns = [
    path("wijk-zoeken/", views.find_neighbourhood, name="find_neighbourhood"),
]
