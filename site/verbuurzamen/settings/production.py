"""Production: configured only through environment variables.

Required: SECRET_KEY, ALLOWED_HOSTS. Usual: DATABASE_URL, REDIS_URL,
WAGTAILADMIN_BASE_URL and the EMAIL_* variables; AWS_STORAGE_BUCKET_NAME
(and AWS_S3_*) for media on S3-compatible storage.
"""

import copy
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False

try:
    SECRET_KEY = os.environ["SECRET_KEY"]
except KeyError:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs a long random secret in the "
        "SECRET_KEY environment variable, e.g. the output of: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    ) from None

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Give the site's host names, comma-separated, "
        "e.g. ALLOWED_HOSTS=verbuurzamen.capelle.nl"
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Behind a load balancer that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Copies, changed below: base's own stay as they are.
CONTENT_SECURITY_POLICY = copy.deepcopy(CONTENT_SECURITY_POLICY)  # noqa: F405
CONTENT_SECURITY_POLICY_ADMIN = copy.deepcopy(CONTENT_SECURITY_POLICY_ADMIN)  # noqa: F405
# Browsers load nothing over plain http from a page of this site.
for policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
    policy["DIRECTIVES"]["upgrade-insecure-requests"] = True

# Sessions: read from the cache (Redis), kept in the database, so a session
# outlives a flushed or restarted cache.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Media: a local volume (MEDIA_ROOT, shared by the app servers) unless an
# S3-compatible bucket is named. Credentials: AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, read by boto3 from the environment.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    # Another provider than Amazon (MinIO, Scaleway, ...): its URL.
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    # Served through a CDN or a public bucket under its own host name.
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    # Private bucket by default: links are signed and expire.
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", True)
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    elif AWS_S3_ENDPOINT_URL:
        endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        MEDIA_ORIGIN = f"{endpoint.scheme}://{endpoint.netloc}"
    else:
        MEDIA_ORIGIN = "https://*.amazonaws.com"
    # Pages show images from there.
    for policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
        policy["DIRECTIVES"]["img-src"] = [
            *policy["DIRECTIVES"]["img-src"],
            MEDIA_ORIGIN,
        ]

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# A mail server that does not answer must not hold up the worker for long;
# the outbox tries again later.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# Connections are kept between requests and checked before reuse, so a
# restarted database costs one failed check, not an error page.
DATABASES["default"]["CONN_MAX_AGE"] = int(  # noqa: F405
    os.environ.get("DATABASE_CONN_MAX_AGE", "60")
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# The task row is written in the same transaction as the record it is for;
# run `manage.py db_worker` beside the app servers.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Logs: one JSON object per line on stdout, for the platform to collect.
# E-mail addresses, phone numbers, private links and query strings are
# masked in every message (verbuurzamen.logging); request bodies are never
# logged.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "personal_data": {"()": "verbuurzamen.logging.PersonalDataFilter"},
    },
    "formatters": {
        "json": {"()": "verbuurzamen.logging.JSONFormatter"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["personal_data"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Each error is logged once, by the root logger.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
    },
}
