"""The server the browser tests drive: the demo's settings, with e-mail
written to files the tests read (``VERBUURZAMEN_MAIL_DIR``)."""

import os

from .dev import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["VERBUURZAMEN_MAIL_DIR"]
# The journeys post many forms from one address in a few minutes.
PUBLIC_FORM_RATE_LIMIT = 1000
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
