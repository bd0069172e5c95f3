"""Logs on stdout as JSON lines, without personal data.

Production sends every record through ``PersonalDataFilter`` and
``JSONFormatter`` (see ``settings.production.LOGGING``). The filter is the
fence: whatever a message or a traceback quotes, e-mail addresses, Dutch
phone numbers, the tokens of private links (withdraw, password reset,
e-mail confirmation) and query strings do not reach the log. Request bodies
are never logged: only the method and the (masked) path of a request.
"""

import json
import logging
import re
from datetime import UTC, datetime

EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
# 06-12345678, 010 123 45 67, (0180) 123456, +31 6 1234 5678, +31 (0)6...,
# 0031612345678: a leading 0 or the country code, then nine digits.
DUTCH_PHONE = re.compile(
    r"(?<![\w+/.])(?:(?:\+31|0031)[ -]*(?:\(0\)[ -]*)?|0)(?:[ ()-]*\d){9}(?!\d)"
)
# The paths whose last part is a key to someone's data (neighbourhood's
# withdraw link, allauth's password reset and e-mail confirmation).
PRIVATE_LINK = re.compile(
    r"(/(?:intrekken|account/confirm-email|account/password/reset/key)/)"
    r"[^/\s?#\"']+"
)
QUERY_STRING = re.compile(r"(/[^\s?#\"']*)\?[^\s#\"']*")

MASKS = (
    (PRIVATE_LINK, r"\1[verborgen]"),
    (QUERY_STRING, r"\1"),
    (EMAIL, "[e-mail]"),
    (DUTCH_PHONE, "[telefoon]"),
)


def mask_personal_data(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers, private links and
    query strings masked."""
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    """Masks personal data in a record's message and traceback, for every
    handler and formatter after it. Never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_data(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


class JSONFormatter(logging.Formatter):
    """One JSON object per record, on one line: time, level, logger, message,
    and for a request its method, path and status; the traceback, if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_personal_data(record.getMessage()),
        }
        request = getattr(record, "request", None)
        # Django's request loggers attach the request; runserver's, a socket.
        if hasattr(request, "method") and hasattr(request, "path"):
            entry["method"] = request.method
            entry["path"] = mask_personal_data(request.path)
        status_code = getattr(record, "status_code", None)
        if isinstance(status_code, int):
            entry["status"] = status_code
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = mask_personal_data(record.exc_text)
        if record.stack_info:
            entry["stack"] = mask_personal_data(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)
