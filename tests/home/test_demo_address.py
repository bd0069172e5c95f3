"""The demo's links lead to where the demo is served: its seed puts the
default Wagtail Site, the one public address, on that address."""

import pytest
from django.core.management.base import CommandError

from home.demo.build.pages import site_address_update
from neighbourhood.addresses import absolute_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address, links_to",
    [
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://localhost:8080/", "http://localhost:8080"),
        ("https://demo.example.nl", "https://demo.example.nl"),
        ("http://0.0.0.0:9000", "http://0.0.0.0:9000"),
    ],
)
def test_the_demos_links_lead_to_where_it_is_served(home, address, links_to):
    site_address_update(address=address)

    assert absolute_url("/beheer/") == f"{links_to}/beheer/"


@pytest.mark.parametrize(
    "address", ["127.0.0.1:8000", "ftp://example.nl", "http://", "http://x:port"]
)
def test_an_address_that_is_no_site_is_refused_clearly(home, address):
    with pytest.raises(CommandError, match="is not the address of a site"):
        site_address_update(address=address)
