"""The welcome pack finder's URL, included in ``neighbourhood.urls`` (so its
name is ``neighbourhood:find_welcome_pack``)."""

from django.urls import path

from welcome_pack import finder

urlpatterns = [
    path("welkomstpakket/", finder.find_welcome_pack, name="find_welcome_pack"),
]
