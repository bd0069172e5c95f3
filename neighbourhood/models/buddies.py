from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from neighbourhood.models.pages import NeighbourhoodPage, host_parent_page_models
from neighbourhood.models.scoping import WopOwned, WopOwnedQuerySet
from neighbourhood.models.submissions import Submission
from neighbourhood.submissions.fields import ChoiceListField

FOLLOW_UP_AFTER = timedelta(weeks=6)


class Interest(models.TextChoices):
    CHESS = "chess", _("Schaken of een spelletje")
    WALKING = "walking", _("Wandelen")
    ANIMALS = "animals", _("Dieren")
    COOKING = "cooking", _("Koken en samen eten")
    LANGUAGE = "language", _("Nederlands oefenen")
    CRAFTS = "crafts", _("Handwerken en knutselen")
    MUSIC = "music", _("Muziek")
    GOING_OUT = "going_out", _("Uitstapjes")
    GARDENING = "gardening", _("Tuinieren")


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    ARABIC = "ar", _("Arabisch")
    TIGRINYA = "ti", _("Tigrinya")
    TURKISH = "tr", _("Turks")
    POLISH = "pl", _("Pools")
    OTHER = "other", _("Een andere taal")


WEEKDAYS = [
    ("mon", _("maandag")),
    ("tue", _("dinsdag")),
    ("wed", _("woensdag")),
    ("thu", _("donderdag")),
    ("fri", _("vrijdag")),
    ("sat", _("zaterdag")),
    ("sun", _("zondag")),
]
DAY_PARTS = [
    ("morning", _("ochtend")),
    ("afternoon", _("middag")),
    ("evening", _("avond")),
]
# "mon_morning", "mon_afternoon", ... : one code per weekday and part of day.
AVAILABILITY_CHOICES = [
    (f"{day}_{part}", f"{day_label} {part_label}")
    for day, day_label in WEEKDAYS
    for part, part_label in DAY_PARTS
]


