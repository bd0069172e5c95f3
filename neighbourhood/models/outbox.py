from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxEmailQuerySet(models.QuerySet):
    def due(self):
        return self.filter(
            status=OutboxEmail.Status.PENDING, next_attempt_at__lte=timezone.now()
        )


class OutboxEmail(models.Model):
    """An e-mail waiting to be sent, written in the same transaction as the
    record it is about, so a mail outage never loses a submission or its mail.

    The background task sends it; a failure leaves it pending for a retry.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht")
        SENT = "sent", _("Verstuurd")
        FAILED = "failed", _("Mislukt, opgegeven")

    to = models.JSONField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutboxEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mail")

    def __str__(self):
        return self.subject
