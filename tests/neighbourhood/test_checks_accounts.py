"""``manage.py check`` names a host whose invitations would link to a
"forgot password" page it does not have."""

from neighbourhood import checks


def test_with_allauth_its_urls_must_be_routed(settings):
    settings.ROOT_URLCONF = "tests.neighbourhood.without_allauth.urls"

    errors = checks.check_password_reset()

    assert [error.id for error in errors] == ["verbuurzamen.E010"]
    assert "allauth.urls" in errors[0].hint


def test_the_example_host_routes_allauths_reset_page():
    assert checks.check_password_reset() == []
