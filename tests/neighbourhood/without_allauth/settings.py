"""A host without allauth: the example site's test settings with every trace
of allauth taken out, and Wagtail's own login and password reset back on."""

from verbuurzamen.settings.test import *  # noqa: F403
from verbuurzamen.settings.test import (
    AUTHENTICATION_BACKENDS,
    INSTALLED_APPS,
    MIDDLEWARE,
)


def _without_allauth(names):
    return [name for name in names if not name.startswith("allauth")]


INSTALLED_APPS = _without_allauth(INSTALLED_APPS)
MIDDLEWARE = _without_allauth(MIDDLEWARE)
AUTHENTICATION_BACKENDS = _without_allauth(AUTHENTICATION_BACKENDS)
ROOT_URLCONF = "tests.neighbourhood.without_allauth.urls"
LOGIN_URL = "wagtailadmin_login"
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
WAGTAIL_FRONTEND_LOGIN_URL = None
WAGTAIL_PASSWORD_RESET_ENABLED = True
