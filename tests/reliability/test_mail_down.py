"""The mail server is down while residents keep sending forms: every
submission is kept and thanked; once mail is back, every notification goes
out exactly once.

As in production: the database task backend, its worker (``db_worker``) and
the retry command (``send_outbox``), SMTP on loopback.
"""

import signal
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events.models import EventRSVP
from neighbourhood.models import ActionRequest, BuddySignup, OutboxEmail
from tests import factories
from tests.reliability.inprocess import SmtpSink, free_port, postgresql_only
from welcome_pack.models import WelcomePackClaim

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("postgresql_only"),
]

__all__ = ["postgresql_only"]

PER_KIND = 25
VOLUNTEER = "vrijwilliger@example.org"


@pytest.fixture
def production_mail(settings, tmp_path):
    """Tasks in the database, mail over SMTP to a port where nothing listens."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    settings.PUBLIC_FORM_RATE_LIMIT = 10_000
    settings.MEDIA_ROOT = tmp_path
    return settings


@contextmanager
def signals_kept():
    """db_worker installs its own SIGINT/SIGTERM handlers; give pytest its own
    back afterwards."""
    kept = {number: signal.getsignal(number) for number in (2, 15)}
    try:
        yield
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)


def mail_tasks():
    """The queued deliveries (Wagtail queues tasks of its own too)."""
    return DBTaskResult.objects.filter(
        task_path="neighbourhood.outbox.tasks.outbox_deliver"
    )


def run_worker() -> float:
    """The task worker: everything ready, then it stops. Returns seconds."""
    started = time.monotonic()
    with signals_kept():
        call_command(
            "db_worker",
            batch=True,
            reload=False,
            startup_delay=False,
            interval=0,
            verbosity=0,
        )
    return time.monotonic() - started


def send_outbox() -> None:
    """The cron's retry, in a thread of its own (with its own connection)."""
    try:
        call_command("send_outbox")
    finally:
        connection.close()


def submissions(wop):
    """100 residents' forms (page url, answers), 25 of each kind, each with
    an e-mail address of its own."""
    project = factories.make_buddy_project(parent=wop)
    pack = factories.make_welcome_pack(wop=wop)
    event = factories.make_event(
        index=factories.make_event_index(parent=wop), signup_required=True
    )
    occurrence = event.occurrences.get()
    card_page = factories.make_card_action(wop=wop)
    design = factories.make_card_design()
    forms = []
    for n in range(PER_KIND):
        forms += [
            (
                project.url,
                factories.buddy_signup_form_data(
                    name=f"Maatje {n}",
                    phone="",
                    email=f"maatje{n}@example.org",
                    contact_preference="email",
                ),
            ),
            (
                pack.url,
                factories.welcome_claim_form_data(
                    house_number=str(n + 1), email=f"nieuw{n}@example.org"
                ),
            ),
            (
                event.url,
                factories.rsvp_form_data(
                    occurrence=occurrence,
                    name=f"Gast {n}",
                    phone="",
                    email=f"gast{n}@example.org",
                ),
            ),
            (
                card_page.url,
                {
                    "card_design": str(design.pk),
                    "message": "Welkom in de straat!",
                    "recipient_street": "Maasstraat",
                    "recipient_house_number": str(n + 1),
                    "recipient_postcode": "2906 ab",
                    "delivery": "volunteer",
                    "name": f"Afzender {n}",
                    "phone": "",
                    "email": f"kaart{n}@example.org",
                    "consent": "on",
                    "website": "",
                },
            ),
        ]
    return forms


def test_mail_down_loses_nothing_and_each_notification_goes_out_once_when_back(
    production_mail, wop
):
    factories.make_volunteer(wop, email=VOLUNTEER)
    forms = submissions(wop)

    # 1. Mail is down; 100 residents send their form.
    started = time.monotonic()
    thanked = 0
    for url, answers in forms:
        client = Client()
        response = client.post(url, answers, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain, "no thanks page"
        page = response.content.decode()
        thanked += "Bedankt" in page or "U bent aangemeld" in page
    sending = time.monotonic() - started

    stored = (
        BuddySignup.objects.count()
        + WelcomePackClaim.objects.count()
        + EventRSVP.objects.count()
        + ActionRequest.objects.count()
    )
    outbox = OutboxEmail.objects.count()
    print(
        f"\nMail down: {len(forms)} submissions in {sending:.1f} s, {stored} stored, "
        f"{thanked} thanked; {outbox} e-mails waiting, "
        f"{mail_tasks().ready().count()} delivery tasks ready"
    )
    assert stored == len(forms) == thanked
    # A confirmation for each resident; the WOP's volunteer hears of each
    # sign-up, claim and card (not of RSVPs).
    assert outbox == len(forms) + 3 * PER_KIND
    assert (
        OutboxEmail.objects.filter(status=OutboxEmail.Status.PENDING).count() == outbox
    )
    assert mail_tasks().ready().count() == outbox

    # 2. The worker runs while mail is still down: every e-mail stays waiting,
    # with a retry planned.
    seconds = run_worker()
    print(f"Worker with mail down: {outbox} attempts failed in {seconds:.1f} s")
    assert (
        OutboxEmail.objects.filter(
            status=OutboxEmail.Status.PENDING, attempts=1
        ).count()
        == outbox
    )
    assert mail_tasks().ready().count() == 0  # retries wait a minute

    # 3. Mail is back, a minute later: the worker's retries and the cron's
    # send_outbox run at the same moment and race for the same e-mails.
    sink = SmtpSink().start()
    try:
        production_mail.EMAIL_PORT = sink.port
        a_minute_ago = timezone.now() - timedelta(minutes=1)
        OutboxEmail.objects.update(next_attempt_at=a_minute_ago)
        mail_tasks().filter(status="READY").update(run_after=a_minute_ago)
        assert mail_tasks().ready().count() == outbox

        cron = threading.Thread(target=send_outbox)
        started = time.monotonic()
        cron.start()
        run_worker()
        cron.join(timeout=60)
        seconds = time.monotonic() - started
    finally:
        sink.stop()

    received = sink.per_recipient()
    print(
        f"Mail back: {sink.count()} messages delivered in {seconds:.1f} s; "
        f"{OutboxEmail.objects.filter(status='sent').count()} marked sent; "
        f"most copies to one resident: "
        f"{max(n for address, n in received.items() if address != VOLUNTEER)}"
    )
    assert sink.count() == outbox
    assert received.pop(VOLUNTEER) == 3 * PER_KIND
    assert len(received) == len(forms)
    assert set(received.values()) == {1}
    assert OutboxEmail.objects.filter(status=OutboxEmail.Status.SENT).count() == outbox
