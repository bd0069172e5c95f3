"""The dates of an activity, made from its schedule: what listings show and
what people sign up for."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models.pages import EventPage
from events.models.rsvps import EventRSVP, RSVPStatus
from neighbourhood.models import NeighbourhoodPage
from neighbourhood.scoping.permissions import wop_ids_for_user

# Longer than any date of an activity lasts (its start and end time are on
# one day, or an evening into the night).
UPCOMING_STARTED_WITHIN = timedelta(days=2)


class EventOccurrenceQuerySet(models.QuerySet):
    def live(self):
        """Of a published activity in a published WOP (or city-wide)."""
        return self.filter(event__live=True).filter(
            models.Q(wop__isnull=True) | models.Q(wop__live=True)
        )

    def with_places(self):
        """Each row carries ``confirmed_people`` and ``waiting_people``, so
        "places left" (``events.selectors.places_open``) needs no query per
        row.

        A subquery per row, not a join with GROUP BY: grouping makes the
        database sum every upcoming date before it can sort and take a page
        (0.9 s for the city calendar on 150,000 dates)."""
        return self.annotate(
            confirmed_people=self._people(RSVPStatus.CONFIRMED),
            waiting_people=self._people(RSVPStatus.WAITING),
        )

    @staticmethod
    def _people(status):
        people = (
            EventRSVP.objects.filter(occurrence=models.OuterRef("pk"), status=status)
            .order_by()
            .values("occurrence")
            .annotate(people=models.Sum("people"))
            .values("people")
        )
        return Coalesce(models.Subquery(people, output_field=models.IntegerField()), 0)

    def for_user(self, user):
        """The dates ``user`` works with: those of activities in their WOPs,
        and of city-wide activities with RSVPs from their WOPs."""
        own_rsvps = EventRSVP.objects.for_user(user).filter(
            occurrence=models.OuterRef("pk")
        )
        return self.filter(
            models.Q(wop__in=wop_ids_for_user(user))
            | (models.Q(wop__isnull=True) & models.Exists(own_rsvps))
        )

    def upcoming(self, now=None):
        """Not yet over, not cancelled, of a published activity; soonest first."""
        now = now or timezone.now()
        return (
            self.live()
            .filter(
                ends_at__gte=now,
                is_cancelled=False,
                # A date lasts less than a day, so this follows from the end;
                # said outright, the index on the start skips the past years
                # instead of reading them to find the first upcoming date.
                starts_at__gte=now - UPCOMING_STARTED_WITHIN,
            )
            .order_by("starts_at", "pk")
        )


class EventOccurrence(models.Model):
    """One date of an activity: what listings show and what people sign up for.

    Made from the activity's schedule when it is published (see
    ``events.services.event_occurrences_sync``); a date that is dropped while
    people are signed up is kept, marked cancelled.
    """

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="occurrences"
    )
    # Denormalised from the page tree so listings filter without joins.
    wop = models.ForeignKey(
        NeighbourhoodPage,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    date = models.DateField(_("datum"))
    starts_at = models.DateTimeField(_("begint"), db_index=True)
    ends_at = models.DateTimeField(_("eindigt"), db_index=True)
    is_cancelled = models.BooleanField(_("gaat niet door"), default=False)
    # Counted at the door; together with the RSVPs marked attended this is
    # the attendance the figures report.
    walk_ins = models.PositiveIntegerField(_("zonder aanmelding gekomen"), default=0)

    objects = EventOccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("keer")
        verbose_name_plural = _("keren")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "date"], name="one_occurrence_a_day"
            )
        ]
        # A WOP's calendar and its page's "coming soon": in date order
        # without sorting all of the WOP's dates.
        indexes = [
            models.Index(fields=["wop", "starts_at"], name="occurrence_wop_starts_at")
        ]

    def __str__(self):
        return (
            f"{self.event.title}, {timezone.localtime(self.starts_at):%d-%m-%Y %H:%M}"
        )

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()


def occurrence_bounds(event: EventPage, day) -> tuple[datetime, datetime]:
    """The aware start and end of ``event`` on ``day``."""
    tz = timezone.get_current_timezone()
    starts_at = timezone.make_aware(datetime.combine(day, event.start_time), tz)
    ends_at = timezone.make_aware(datetime.combine(day, event.end_time), tz)
    return starts_at, ends_at
