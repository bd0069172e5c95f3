"""The one way e-mail leaves the platform: through the outbox.

``email_enqueue`` stores the message and enqueues its delivery inside the
caller's transaction, so a record and its e-mail are saved together or not at
all. Delivery failures leave the message pending; it is retried with back-off
by the task queue (when it can defer) and by ``manage.py send_outbox``.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.template.loader import render_to_string

from neighbourhood.models import OutboxEmail
from neighbourhood.outbox.tasks import outbox_deliver, outbox_send

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


def email_enqueue(
    *, to: list[str], subject: str, template: str, context: dict
) -> OutboxEmail:
    """Render ``template`` (plain text) and queue it for ``to``; under
    ``outbox_held`` the message is returned unsaved and nothing is sent."""
    message = OutboxEmail(
        to=list(to), subject=str(subject), body=render_to_string(template, context)
    )
    if _held.get():
        return message
    message.save()
    outbox_deliver.enqueue(message.pk)
    return message


def outbox_send_due() -> int:
    """Send every pending message whose next attempt is due; returns how many went."""
    due = OutboxEmail.objects.due().values_list("pk", flat=True)
    return sum(outbox_send(message_id=pk) for pk in list(due))
