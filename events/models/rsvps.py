"""Signing up for one date of an activity (``EventRSVP``), the waiting list
and who a volunteer still has to call."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from neighbourhood.models import Submission, WopOwnedQuerySet


class RSVPStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Aangemeld")
    WAITING = "waiting", _("Op de wachtlijst")
    CANCELLED = "cancelled", _("Afgemeld")


# Moved up from the waiting list without an e-mail address, and not called
# yet: a volunteer has to phone them.
RSVP_TO_CALL = models.Q(
    status=RSVPStatus.CONFIRMED,
    promoted_at__isnull=False,
    promotion_told=False,
    anonymised_at__isnull=True,
)


class EventRSVPQuerySet(WopOwnedQuerySet):
    def to_call(self):
        """Those a volunteer still has to call (``RSVP_TO_CALL``)."""
        return self.filter(RSVP_TO_CALL)

    def with_needs_call(self):
        """Each row carries ``needs_call``: whether it is one ``to_call()``
        returns."""
        return self.annotate(
            needs_call=models.ExpressionWrapper(
                RSVP_TO_CALL, output_field=models.BooleanField()
            )
        )

    def active(self):
        return self.filter(anonymised_at__isnull=True)

    def confirmed(self):
        return self.filter(status=RSVPStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RSVPStatus.WAITING).order_by("created_at", "pk")


class EventRSVP(Submission):
    """Someone (and the people they bring) signing up for one date of an activity."""

    occurrence = models.ForeignKey(
        "events.EventOccurrence",
        verbose_name=_("keer"),
        on_delete=models.CASCADE,
        related_name="rsvps",
    )
    people = models.PositiveSmallIntegerField(_("aantal personen"), default=1)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RSVPStatus.choices,
        default=RSVPStatus.CONFIRMED,
        db_index=True,
    )
    promoted_at = models.DateTimeField(
        _("van de wachtlijst gehaald op"), null=True, blank=True
    )
    promotion_told = models.BooleanField(
        _("weet dat er plaats is"),
        default=False,
        help_text=_("Uit als een vrijwilliger nog moet bellen."),
    )
    # Empty until a volunteer records the date's attendance. Not personal
    # data: it stays when the person is erased, for the figures.
    attended = models.BooleanField(_("aanwezig geweest"), null=True, blank=True)

    objects = EventRSVPQuerySet.as_manager()

    withdrawn_status = RSVPStatus.CANCELLED
    # Until its date; ``rsvp_cancel`` keeps the status of one after its date.
    open_statuses = (RSVPStatus.CONFIRMED, RSVPStatus.WAITING)

    class Meta(Submission.Meta):
        verbose_name = _("aanmelding activiteit")
        verbose_name_plural = _("aanmeldingen activiteiten")
