"""The one way e-mail leaves the platform: through the outbox.

``email_enqueue`` stores the message and enqueues its delivery inside the
caller's transaction, so a record and its e-mail are saved together or not at
all. Delivery failures leave the message pending; it is retried with back-off
by the task queue (when it can defer) and by ``manage.py send_outbox``.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.admin.utils import get_admin_base_url

from neighbourhood.models import OutboxEmail

logger = logging.getLogger(__name__)

# Minutes to wait before each retry; after the last one we give up.
RETRY_DELAYS = (1, 5, 15, 60, 180, 720)

_held = ContextVar("outbox_held", default=False)


@contextmanager
def outbox_held():
    """Inside, ``email_enqueue`` renders each message but neither stores nor
    sends it: for running the services on made-up people (the demo seed)."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)


def absolute_url(path: str) -> str:
    """``path`` as a full link for e-mail, which is read outside any request:
    on the site's base URL (``WAGTAILADMIN_BASE_URL``)."""
    return (get_admin_base_url() or "").rstrip("/") + path


def email_enqueue(
    *, to: list[str], subject: str, template: str, context: dict
) -> OutboxEmail:
    """Render ``template`` (plain text) and queue it for ``to``; under
    ``outbox_held`` the message is returned unsaved and nothing is sent."""
    from neighbourhood.outbox.tasks import outbox_deliver

    message = OutboxEmail(
        to=list(to), subject=str(subject), body=render_to_string(template, context)
    )
    if _held.get():
        return message
    message.save()
    outbox_deliver.enqueue(message.pk)
    return message


def outbox_send(*, message_id: int) -> bool:
    """Try to send one pending message. True if it went out."""
    with transaction.atomic():
        message = (
            OutboxEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=OutboxEmail.Status.PENDING)
            .first()
        )
        if message is None:
            return False
        try:
            EmailMessage(
                subject=message.subject, body=message.body, to=message.to
            ).send()
        except Exception as error:  # any transport failure: keep it and retry
            _schedule_retry(message, error)
            return False
        message.status = OutboxEmail.Status.SENT
        message.sent_at = timezone.now()
        message.attempts += 1
        message.save(update_fields=["status", "sent_at", "attempts"])
        return True


def outbox_send_due() -> int:
    """Send every pending message whose next attempt is due; returns how many went."""
    due = OutboxEmail.objects.due().values_list("pk", flat=True)
    return sum(outbox_send(message_id=pk) for pk in list(due))


def _schedule_retry(message: OutboxEmail, error: Exception) -> None:
    from neighbourhood.outbox.tasks import outbox_deliver

    message.attempts += 1
    # The error class only: a message text may quote an address.
    message.last_error = type(error).__name__
    if message.attempts > len(RETRY_DELAYS):
        message.status = OutboxEmail.Status.FAILED
        logger.error(
            "E-mail %s given up after %s attempts", message.pk, message.attempts
        )
    else:
        delay = timedelta(minutes=RETRY_DELAYS[message.attempts - 1])
        message.next_attempt_at = timezone.now() + delay
        logger.warning(
            "E-mail %s failed (%s); retry %s at %s",
            message.pk,
            message.last_error,
            message.attempts,
            message.next_attempt_at,
        )
        if outbox_deliver.get_backend().supports_defer:
            outbox_deliver.using(run_after=message.next_attempt_at).enqueue(message.pk)
    message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
