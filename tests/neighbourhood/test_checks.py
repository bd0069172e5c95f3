"""What a host developer hears from ``manage.py check`` when their site
misses something the plugin needs: an error naming it, not a server error
or a form that silently never posts."""

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import models
from django.test.utils import isolate_apps

from neighbourhood import checks
from neighbourhood.conf import DEFAULTS, verbuurzamen_settings

PER_VISITOR_FILL = "neighbourhood.page_cache.PerVisitorFillMiddleware"
PAGE_CACHE_KEY = "neighbourhood.page_cache.PageCacheKeyMiddleware"


def _ids(errors) -> list[str]:
    return [error.id for error in errors]


def test_the_example_host_passes_every_check():
    call_command("check", fail_level="WARNING")


def test_missing_per_visitor_fill_is_named(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != PER_VISITOR_FILL]
    errors = checks.check_middleware()
    assert _ids(errors) == ["verbuurzamen.E002"]
    assert PER_VISITOR_FILL in errors[0].msg


def test_missing_session_middleware_is_named(settings):
    session = "django.contrib.sessions.middleware.SessionMiddleware"
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != session]
    assert any(session in error.msg for error in checks.check_middleware())


def test_manage_py_check_fails_on_a_missing_middleware(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != PER_VISITOR_FILL]
    with pytest.raises(SystemCheckError, match="PerVisitorFillMiddleware"):
        call_command("check")


def test_page_cache_key_must_follow_the_cache_update(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != PAGE_CACHE_KEY]
    errors = checks.check_middleware()
    assert _ids(errors) == ["verbuurzamen.E004"]
    assert PAGE_CACHE_KEY in errors[0].msg


def test_fill_inside_the_cache_is_refused(settings):
    middleware = [m for m in settings.MIDDLEWARE if m != PER_VISITOR_FILL]
    middleware.append(PER_VISITOR_FILL)
    settings.MIDDLEWARE = middleware
    assert "verbuurzamen.E003" in _ids(checks.check_middleware())


def test_without_the_page_cache_its_order_is_not_asked(settings):
    settings.MIDDLEWARE = [
        m
        for m in settings.MIDDLEWARE
        if not m.startswith("wagtailcache.") and m != PAGE_CACHE_KEY
    ]
    assert checks.check_middleware() == []


def test_missing_context_processor_is_named(settings):
    engine = {**settings.TEMPLATES[0]}
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "context_processors": [
            p
            for p in engine["OPTIONS"]["context_processors"]
            if p != checks.CONTEXT_PROCESSOR
        ],
    }
    settings.TEMPLATES = [engine]
    errors = checks.check_context_processor()
    assert _ids(errors) == ["verbuurzamen.E005"]
    assert checks.CONTEXT_PROCESSOR in errors[0].hint


def test_missing_app_is_named(settings):
    settings.INSTALLED_APPS = [
        app for app in settings.INSTALLED_APPS if app != "wagtail.contrib.settings"
    ]
    errors = checks.check_apps()
    assert _ids(errors) == ["verbuurzamen.E001"]
    assert "wagtail.contrib.settings" in errors[0].msg


def test_page_cache_alias_must_exist(settings):
    settings.WAGTAIL_CACHE_BACKEND = "nowhere"
    errors = checks.check_caches()
    assert _ids(errors) == ["verbuurzamen.E006"]
    assert "'nowhere'" in errors[0].msg


def test_unusable_task_backend_is_named(settings):
    settings.TASKS = {"default": {"BACKEND": "no.such.Backend"}}
    errors = checks.check_caches()
    assert _ids(errors) == ["verbuurzamen.E007"]
    assert "'default' task backend" in errors[0].msg


def test_settings_have_defaults_without_the_host_naming_them(settings):
    for name in DEFAULTS:
        if hasattr(settings, name):
            delattr(settings, name)
    assert verbuurzamen_settings.PUBLIC_FORM_RATE_LIMIT == 5
    assert verbuurzamen_settings.PERSONAL_DATA_RETENTION_DAYS == 365
    with pytest.raises(AttributeError, match="no setting"):
        _ = verbuurzamen_settings.NO_SUCH_THING


def test_user_model_without_email_is_named(monkeypatch):
    with isolate_apps("tests"):

        class Member(AbstractBaseUser):
            member_number = models.CharField(max_length=20, unique=True)
            USERNAME_FIELD = "member_number"

            class Meta:
                app_label = "tests"

    monkeypatch.setattr(checks, "get_user_model", lambda: Member)

    errors = checks.check_user_model()

    assert _ids(errors) == ["verbuurzamen.E008"]
    assert "'email'" in errors[0].msg


def test_user_model_with_email_passes():
    assert checks.check_user_model() == []
