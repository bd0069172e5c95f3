"""Settings shared by every environment.

Environment layers (dev, test, production) only change what differs; anything
a deployment sets comes from environment variables.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
SITE_DIR = PROJECT_DIR.parent
BASE_DIR = SITE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def redis_database(url: str, number: int) -> str:
    """``url`` with its database number replaced by ``number``."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{number}"))


INSTALLED_APPS = [
    # Ours, left to right along the dependency chain.
    "home",
    "welcome_pack",
    "events",
    "neighbourhood",
    # Wagtail.
    "wagtail.contrib.settings",
    "wagtailcache",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Background work.
    "django_tasks",
    "django_tasks_db",
    # Accounts.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Content-Security-Policy (verbuurzamen.csp).
    "csp",
    # Django.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache's fill below, so the nonce it puts into a cached
    # page is the one named in this response's header.
    "verbuurzamen.csp.ContentSecurityPolicyMiddleware",
    # The page cache (neighbourhood.page_cache): each visitor's CSRF token and
    # nonce go into a cached page outside it; wagtail-cache stores on the way
    # out here and serves from the cache at the end of this list.
    "neighbourhood.page_cache.PerVisitorFillMiddleware",
    "wagtailcache.cache.UpdateCacheMiddleware",
    "neighbourhood.page_cache.PageCacheKeyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The resident's language: the language cookie set by the chooser, else
    # the browser's, else Dutch. Wagtail's admin uses each user's own setting.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Wagtail's admin views that would show another WOP's data, answered by
    # their scoped versions (after the CSRF and login middleware above).
    "neighbourhood.scoping.middleware.AdminGuardMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wagtailcache.cache.FetchFromCacheMiddleware",
]

ROOT_URLCONF = "verbuurzamen.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "neighbourhood.context_processors.verbuurzamen",
            ],
        },
    },
]

WSGI_APPLICATION = "verbuurzamen.wsgi.application"

