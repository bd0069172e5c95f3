"""The site's one public address: the default Wagtail Site on
https://wijk.example.nl, while every other address the code could reach for
says something else (the request's host ``testserver``, the admin's
``WAGTAILADMIN_BASE_URL``)."""

import pytest
from wagtail.models import Site


@pytest.fixture
def public_site(home, settings):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "wijk.example.nl", 443
    site.save()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    return site
