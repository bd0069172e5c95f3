"""The outbox: e-mail is stored with its record and retried until it goes out."""

from datetime import timedelta
from smtplib import SMTPException

import pytest
from django.core.management import call_command
from django.utils import timezone

from neighbourhood.models import OutboxEmail
from neighbourhood.outbox.services import email_enqueue, outbox_held, outbox_send_due
from neighbourhood.outbox.tasks import RETRY_DELAYS


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPException("mail server unreachable for pietje@example.org")


@pytest.fixture
def mail_down(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    return settings


def _enqueue():
    return email_enqueue(
        to=["truus@example.org"],
        subject="Test",
        template="neighbourhood/email/buddy_signup_staff.txt",
        context={"admin_url": "http://testserver/beheer/"},
    )


def test_queued_mail_is_sent_at_once_with_the_immediate_backend(db, mailoutbox):
    message = _enqueue()

    message.refresh_from_db()
    assert message.status == OutboxEmail.Status.SENT
    assert mailoutbox[0].to == ["truus@example.org"]
    assert "http://testserver/beheer/" in mailoutbox[0].body


def test_held_mail_is_neither_stored_nor_sent(db, mailoutbox):
    """The demo seed runs the services on made-up people: nobody is mailed,
    and nothing waits in the outbox to be sent later."""
    with outbox_held():
        message = _enqueue()

    assert message.pk is None
    assert "http://testserver/beheer/" in message.body
    assert not OutboxEmail.objects.exists()
    assert mailoutbox == []
    _enqueue()
    assert len(mailoutbox) == 1


def test_failed_mail_stays_pending_without_personal_data_in_the_error(db, mail_down):
    message = _enqueue()

    message.refresh_from_db()
    assert message.status == OutboxEmail.Status.PENDING
    assert message.attempts == 1
    assert message.last_error == "SMTPException"
    assert message.next_attempt_at > timezone.now()


def test_failed_mail_is_sent_by_the_retry_once_due(db, mail_down, mailoutbox):
    message = _enqueue()
    mail_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    assert outbox_send_due() == 0  # not due yet
    OutboxEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("send_outbox", stdout=None)

    message.refresh_from_db()
    assert message.status == OutboxEmail.Status.SENT
    assert message.attempts == 2
    assert len(mailoutbox) == 1


def test_mail_is_given_up_after_the_last_retry(db, mail_down):
    message = _enqueue()
    for _ in RETRY_DELAYS:
        OutboxEmail.objects.update(
            next_attempt_at=timezone.now() - timedelta(seconds=1)
        )
        outbox_send_due()

    message.refresh_from_db()
    assert message.status == OutboxEmail.Status.FAILED
    assert message.attempts == len(RETRY_DELAYS) + 1


def test_sent_mail_is_not_sent_twice(db, mailoutbox):
    message = _enqueue()
    OutboxEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))

    outbox_send_due()

    message.refresh_from_db()
    assert len(mailoutbox) == 1
