"""Seeding through the services without mailing anyone."""

from contextlib import contextmanager

from django.test.utils import override_settings
from django_tasks import task_backends

from neighbourhood.models import OutboxEmail
from neighbourhood.tasks import outbox_deliver


@contextmanager
def mail_off():
    """Inside, the services' e-mails are queued to a task backend that runs
    nothing, and on leaving they are taken out of the outbox: the demo's
    made-up residents and its volunteers are never mailed. The services run
    as they do for a resident otherwise."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        yield
        held = [
            result.args[0]
            for result in task_backends[outbox_deliver.backend].results
            if result.task.name == outbox_deliver.name
        ]
    OutboxEmail.objects.filter(pk__in=held).delete()
