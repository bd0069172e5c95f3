from datetime import datetime, timedelta

from django import forms
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.page_forms import EventPageForm
from neighbourhood.models import NeighbourhoodPage, Submission, WopOwnedQuerySet
from neighbourhood.submissions.fields import ChoiceListField

# The furthest a repeating activity may run ahead of its first date.
MAX_RECURRENCE_SPAN = timedelta(days=2 * 366)

WEEKDAY_CHOICES = [
    (0, _("maandag")),
    (1, _("dinsdag")),
    (2, _("woensdag")),
    (3, _("donderdag")),
    (4, _("vrijdag")),
    (5, _("zaterdag")),
    (6, _("zondag")),
]


class EventKind(models.TextChoices):
    """The three kinds of meeting the national guide distinguishes."""

    GROUP = "group", _("Samen iets doen in een groep")
    ONE_TO_ONE = "one_to_one", _("Eén op één")
    COURSE = "course", _("Cursus of gespreksgroep")


class Repeat(models.TextChoices):
    ONCE = "once", _("Eén keer")
    WEEKLY = "weekly", _("Elke week")
    MONTHLY = "monthly", _("Elke maand")


class MonthlyWeek(models.IntegerChoices):
    FIRST = 1, _("eerste")
    SECOND = 2, _("tweede")
    THIRD = 3, _("derde")
    FOURTH = 4, _("vierde")
    LAST = -1, _("laatste")


