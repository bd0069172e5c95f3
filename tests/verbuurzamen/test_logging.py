"""Production logs: JSON lines on stdout, with no personal data in them."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from verbuurzamen.logging import (
    JSONFormatter,
    PersonalDataFilter,
    mask_personal_data,
)

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "0612345678",
        "06 1234 5678",
        "010-4567890",
        "010 456 78 90",
        "(010) 456 78 90",
        "0180-123456",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 12345678",
        "0031 6 1234 5678",
    ],
)
def test_dutch_phone_numbers_are_masked_in_any_notation(phone):
    masked = mask_personal_data(f"Bel Hans op {phone} na tienen")

    assert masked.startswith("Bel Hans op ")
    assert masked.endswith(" na tienen")
    assert "[telefoon]" in masked
    digits = [c for c in masked if c.isdigit()]
    assert len(digits) <= 1, masked  # at most the "0" of "(0..." is left


def test_email_addresses_are_masked():
    masked = mask_personal_data(
        "Mail naar Patricia.de-Vries+buurt@example.co.uk mislukt"
    )

    assert masked == "Mail naar [e-mail] mislukt"


def test_private_links_and_query_strings_are_masked():
    masked = mask_personal_data(
        'GET /intrekken/Ab3dEf-gh_IJ/?bron=mail HTTP/1.1" 200; '
        "/account/password/reset/key/1a-set-password/ and "
        "/account/confirm-email/MTpzZWNyZXQ/ and /evenementen/?postcode=2906AB"
    )

    assert "Ab3dEf" not in masked
    assert "bron=mail" not in masked
    assert "1a-set-password" not in masked
    assert "MTpzZWNyZXQ" not in masked
    assert "2906AB" not in masked
    assert "/intrekken/[verborgen]/ HTTP/1.1" in masked
    assert "/evenementen/" in masked


@pytest.mark.parametrize(
    "ordinary",
    [
        "E-mail 1234 given up after 6 attempts",
        "2026-12-01 07:08:09.123456+01:00",
        "took 0.1234567891 s",
        "/beheer/pages/1023456789/edit/",
        "100 submissions in 12.5 s, p99 0.0123456789",
    ],
)
def test_ordinary_numbers_dates_and_paths_are_left_alone(ordinary):
    assert mask_personal_data(ordinary) == ordinary


def _record(message, *args, **extra) -> logging.LogRecord:
    record = logging.getLogger("neighbourhood").makeRecord(
        "neighbourhood", logging.WARNING, __file__, 1, message, args, None
    )
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_a_record_is_one_json_line_without_the_address():
    record = _record("Mail naar %s (%s) mislukt", "truus@example.org", "06-12345678")
    assert PersonalDataFilter().filter(record)

    line = JSONFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "neighbourhood"
    assert entry["message"] == "Mail naar [e-mail] ([telefoon]) mislukt"
    assert entry["time"].endswith("+00:00")


def test_request_log_names_method_and_path_but_no_query_or_token():
    request = RequestFactory().post(
        "/intrekken/geheim-token-123/?mail=truus@example.org",
        {"email": "truus@example.org", "phone": "06-12345678"},
    )
    record = _record("Not Found: %s", request.path, request=request, status_code=404)
    PersonalDataFilter().filter(record)

    entry = json.loads(JSONFormatter().format(record))

    assert entry["method"] == "POST"
    assert entry["path"] == "/intrekken/[verborgen]/"
    assert entry["status"] == 404
    line = json.dumps(entry)
    assert "geheim-token" not in line
    assert "truus" not in line
    assert "12345678" not in line  # the body is never logged


def test_a_traceback_is_kept_but_what_it_quotes_is_masked():
    try:
        raise ValueError("duplicate key (email)=(hans@example.org)")
    except ValueError:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "Fout", (), sys.exc_info()
        )
    PersonalDataFilter().filter(record)

    entry = json.loads(JSONFormatter().format(record))

    assert "Traceback" in entry["exception"]
    assert "ValueError: duplicate key (email)=([e-mail])" in entry["exception"]
    assert "hans@" not in json.dumps(entry)


def test_production_settings_log_json_lines_on_stdout_without_personal_data():
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="verbuurzamen.settings.production",
        SECRET_KEY="v3rbuurzamen-test-7Qx!kP2zR9mW4tL8nB6cY1dF5gH0jS3aE-long-enough",
        ALLOWED_HOSTS="verbuurzamen.example.nl",
    )
    code = (
        "import logging\n"
        "logging.getLogger('neighbourhood.services').warning("
        "'Bevestiging aan %s (%s) uitgesteld', 'yonas@example.org', '0612345678')\n"
        "logging.getLogger('django.request').error('Internal Server Error: %s', "
        "'/intrekken/abc123/?x=1')\n"
        "logging.getLogger('neighbourhood').debug('not shown at INFO')\n"
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    entries = [json.loads(line) for line in lines]
    assert [entry["logger"] for entry in entries] == [
        "neighbourhood.services",
        "django.request",
    ]
    assert entries[0]["message"] == "Bevestiging aan [e-mail] ([telefoon]) uitgesteld"
    assert entries[1]["message"] == "Internal Server Error: /intrekken/[verborgen]/"
    assert "yonas" not in result.stdout + result.stderr
