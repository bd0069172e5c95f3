"""``manage.py check --deploy`` refuses a site whose links would point to
this server only: the default Wagtail Site (the one public address every
e-mail, poster, QR code and agenda feed links to) on ``localhost`` or a
loopback address, or no default Site at all."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import DatabaseError
from wagtail.models import Site

from neighbourhood import checks
from neighbourhood.addresses import absolute_url, is_local_host, public_base_url


def _default_site_on(hostname, port=80) -> Site:
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()
    return site


@pytest.mark.parametrize(
    "hostname",
    [
        "localhost",
        "LOCALHOST",
        "wijk.localhost",
        "127.0.0.1",
        "127.1.2.3",
        "::1",
        "[::1]",
        "0.0.0.0",
        "",
    ],
)
def test_addresses_only_this_server_reaches_are_local(hostname):
    assert is_local_host(hostname)


@pytest.mark.parametrize(
    "hostname",
    [
        "wijk.example.nl",
        "verbuurzamen.capelle.nl",
        "192.168.1.20",
        "localhost.example.nl",
    ],
)
def test_other_addresses_are_not(hostname):
    assert not is_local_host(hostname)


@pytest.mark.django_db
def test_a_site_on_localhost_is_a_deploy_error_naming_the_site(home):
    _default_site_on("localhost")

    (error,) = checks.check_public_address()

    assert error.id == "verbuurzamen.E011"
    assert "http://localhost" in error.msg
    assert "Settings → Sites" in error.hint


@pytest.mark.django_db
def test_check_deploy_fails_on_a_loopback_site(home):
    _default_site_on("127.0.0.1", 8000)

    with pytest.raises(SystemCheckError, match="verbuurzamen.E011"):
        call_command("check", deploy=True)
    call_command("check")  # outside --deploy the demo's address is fine


@pytest.mark.django_db
def test_a_public_site_passes_and_gives_every_link_its_address(home):
    _default_site_on("wijk.example.nl", 443)

    assert checks.check_public_address() == []
    assert public_base_url() == "https://wijk.example.nl"
    assert absolute_url("/intrekken/abc/") == "https://wijk.example.nl/intrekken/abc/"


@pytest.mark.django_db
def test_no_default_site_is_a_deploy_error(home):
    Site.objects.update(is_default_site=False)

    (error,) = checks.check_public_address()

    assert error.id == "verbuurzamen.E011"
    assert "default site" in error.msg


def test_a_database_that_cannot_be_read_tells_nothing(monkeypatch):
    def unreadable(*args, **kwargs):
        raise DatabaseError("no such table: wagtailcore_site")

    monkeypatch.setattr(Site.objects, "order_by", unreadable)

    assert checks.check_public_address() == []
