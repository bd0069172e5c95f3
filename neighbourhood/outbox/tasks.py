"""The outbox's background work: delivering one message, as a django-tasks
task (immediate by default, the database backend and its worker in
production), and retrying it with back-off when the mail server fails."""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from neighbourhood.models import OutboxEmail

logger = logging.getLogger(__name__)

# Minutes to wait before each retry; after the last one we give up.
RETRY_DELAYS = (1, 5, 15, 60, 180, 720)


@task()
def outbox_deliver(message_id: int) -> bool:
    return outbox_send(message_id=message_id)


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


def _schedule_retry(message: OutboxEmail, error: Exception) -> None:
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
