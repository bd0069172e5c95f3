"""The activity pages: a calendar (``EventIndexPage``) and an activity
(``EventPage``) with its schedule and the dates it does not take place."""

from datetime import timedelta

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.page_forms import EventPageForm
from neighbourhood.models import NeighbourhoodPage
from neighbourhood.models.pages import host_parent_page_models
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

    @classmethod
    def clean_parent_page_models(cls):
        # A WOP's calendar, or the city's under the host's own page types.
        return host_parent_page_models(cls, "neighbourhood.NeighbourhoodPage")

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

    def share_details(self) -> dict:
        """When and where, for a shared link's preview
        (``neighbourhood.sharing``): a line before the description, and the
        same as labelled pairs."""
        # Imported here: the wording reads this module's choices.
        from events.templatetags.events_tags import event_schedule, time_range

        when = f"{event_schedule(self)}, {time_range(self.start_time, self.end_time)}"
        where = ", ".join(filter(None, [self.place_name, self.place_address]))
        return {
            "summary": f"{when}. {where}.",
            "labels": [(_("Wanneer"), when), (_("Waar"), where)],
        }

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
