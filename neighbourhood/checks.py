"""System checks: a host that misses something the plugin needs hears so
from ``manage.py check`` (and at every start), naming what to add, instead
of from a resident who met a server error or a form that never posts.

README's "Add it to your own Wagtail site" has the lines that satisfy them.
"""

import ipaddress
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, register
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import DatabaseError, connection
from django.urls import NoReverseMatch
from django.utils.module_loading import import_string
from django_tasks import InvalidTaskBackendError, task_backends
from wagtailcache.settings import wagtailcache_settings

CONTEXT_PROCESSOR = "neighbourhood.context_processors.verbuurzamen"
PER_VISITOR_FILL = "neighbourhood.page_cache.PerVisitorFillMiddleware"
ADMIN_GUARD = "neighbourhood.scoping.middleware.AdminGuardMiddleware"
PAGE_CACHE_KEY = "neighbourhood.page_cache.PageCacheKeyMiddleware"
CACHE_UPDATE = "wagtailcache.cache.UpdateCacheMiddleware"
CACHE_FETCH = "wagtailcache.cache.FetchFromCacheMiddleware"

# Middleware the plugin's views rely on, and what breaks without each.
NEEDED_MIDDLEWARE = {
    "django.contrib.sessions.middleware.SessionMiddleware": (
        "the thank-you pages and the volunteers' logins keep their state in the session"
    ),
    "django.middleware.csrf.CsrfViewMiddleware": (
        "the public forms are protected against cross-site posts"
    ),
    "django.contrib.auth.middleware.AuthenticationMiddleware": (
        "volunteers log in to handle their WOP's requests"
    ),
    "django.contrib.messages.middleware.MessageMiddleware": (
        "residents and volunteers are told what happened after a form"
    ),
    PER_VISITOR_FILL: (
        "pages that may be cached carry a placeholder where each visitor's "
        "CSRF token goes; without it no public form can be sent"
    ),
    ADMIN_GUARD: (
        "it keeps Wagtail's reports, explorer and workflow views to each "
        "volunteer's own WOP; without it they show every WOP's data"
    ),
}
# The admin guard answers in place of Wagtail's view, for a logged-in user
# whose form posts were checked: only after these.
GUARD_AFTER = (
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
)

NEEDED_APPS = {
    "wagtail.contrib.settings": "the privacy statement and WOP settings",
    "wagtail.contrib.routable_page": "the pages' own routes (print, thanks)",
    "wagtailcache": "the page cache for anonymous visitors",
    "django_tasks": "sending e-mail in the background",
}


def _position(middleware: list[str], path: str) -> int | None:
    """Where ``path``, or a subclass of it, stands in ``middleware``."""
    wanted = import_string(path)
    for index, entry in enumerate(middleware):
        try:
            found = import_string(entry)
        except ImportError:
            continue  # Django's own check names a middleware that is not there
        if isinstance(found, type) and issubclass(found, wanted):
            return index
    return None


@register(Tags.compatibility)
def check_apps(app_configs=None, **kwargs):
    return [
        Error(
            f"Verbuurzamen needs {label!r} in INSTALLED_APPS ({why}).",
            hint=f"Add {label!r} to INSTALLED_APPS.",
            id="verbuurzamen.E001",
        )
        for label, why in NEEDED_APPS.items()
        if not apps.is_installed(label)
    ]


