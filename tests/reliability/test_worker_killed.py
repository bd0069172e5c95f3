"""The task worker is killed while it sends an e-mail: nothing is lost and
nothing goes out twice.

A real ``manage.py db_worker`` process (production settings) against the test
database, a mail server on loopback that keeps it waiting mid-conversation,
then SIGKILL. django-tasks-db leaves a task whose worker died RUNNING for
good; the outbox row is what counts: its lock went with the dead worker's
connection, it is still pending, and ``send_outbox`` (cron, every few
minutes) sends it.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from neighbourhood.models import BuddySignup, OutboxEmail
from tests import factories
from tests.reliability.inprocess import SmtpSink, postgresql_only, wait_for

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("postgresql_only"),
]

__all__ = ["postgresql_only"]

VOLUNTEER = "vrijwilliger@example.org"
RESIDENT = "hans@example.org"


def manage(*args: str, port: int, wait: bool = True):
    """``manage.py`` with production settings on the test database, mail to
    ``port`` on loopback."""
    db = connection.settings_dict
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="verbuurzamen.settings.production",
        SECRET_KEY="reliability-test-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="false",
        PYTHONUNBUFFERED="1",
    )
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args]
    if wait:
        return subprocess.run(command, env=env, capture_output=True, timeout=60)
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def lockable_pending() -> int:
    """Pending e-mails no one holds a lock on (a sender could take them now)."""
    with transaction.atomic():
        return len(
            OutboxEmail.objects.select_for_update(skip_locked=True).filter(
                status="pending"
            )
        )


def test_worker_killed_mid_send_the_mail_still_goes_out_exactly_once(
    settings, client, wop
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    factories.make_volunteer(wop, email=VOLUNTEER)
    project = factories.make_buddy_project(parent=wop)
    response = client.post(
        project.url,
        factories.buddy_signup_form_data(email=RESIDENT, contact_preference="email"),
    )
    assert response.status_code == 302
    assert BuddySignup.objects.count() == 1
    assert OutboxEmail.objects.filter(status="pending").count() == 2

    sink = SmtpSink().start()
    worker = None
    try:
        # The worker takes the first e-mail; the mail server keeps it waiting.
        sink.hold_next()
        started = time.monotonic()
        worker = manage(
            "db_worker",
            "--no-startup-delay",
            "--interval",
            "0.2",
            "--no-reload",
            port=sink.port,
            wait=False,
        )
        assert sink.held.wait(timeout=45), "the worker never reached the mail server"
        print(f"\nWorker inside the task after {time.monotonic() - started:.1f} s")
        running = DBTaskResult.objects.filter(status="RUNNING")
        assert running.count() == 1

        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        sink.release()
        # Its database connection is gone, and with it the lock on the e-mail.
        assert wait_for(lambda: lockable_pending() == 2, timeout=10)
        assert sink.count() == 0

        # A new worker runs what is ready; the killed task is not among them.
        second = manage(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            port=sink.port,
        )
        assert second.returncode == 0, second.stdout.decode()[-2000:]
        left = OutboxEmail.objects.filter(status="pending")
        print(
            f"After a new worker: {sink.count()} sent, {left.count()} waiting, "
            f"{running.count()} task still marked running"
        )
        assert sink.count() == 1
        assert running.count() == 1

        # The retry from cron sends it; running it again sends nothing more.
        for _run in range(2):
            retry = manage("send_outbox", port=sink.port)
            assert retry.returncode == 0, retry.stderr.decode()[-2000:]
    finally:
        sink.stop()
        if worker is not None and worker.poll() is None:
            worker.kill()

    received = sink.per_recipient()
    print(f"After send_outbox: received {dict(received)}")
    assert received == {VOLUNTEER: 1, RESIDENT: 1}
    assert OutboxEmail.objects.filter(status="sent").count() == 2