# Database: SQLite next to manage.py unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every app server), otherwise
# local memory. Whole pages for anonymous visitors go into a cache of their
# own ("pages", see neighbourhood.page_cache): publishing empties it, and in
# Redis that empties its whole database, so it must not be the default one's.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
if os.environ.get("REDIS_URL"):
    # An unreachable Redis is an empty cache, not a server error (see
    # verbuurzamen.cache); a Redis that hangs is given up on within a second.
    REDIS_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
    CACHES = {
        "default": {
            "BACKEND": "verbuurzamen.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": REDIS_OPTIONS,
        },
        "pages": {
            "BACKEND": "verbuurzamen.cache.ResilientRedisCache",
            "LOCATION": os.environ.get(
                "REDIS_PAGE_CACHE_URL", redis_database(os.environ["REDIS_URL"], 1)
            ),
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
WAGTAIL_CACHE = env_bool("PAGE_CACHE", True)
WAGTAIL_CACHE_BACKEND = "pages"

# Accounts.
AUTH_USER_MODEL = "home.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
# Setting a password through a reset link (also how an invited volunteer
# chooses their first one) logs the person in.
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
LOGIN_URL = "account_login"
# Where residents with an account land after logging in; volunteers and
# coordinators land on the admin's dashboard (verbuurzamen.accounts).
LOGIN_REDIRECT_URL = "/"
# allauth's rate limits, with its defaults, plus one of the site's own: tries
# of a private page's password, per client address and page restriction
# (verbuurzamen.private_pages).
ACCOUNT_RATE_LIMITS = {"page_password": "5/15m/key"}
# Two-factor login (allauth.mfa): an authenticator app, with recovery codes
# for when the phone is lost. Offered to everyone, meant for volunteers and
# coordinators.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Verbuurzamen"

# Language and time: Dutch first, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
# The project catalogues come first: they hold the site's own templates and
# the formal Dutch ("u", "Inloggen") that replaces allauth's wording.
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language chooser's choice is remembered for a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files and media.
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Large page forms in the Wagtail editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Verbuurzamen <noreply@verbuurzamen.nl>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Wagtail.
WAGTAIL_SITE_NAME = "Verbuurzamen"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Refuses an image too large for Pillow to open with a message, not a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "neighbourhood.scoping.image_forms.ImageForm"
# Passwords are reset through allauth (linked from its login page), which
# limits how often; Wagtail's own reset pages would not.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# The admin's login is allauth's: one login with its rate limit on failed
# attempts (ACCOUNT_RATE_LIMITS, "login_failed") and its two-factor step.
WAGTAILADMIN_LOGIN_URL = "account_login"
# The same login for pages open only to logged-in people.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# No Gravatar: volunteers' (hashed) e-mail addresses go to no third party,
# and the admin's policy loads images from this site only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Review requests go to the coordinators of the page's WOP (neighbourhood's
# WOP review), not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Content-Security-Policy (django-csp, verbuurzamen.csp). Public pages run
# only this site's own files, and inline code only with the request's nonce
# (`nonce="{{ csp_nonce }}"`). Wagtail's admin has inline scripts and styles
# of its own, so under /beheer/ the admin policy applies instead.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # data: for the two-factor QR code.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No nonce here: next to a nonce, browsers ignore 'unsafe-inline'.
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        # Wagtail's check for a newer version, shown to administrators.
        "connect-src": [SELF, "https://releases.wagtail.org"],
        # The preview panel, and embedded videos in previews.
        "frame-src": [SELF, "https:"],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Background work: run at once by default; production uses the database
# backend and its worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The plugin's pages in this site's own layout (header, navigation, footer).
VERBUURZAMEN_BASE_TEMPLATE = "base.html"

# Public forms: at most this many sendings per client address per minute;
# more from the addresses or networks of community centres, comma-separated.
PUBLIC_FORM_RATE_LIMIT = int(os.environ.get("PUBLIC_FORM_RATE_LIMIT", "5"))
PUBLIC_FORM_TRUSTED_ADDRESSES = tuple(
    entry.strip()
    for entry in os.environ.get("PUBLIC_FORM_TRUSTED_ADDRESSES", "").split(",")
    if entry.strip()
)
PUBLIC_FORM_TRUSTED_RATE_LIMIT = int(
    os.environ.get("PUBLIC_FORM_TRUSTED_RATE_LIMIT", "30")
)
# How many proxies in front of the app set X-Forwarded-For (0: use REMOTE_ADDR).
NUM_PROXIES = int(os.environ.get("NUM_PROXIES", "0"))
# One rule for the client's address, allauth's: its login limit and the
# public forms' limit (neighbourhood.accounts.client_ip) count by the same one.
ALLAUTH_TRUSTED_PROXY_COUNT = NUM_PROXIES
# ...and a request that did not pass every proxy counted by its own address,
# not answered with a server error; admin users land on the dashboard after
# logging in (verbuurzamen.accounts, on the plugin's adapter).
ACCOUNT_ADAPTER = "verbuurzamen.accounts.AccountAdapter"

# Personal data (AVG): a submission is erased this many days after it ended
# (delivered, declined, ended, past); `manage.py enforce_retention`, daily.
PERSONAL_DATA_RETENTION_DAYS = int(
    os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "365")
)

# When a submission nobody finished has ended, for the retention rule above:
# a buddy sign-up never matched this many months after its last change, a
# request or claim nobody handled this many months after its last change.
# The WOP's volunteers are told this many days before such a one is erased.
PERSONAL_DATA_UNMATCHED_SIGNUP_MONTHS = int(
    os.environ.get("PERSONAL_DATA_UNMATCHED_SIGNUP_MONTHS", "12")
)
PERSONAL_DATA_UNHANDLED_REQUEST_MONTHS = int(
    os.environ.get("PERSONAL_DATA_UNHANDLED_REQUEST_MONTHS", "6")
)
PERSONAL_DATA_RETENTION_NOTICE_DAYS = int(
    os.environ.get("PERSONAL_DATA_RETENTION_NOTICE_DAYS", "14")
)

# Documents: the upload form says which collection is public and which is a
# WOP's private (intern) one, served to its own people only (issue 15).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "neighbourhood.scoping.document_forms.DocumentForm"

# The neighbourhood index, and the city-wide buddy projects and calendar, go
# under this site's home page (neighbourhood.conf).
VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]
# Never from the page cache: the accounts (allauth), the language chooser and
# the health checks (the admin, documents and withdraw links never are).
VERBUURZAMEN_NEVER_CACHED_PATHS = ("/account/", "/taal/", "/health/")
