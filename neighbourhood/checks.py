"""System checks: what a host must add for the plugin to work safely, named
at ``manage.py check`` rather than found out at the first request."""

from django.conf import settings
from django.core import checks

MIDDLEWARE_PATH = "neighbourhood.scoping.middleware.AdminGuardMiddleware"
# The guard answers in place of Wagtail's view: only after these have run.
GUARD_AFTER = (
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
)


@checks.register(checks.Tags.security)
def admin_guard_middleware_installed(app_configs, **kwargs):
    """Without the admin guard, Wagtail's reports, explorer filters and
    review views show every WOP's data to every volunteer."""
    middleware = list(settings.MIDDLEWARE)
    if MIDDLEWARE_PATH not in middleware:
        return [
            checks.Error(
                f"MIDDLEWARE lacks {MIDDLEWARE_PATH!r}: Wagtail's admin would "
                "show volunteers other WOPs' data.",
                hint=f"Add it to MIDDLEWARE after {', '.join(GUARD_AFTER)}.",
                id="neighbourhood.E001",
            )
        ]
    position = middleware.index(MIDDLEWARE_PATH)
    before = [name for name in GUARD_AFTER if name not in middleware[:position]]
    if before:
        return [
            checks.Error(
                f"{MIDDLEWARE_PATH!r} must come after {', '.join(before)} in "
                "MIDDLEWARE.",
                id="neighbourhood.E001",
            )
        ]
    return []
