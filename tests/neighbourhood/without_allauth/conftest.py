"""Every test here runs in a host without allauth: its settings
(``settings.py`` next to this file) over the example site's, which also takes
allauth out of the app registry for the test."""

import pytest
from django.test.utils import override_settings

from tests.neighbourhood.without_allauth import settings as host_settings

CHANGED = (
    "INSTALLED_APPS",
    "MIDDLEWARE",
    "AUTHENTICATION_BACKENDS",
    "ROOT_URLCONF",
    "LOGIN_URL",
    "WAGTAILADMIN_LOGIN_URL",
    "WAGTAIL_FRONTEND_LOGIN_URL",
    "WAGTAIL_PASSWORD_RESET_ENABLED",
)


@pytest.fixture(autouse=True)
def _without_allauth():
    with override_settings(**{name: getattr(host_settings, name) for name in CHANGED}):
        yield
