"""The test suite: like dev, with fast password hashing and mail kept in memory."""

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# The page cache lives as long as the process, across tests; the tests of the
# cache turn it on (tests/neighbourhood/test_page_cache.py).
WAGTAIL_CACHE = False
