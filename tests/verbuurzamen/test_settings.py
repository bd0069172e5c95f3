"""The environment layers: production is configured by the environment only."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]
STRONG_SECRET = "v3rbuurzamen-test-7Qx!kP2zR9mW4tL8nB6cY1dF5gH0jS3aE-long-enough"


def _manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="verbuurzamen.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_under_production_settings_reports_nothing():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_SECRET,
        ALLOWED_HOSTS="verbuurzamen.example.nl",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_start_without_secret_key_fails_with_a_clear_message():
    result = _manage("check", ALLOWED_HOSTS="verbuurzamen.example.nl")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_start_without_allowed_hosts_fails_with_a_clear_message():
    result = _manage("check", SECRET_KEY=STRONG_SECRET)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_defaults_are_sqlite_local_memory_console_mail_and_dutch():
    from verbuurzamen.settings import dev

    if "DATABASE_URL" not in os.environ:
        assert dev.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert dev.DEBUG is True
    assert dev.LANGUAGE_CODE == "nl"
    assert dev.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    if "REDIS_URL" not in os.environ:
        assert dev.CACHES["default"]["BACKEND"].endswith("LocMemCache")


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