@register(Tags.compatibility)
def check_middleware(app_configs=None, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    errors = [
        Error(
            f"Verbuurzamen needs {path!r} in MIDDLEWARE: {why}.",
            hint=f"Add {path!r} to MIDDLEWARE.",
            id="verbuurzamen.E002",
        )
        for path, why in NEEDED_MIDDLEWARE.items()
        if _position(middleware, path) is None
    ]
    guard = _position(middleware, ADMIN_GUARD)
    if guard is not None:
        errors += [
            Error(
                f"{ADMIN_GUARD!r} must come after {path!r} in MIDDLEWARE.",
                id="verbuurzamen.E009",
            )
            for path in GUARD_AFTER
            if (_position(middleware, path) or 0) > guard
        ]
    update = _position(middleware, CACHE_UPDATE)
    if update is None:
        return errors
    fill = _position(middleware, PER_VISITOR_FILL)
    if fill is not None and fill > update:
        errors.append(
            Error(
                f"{PER_VISITOR_FILL!r} must come before {CACHE_UPDATE!r} in "
                "MIDDLEWARE: the cache keeps the page with placeholders and "
                "each visitor gets their own token.",
                id="verbuurzamen.E003",
            )
        )
    if _position(middleware, PAGE_CACHE_KEY) != update + 1:
        errors.append(
            Error(
                f"With the page cache on, {PAGE_CACHE_KEY!r} must come right "
                f"after {CACHE_UPDATE!r} in MIDDLEWARE: without it the cache "
                "keeps a copy per visitor, or serves a page in the wrong "
                "language.",
                id="verbuurzamen.E004",
            )
        )
    return errors


@register(Tags.templates)
def check_context_processor(app_configs=None, **kwargs):
    for engine in settings.TEMPLATES:
        if engine["BACKEND"] == "django.template.backends.django.DjangoTemplates":
            processors = engine.get("OPTIONS", {}).get("context_processors", [])
            if CONTEXT_PROCESSOR in processors:
                return []
    return [
        Error(
            f"Verbuurzamen needs {CONTEXT_PROCESSOR!r} among the Django "
            "template engine's context_processors: its pages read the base "
            "template and each visitor's CSRF token and CSP nonce from it.",
            hint=f"Add {CONTEXT_PROCESSOR!r} to TEMPLATES[0]['OPTIONS']"
            "['context_processors'].",
            id="verbuurzamen.E005",
        )
    ]


@register(Tags.caches)
def check_caches(app_configs=None, **kwargs):
    errors = []
    if apps.is_installed("wagtailcache"):
        alias = wagtailcache_settings.WAGTAIL_CACHE_BACKEND
        if alias not in settings.CACHES:
            errors.append(
                Error(
                    f"WAGTAIL_CACHE_BACKEND names the cache {alias!r}, which "
                    "CACHES does not have.",
                    hint="Add a cache of its own for whole pages to CACHES "
                    "(publishing empties it) and name it in "
                    "WAGTAIL_CACHE_BACKEND.",
                    id="verbuurzamen.E006",
                )
            )
    if apps.is_installed("django_tasks"):
        try:
            task_backends["default"]
        except InvalidTaskBackendError as error:
            errors.append(
                Error(
                    f"Verbuurzamen sends e-mail through the 'default' task "
                    f"backend, which cannot be used: {error}",
                    hint="Set TASKS = {'default': {'BACKEND': "
                    "'django_tasks_db.DatabaseBackend'}} (with its worker) "
                    "or the immediate backend.",
                    id="verbuurzamen.E007",
                )
            )
    return errors


@register(Tags.models)
def check_user_model(app_configs=None, **kwargs):
    try:
        user_model = get_user_model()
    except ImproperlyConfigured:
        return []  # Django's own checks say what is wrong with AUTH_USER_MODEL
    try:
        user_model._meta.get_field("email")
    except FieldDoesNotExist:
        return [
            Error(
                f"Verbuurzamen needs an 'email' field on the user model "
                f"{settings.AUTH_USER_MODEL!r}: volunteers are invited, "
                "found and told by their e-mail address.",
                hint="Give the user model an 'email' field (AbstractUser has one).",
                id="verbuurzamen.E008",
            )
        ]
    return []


@register(Tags.urls)
def check_password_reset(app_configs=None, **kwargs):
    """An invitation links to the page where someone whose link expired asks
    for a new one: allauth's (its URLs included), or without allauth
    Wagtail's admin one (not switched off)."""
    from wagtail.admin.views.account import password_reset_enabled

    from neighbourhood.accounts import allauth_installed, password_reset_path

    if allauth_installed():
        try:
            password_reset_path()
        except NoReverseMatch:
            return [
                Error(
                    "Verbuurzamen's invitations link to allauth's password "
                    "reset page, but the URLs do not route allauth.",
                    hint='Add path("account/", include("allauth.urls")) to your URLs.',
                    id="verbuurzamen.E010",
                )
            ]
        return []
    if not password_reset_enabled():
        return [
            Error(
                "Without allauth, Verbuurzamen's invitations link to Wagtail's "
                "password reset page, which WAGTAIL_PASSWORD_RESET_ENABLED "
                "switches off.",
                hint="Remove WAGTAIL_PASSWORD_RESET_ENABLED = False, or install "
                "allauth (wagtail-verbuurzamen[allauth]).",
                id="verbuurzamen.E010",
            )
        ]
    return []


def _sqlite_file_missing() -> bool:
    name = connection.settings_dict["NAME"]
    return (
        connection.vendor == "sqlite"
        and not connection.creation.is_in_memory_db(name)
        and not Path(name).exists()
    )


@register(Tags.security, deploy=True)
def check_public_address(app_configs=None, **kwargs):
    """Every absolute link a resident gets is on the default Wagtail Site's
    root URL (``neighbourhood.addresses``): in production it must be an
    address others can reach. Read from the database; while that cannot be
    read (not reachable, not migrated yet) there is nothing to tell."""
    from wagtail.models import Site

    from neighbourhood.addresses import is_local_host

    hint = (
        "In the admin, Settings → Sites: give the default site the public "
        "host name (e.g. verbuurzamen.capelle.nl) and port 443 for https."
    )
    if _sqlite_file_missing():
        return []  # reading would leave an empty database file behind
    try:
        sites = list(Site.objects.order_by("pk"))
    except DatabaseError:
        return []
    if not any(site.is_default_site for site in sites):
        return [
            Error(
                "No Wagtail Site is the default site: the links in e-mail, "
                "on printed posters and packs and in the agenda feeds have "
                "no address to point to.",
                hint=hint,
                id="verbuurzamen.E011",
            )
        ]
    return [
        Error(
            f"The Wagtail Site {site.site_name or site.hostname!r} is on "
            f"{site.root_url}, which only this server can reach: every link "
            "in e-mail, on printed posters and packs (and their QR codes) and "
            "in the agenda feeds would point there.",
            hint=hint,
            id="verbuurzamen.E011",
        )
        for site in sites
        if is_local_host(site.hostname)
    ]


@register(Tags.security)
def check_trusted_addresses(app_configs=None, **kwargs):
    """Every trusted address of the public forms' limit must be one."""
    from neighbourhood.conf import verbuurzamen_settings

    errors = []
    for entry in verbuurzamen_settings.PUBLIC_FORM_TRUSTED_ADDRESSES:
        try:
            ipaddress.ip_network(str(entry).strip(), strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"PUBLIC_FORM_TRUSTED_ADDRESSES holds {entry!r}, which is "
                    "no address or network.",
                    hint="Write an address (192.0.2.10) or a network "
                    "(198.51.100.0/24).",
                    id="verbuurzamen.E012",
                )
            )
    return errors