class BuddyProjectPage(RoutablePageMixin, Page):
    """A maatjesproject: neighbours sign up to find a buddy or to be one.

    Under a WOP it belongs to that WOP; under the home page it is city-wide
    and each sign-up goes to the WOP of the resident's postcode.
    """

    intro = models.TextField(_("korte inleiding"), max_length=500)
    body = RichTextField(_("over het project"), blank=True)
    audiences = ParentalManyToManyField(
        "neighbourhood.Audience", verbose_name=_("voor wie"), blank=True
    )
    partner = models.ForeignKey(
        "neighbourhood.Partner",
        verbose_name=_("organiserende partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.ForeignKey(
        "neighbourhood.KeyFigure",
        verbose_name=_("contactpersoon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_open = models.BooleanField(_("open voor aanmeldingen"), default=True)
    closed_message = models.TextField(
        _("uitleg als het project gesloten is"),
        blank=True,
        help_text=_("Bijvoorbeeld: we zoeken eerst maatjes voor wie al wacht."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partner"),
        FieldPanel("contact"),
        MultiFieldPanel(
            [FieldPanel("is_open"), FieldPanel("closed_message")],
            heading=_("Aanmelden"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    @cached_property
    def wop(self) -> NeighbourhoodPage | None:
        """The WOP this project belongs to; None for a city-wide project."""
        return NeighbourhoodPage.objects.ancestor_of(self).first()

    @path("")
    def signup(self, request):
        from neighbourhood.buddies.views import buddy_signup

        return buddy_signup(request, page=self)

    @path("bedankt/")
    def thanks(self, request):
        from neighbourhood.buddies.views import buddy_signup_thanks

        return buddy_signup_thanks(request, page=self)

    @classmethod
    def clean_parent_page_models(cls):
        # In a WOP, or city-wide under the host's own page types.
        return host_parent_page_models(cls, "neighbourhood.NeighbourhoodPage")

    subpage_types = []

    class Meta:
        verbose_name = _("maatjesproject")
        verbose_name_plural = _("maatjesprojecten")


class BuddyRole(models.TextChoices):
    SEEKER = "seeker", _("Zoekt een maatje")
    BUDDY = "buddy", _("Wil maatje zijn")


class BuddySignupStatus(models.TextChoices):
    NEW = "new", _("Nieuw")
    CONTACTED = "contacted", _("Contact gehad")
    MATCHED = "matched", _("Gekoppeld")
    ENDED = "ended", _("Beëindigd")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


# A sign-up waiting for a buddy (or to be one): not matched, ended or withdrawn.
MATCHABLE_STATUSES = (BuddySignupStatus.NEW, BuddySignupStatus.CONTACTED)


class BuddySignup(Submission):
    """Someone who wants a buddy, or wants to be one, in a buddy project."""

    project = models.ForeignKey(
        BuddyProjectPage,
        verbose_name=_("maatjesproject"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="signups",
    )
    role = models.CharField(_("ik"), max_length=10, choices=BuddyRole.choices)
    interests = ChoiceListField(_("interesses"), choices_list=Interest.choices)
    interests_other = models.CharField(
        _("andere interesses"), max_length=200, blank=True
    )
    availability = ChoiceListField(_("beschikbaar"), choices_list=AVAILABILITY_CHOICES)
    languages = ChoiceListField(_("talen"), choices_list=Language.choices)
    languages_other = models.CharField(_("andere talen"), max_length=100, blank=True)
    meeting_needs = models.TextField(
        _("belangrijk bij het afspreken"),
        blank=True,
        help_text=_(
            "Bijvoorbeeld: wandelt met een rollator, heeft een rustige plek nodig."
        ),
    )
    message = models.TextField(_("verder nog iets"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=BuddySignupStatus.choices,
        default=BuddySignupStatus.NEW,
        db_index=True,
    )

    # What the resident tells us, in the order the forms ask it.
    signup_fields = (
        "role",
        "name",
        "phone",
        "email",
        "street",
        "house_number",
        "postcode",
        "contact_preference",
        "interests",
        "interests_other",
        "availability",
        "languages",
        "languages_other",
        "meeting_needs",
        "message",
    )
    withdrawn_status = BuddySignupStatus.WITHDRAWN
    open_statuses = (*MATCHABLE_STATUSES, BuddySignupStatus.MATCHED)
    personal_fields = Submission.personal_fields + (
        "interests_other",
        "languages_other",
        "meeting_needs",
        "message",
        "interests",
        "availability",
        "languages",
    )

    class Meta(Submission.Meta):
        verbose_name = _("aanmelding maatjesproject")
        verbose_name_plural = _("aanmeldingen maatjesprojecten")


class FollowUpOutcome(models.TextChoices):
    GOING_WELL = "going_well", _("Gaat goed")
    NEEDS_ATTENTION = "needs_attention", _("Heeft aandacht nodig")
    ENDED = "ended", _("Gestopt")


class BuddyMatchQuerySet(WopOwnedQuerySet):
    def follow_up_due(self, on=None):
        """Running matches whose next follow-up date has come."""
        return self.filter(
            follow_up_on__lte=on or timezone.localdate(), ended_on__isnull=True
        )


class BuddyMatch(WopOwned):
    """Two sign-ups brought together, and how it is going."""

    seeker = models.ForeignKey(
        BuddySignup,
        verbose_name=_("zoekt een maatje"),
        on_delete=models.CASCADE,
        related_name="matches_as_seeker",
    )
    buddy = models.ForeignKey(
        BuddySignup,
        verbose_name=_("maatje"),
        on_delete=models.CASCADE,
        related_name="matches_as_buddy",
    )
    started_on = models.DateField(_("gestart op"), default=timezone.localdate)
    follow_up_on = models.DateField(_("volgende keer navragen op"))
    # The latest follow-up; earlier ones are in the log.
    follow_up_outcome = models.CharField(
        _("hoe gaat het"), max_length=20, choices=FollowUpOutcome.choices, blank=True
    )
    followed_up_at = models.DateTimeField(
        _("laatst nagevraagd op"), null=True, blank=True
    )
    follow_up_note = models.TextField(_("notitie"), blank=True)
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gekoppeld door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    objects = BuddyMatchQuerySet.as_manager()

    class Meta:
        ordering = ["follow_up_on"]
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")

    def __str__(self):
        return f"{self.seeker} – {self.buddy}"