class EventIndexPage(RoutablePageMixin, Page):
    """A calendar of meeting activities: a WOP's own, or city-wide (all WOPs)."""

    intro = models.TextField(_("korte inleiding"), max_length=500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    @cached_property
    def wop(self) -> NeighbourhoodPage | None:
        """The WOP of this calendar; None for the city-wide one."""
        return NeighbourhoodPage.objects.ancestor_of(self).first()

    @path("")
    def calendar(self, request):
        from events.calendar import calendar

        return calendar(request, page=self)

    # Not "agenda.ics": Wagtail serves only paths of [\w-] segments, and
    # a routable page resolves them with a trailing slash.
    @path("ical/")
    def ical_feed(self, request):
        from events.ical import calendar_feed

        return calendar_feed(request, page=self)

    @path("deze-maand/")
    def month_poster(self, request):
        from events.posters import month_poster

        return month_poster(request, page=self)

    parent_page_types = ["neighbourhood.NeighbourhoodPage", "home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("activiteitenagenda")


class EventPage(RoutablePageMixin, Page):
    """A meeting activity, one-off or repeating, that residents can join."""

    description = RichTextField(_("beschrijving"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place_name = models.CharField(_("plek"), max_length=120)
    place_address = models.CharField(_("adres"), max_length=200)
    wheelchair_access = models.BooleanField(
        _("toegankelijk met rolstoel"), default=False
    )
    hearing_loop = models.BooleanField(_("ringleiding"), default=False)
    accessible_toilet = models.BooleanField(_("aangepast toilet"), default=False)
    organiser = models.ForeignKey(
        "neighbourhood.Partner",
        verbose_name=_("organisator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audiences = ParentalManyToManyField(
        "neighbourhood.Audience", verbose_name=_("voor wie"), blank=True
    )
    kind = models.CharField(
        _("soort activiteit"), max_length=12, choices=EventKind.choices
    )
    cost = models.DecimalField(
        _("kosten (euro)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leeg laten als het gratis is."),
    )
    signup_required = models.BooleanField(_("aanmelden nodig"), default=False)
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_("Per keer. Leeg laten als er geen maximum is."),
    )
    max_people_per_signup = models.PositiveSmallIntegerField(
        _("maximaal aantal personen per aanmelding"), default=4
    )

    start_date = models.DateField(_("datum (eerste keer)"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    repeat = models.CharField(
        _("herhalen"), max_length=10, choices=Repeat.choices, default=Repeat.ONCE
    )
    weekdays = ChoiceListField(
        _("op welke dagen"),
        choices_list=WEEKDAY_CHOICES,
        coerce=int,
        help_text=_("Bij ‘elke week’."),
    )
    monthly_week = models.SmallIntegerField(
        _("welke week van de maand"),
        choices=MonthlyWeek.choices,
        null=True,
        blank=True,
        help_text=_("Bij ‘elke maand’, bijvoorbeeld: de eerste vrijdag."),
    )
    monthly_weekday = models.SmallIntegerField(
        _("welke dag"), choices=WEEKDAY_CHOICES, null=True, blank=True
    )
    repeat_until = models.DateField(
        _("herhalen tot en met"),
        null=True,
        blank=True,
        help_text=_("Nodig bij herhalen; hoogstens twee jaar na de eerste keer."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("start_date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("repeat"),
                FieldPanel("weekdays"),
                FieldRowPanel(
                    [FieldPanel("monthly_week"), FieldPanel("monthly_weekday")]
                ),
                FieldPanel("repeat_until"),
                InlinePanel(
                    "exceptions",
                    heading=_("Gaat niet door op"),
                    label=_("Datum"),
                ),
            ],
            heading=_("Wanneer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("place_address"),
                FieldPanel("wheelchair_access"),
                FieldPanel("hearing_loop"),
                FieldPanel("accessible_toilet"),
            ],
            heading=_("Waar"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organiser"),
                FieldPanel("cost"),
            ],
            heading=_("Wat en voor wie"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signup_required"),
                FieldPanel("capacity"),
                FieldPanel("max_people_per_signup"),
            ],
            heading=_("Aanmelden"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("place_name"),
    ]

    base_form_class = EventPageForm

    @cached_property
    def wop(self) -> NeighbourhoodPage | None:
        """The WOP this activity belongs to; None under the city-wide calendar."""
        return NeighbourhoodPage.objects.ancestor_of(self).first()

    @property
    def is_free(self) -> bool:
        return not self.cost

    def exception_dates(self) -> set:
        return {exception.date for exception in self.exceptions.all()}

    @path("")
    def detail(self, request):
        from events.views import event_detail

        return event_detail(request, page=self)

    @path("aangemeld/")
    def rsvp_thanks(self, request):
        from events.views import rsvp_thanks

        return rsvp_thanks(request, page=self)

    # Not "agenda.ics": Wagtail serves only paths of [\w-] segments, and
    # a routable page resolves them with a trailing slash.
    @path("ical/")
    def ical(self, request):
        from events.ical import event_ics

        return event_ics(request, page=self)

    @path("poster/")
    def poster(self, request):
        from events.posters import event_poster

        return event_poster(request, page=self)

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")


class EventException(Orderable):
    """A date on which a repeating activity does not take place."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("datum"))
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    panels = [FieldPanel("date"), FieldPanel("reason")]


# Longer than any date of an activity lasts (its start and end time are on
# one day, or an evening into the night).
UPCOMING_STARTED_WITHIN = timedelta(days=2)


class EventOccurrenceQuerySet(models.QuerySet):
    def live(self):
        """Of a published activity in a published WOP (or city-wide)."""
        return self.filter(event__live=True).filter(
            models.Q(wop__isnull=True) | models.Q(wop__live=True)
        )

    def with_confirmed_people(self):
        """Each row carries ``confirmed_people``, so "places left" needs no
        query per row.

        A subquery per row, not a join with GROUP BY: grouping makes the
        database sum every upcoming date before it can sort and take a page
        (0.9 s for the city calendar on 150,000 dates)."""
        confirmed = (
            EventRSVP.objects.filter(
                occurrence=models.OuterRef("pk"), status=RSVPStatus.CONFIRMED
            )
            .order_by()
            .values("occurrence")
            .annotate(people=models.Sum("people"))
            .values("people")
        )
        return self.annotate(
            confirmed_people=Coalesce(
                models.Subquery(confirmed, output_field=models.IntegerField()), 0
            )
        )

    def for_user(self, user):
        """The dates ``user`` works with: those of activities in their WOPs,
        and of city-wide activities with RSVPs from their WOPs."""
        # Imported here: the permissions module reads the page models.
        from neighbourhood.scoping.permissions import wop_ids_for_user

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
        EventOccurrence,
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


def occurrence_bounds(event: EventPage, day) -> tuple[datetime, datetime]:
    """The aware start and end of ``event`` on ``day``."""
    tz = timezone.get_current_timezone()
    starts_at = timezone.make_aware(datetime.combine(day, event.start_time), tz)
    ends_at = timezone.make_aware(datetime.combine(day, event.end_time), tz)
    return starts_at, ends_at
