"""The outbox's background work: delivering one message, as a django-tasks
task (immediate by default, the database backend and its worker in production)."""

from django_tasks import task


@task()
def outbox_deliver(message_id: int) -> bool:
    from neighbourhood.outbox.services import outbox_send

    return outbox_send(message_id=message_id)
