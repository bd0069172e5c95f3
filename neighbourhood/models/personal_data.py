from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalDataLog(models.Model):
    """Who looked up, exported or erased whose personal data, and when (AVG).

    The person is recorded as a keyed hash of the e-mail address or phone
    number asked for, never the value itself, so the log can answer "was this
    person's data erased?" without keeping what was erased.
    """

    class Action(models.TextChoices):
        EXPORT = "export", _("Geëxporteerd")
        ERASE = "erase", _("Gewist")
        RETENTION = "retention", _("Gewist na bewaartermijn")

    action = models.CharField(_("actie"), max_length=10, choices=Action.choices)
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject_hash = models.CharField(_("persoon (versleuteld)"), max_length=64)
    subject_hint = models.CharField(_("persoon (verkort)"), max_length=100)
    records = models.JSONField(_("gegevens"), default=list)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("logregel persoonsgegevens")
        verbose_name_plural = _("logboek persoonsgegevens")
        permissions = [
            (
                "manage_personal_data",
                _("Kan persoonsgegevens opzoeken, exporteren en wissen"),
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.subject_hint}"
