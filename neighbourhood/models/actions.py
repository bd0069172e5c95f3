"""Small neighbour actions a WOP can offer: cards, treats and wave tiles.

A WOP offers an action by having the action's page under its WOP page. Every
request, whatever the action, is an ``ActionRequest`` in one queue for the
WOP's volunteers.
"""

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from neighbourhood.models.pages import NeighbourhoodPage
from neighbourhood.models.scoping import WopOwned
from neighbourhood.models.submissions import (
    Submission,
    SubmissionQuerySet,
    new_token,
)

MESSAGE_MAX_LENGTH = 600


class CardKind(models.TextChoices):
    COMPLIMENT = "compliment", _("Complimentenkaart")
    INVITATION = "invitation", _("Uitnodiging")
    BIRTHDAY = "birthday", _("Verjaardag")
    GET_WELL = "get_well", _("Beterschap")
    CONDOLENCE = "condolence", _("Condoleance")
    WELCOME = "welcome", _("Welkom in de buurt")


class CardDesign(index.Indexed, models.Model):
    """A card residents can choose: managed by editors, shared by every WOP."""

    name = models.CharField(_("naam"), max_length=100)
    kind = models.CharField(_("soort kaart"), max_length=12, choices=CardKind.choices)
    front_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("voorkant"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    suggested_text = models.TextField(
        _("voorbeeldtekst"), max_length=MESSAGE_MAX_LENGTH, blank=True
    )
    is_offered = models.BooleanField(_("aangeboden"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("front_image"),
        FieldPanel("suggested_text"),
        FieldPanel("is_offered"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("kaartontwerp")
        verbose_name_plural = _("kaartontwerpen")

    def __str__(self):
        return self.name


class ActionPage(RoutablePageMixin, Page):
    """What the three action pages share: an explanation by the WOP's editors,
    a request form, a thank-you page. Lives directly under a WOP page."""

    intro = models.TextField(_("korte inleiding"), max_length=500)
    body = RichTextField(_("uitleg"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    # Set by each action: the ActionKind its requests get.
    action_kind = None

    class Meta:
        abstract = True

    @cached_property
    def wop(self) -> NeighbourhoodPage:
        return NeighbourhoodPage.objects.ancestor_of(self).first()

    @path("")
    def request_form(self, request):
        from neighbourhood.actions.views import action_request

        return action_request(request, page=self)

    @path("bedankt/")
    def thanks(self, request):
        from neighbourhood.actions.views import action_thanks

        return action_thanks(request, page=self)

    parent_page_types = ["neighbourhood.NeighbourhoodPage"]
    subpage_types = []
    max_count_per_parent = 1


class CardActionPage(ActionPage):
    """Send a card to a neighbour: delivered by a volunteer, or print it yourself."""

    action_kind = "card"

    @path("kaart/<str:token>/")
    def printable_card(self, request, token):
        from neighbourhood.actions.views import card_print

        return card_print(request, page=self, token=token)

    class Meta:
        verbose_name = _("actie: kaartje sturen")


class TreatActionPage(ActionPage):
    """Ask for a treat for a neighbour, or to share with one; a monthly limit."""

    monthly_limit = models.PositiveIntegerField(
        _("hoeveel traktaties per maand"),
        default=10,
        help_text=_("Daarna komen aanvragen op een wachtlijst."),
    )

    content_panels = ActionPage.content_panels + [
        FieldPanel("monthly_limit"),
        InlinePanel("treats", heading=_("Traktaties"), label=_("Traktatie"), min_num=1),
    ]

    action_kind = "treat"

    class Meta:
        verbose_name = _("actie: traktatie")


class TreatOption(Orderable):
    """A treat on offer, e.g. "een appeltaart om samen op te eten"."""

    page = ParentalKey(TreatActionPage, on_delete=models.CASCADE, related_name="treats")
    name = models.CharField(_("traktatie"), max_length=100)
    description = models.CharField(_("toelichting"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    def __str__(self):
        return self.name


class WaveTileActionPage(ActionPage):
    """Ask for a zwaaitegel in front of your own door; one per address."""

    action_kind = "wave_tile"

    class Meta:
        verbose_name = _("actie: zwaaitegel")


class TileStock(WopOwned):
    """How many wave tiles a WOP has ready to place (one row per WOP)."""

    quantity = models.PositiveIntegerField(_("tegels op voorraad"), default=0)

    class Meta:
        verbose_name = _("voorraad zwaaitegels")
        verbose_name_plural = _("voorraad zwaaitegels")
        constraints = [
            models.UniqueConstraint(fields=["wop"], name="one_tile_stock_per_wop")
        ]

    def __str__(self):
        return f"{self.wop}: {self.quantity}"


class ActionKind(models.TextChoices):
    CARD = "card", _("Kaartje")
    TREAT = "treat", _("Traktatie")
    WAVE_TILE = "wave_tile", _("Zwaaitegel")


class ActionStatus(models.TextChoices):
    NEW = "new", _("Nieuw")
    WAITING = "waiting", _("Op de wachtlijst")
    APPROVED = "approved", _("Goedgekeurd")
    PRINTED = "printed", _("Afgedrukt")
    DONE = "done", _("Bezorgd of geplaatst")
    DECLINED = "declined", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class Delivery(models.TextChoices):
    VOLUNTEER = "volunteer", _("Een vrijwilliger bezorgt de kaart")
    SELF = "self", _("Ik bezorg de kaart zelf")


class TreatFor(models.TextChoices):
    NEIGHBOUR = "neighbour", _("Voor een buur")
    TOGETHER = "together", _("Om samen met een buur te delen")


# Requests that still hold their address: a declined or withdrawn tile
# request frees it for a new one.
TILE_CLAIMING_STATUSES = [
    ActionStatus.NEW,
    ActionStatus.WAITING,
    ActionStatus.APPROVED,
    ActionStatus.PRINTED,
    ActionStatus.DONE,
]


class ActionRequestQuerySet(SubmissionQuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind)

    def this_month(self, today=None):
        today = today or timezone.localdate()
        return self.filter(created_at__year=today.year, created_at__month=today.month)


class ActionRequest(Submission):
    """A request for a card, a treat or a wave tile, in the WOP's queue.

    The sender's contact details are optional for an anonymous card; the
    fields of the other kinds stay empty.
    """

    kind = models.CharField(_("actie"), max_length=10, choices=ActionKind.choices)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ActionStatus.choices,
        default=ActionStatus.NEW,
        db_index=True,
    )
    # An anonymous card needs no name.
    name = models.CharField(_("naam"), max_length=100, blank=True)

    # Card.
    card_design = models.ForeignKey(
        CardDesign,
        verbose_name=_("kaart"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    message = models.TextField(
        _("tekst op de kaart"), max_length=MESSAGE_MAX_LENGTH, blank=True
    )
    anonymous = models.BooleanField(_("anoniem versturen"), default=False)
    delivery = models.CharField(
        _("bezorging"), max_length=10, choices=Delivery.choices, blank=True
    )
    # Card and treat: the neighbour it is for, by address only.
    recipient_street = models.CharField(
        _("straat van de buur"), max_length=100, blank=True
    )
    recipient_house_number = models.CharField(
        _("huisnummer van de buur"), max_length=10, blank=True
    )
    recipient_postcode = models.CharField(
        _("postcode van de buur"), max_length=6, blank=True
    )

    # Treat.
    treat = models.CharField(_("traktatie"), max_length=100, blank=True)
    treat_for = models.CharField(
        _("voor wie"), max_length=10, choices=TreatFor.choices, blank=True
    )

    # Wave tile: the requester's own address, one request per address.
    address_key = models.CharField(max_length=24, blank=True, editable=False)

    # A self-delivered card's print link: a secret of its own, so that who
    # may print the card cannot also withdraw it (that is ``token``).
    print_token = models.CharField(
        max_length=64, unique=True, default=new_token, editable=False
    )

    handled_on = models.DateField(_("bezorgd of geplaatst op"), null=True, blank=True)
    decline_reason = models.TextField(_("reden van afwijzing"), blank=True)
    # When the volunteers were told this unhandled request will be erased.
    retention_warned_at = models.DateTimeField(
        _("vrijwilligers gewaarschuwd over wissen op"),
        null=True,
        blank=True,
        editable=False,
    )

    objects = ActionRequestQuerySet.as_manager()

    withdrawn_status = ActionStatus.WITHDRAWN
    # Not yet delivered, placed or declined.
    open_statuses = (
        ActionStatus.NEW,
        ActionStatus.WAITING,
        ActionStatus.APPROVED,
        ActionStatus.PRINTED,
    )
    personal_fields = Submission.personal_fields + (
        "message",
        "recipient_street",
        "recipient_house_number",
        "recipient_postcode",
        "address_key",
        # A volunteer's note may say something about the person.
        "decline_reason",
    )

    class Meta(Submission.Meta):
        verbose_name = _("aanvraag buurtactie")
        verbose_name_plural = _("aanvragen buurtacties")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="", phone="")
                | models.Q(anonymised_at__isnull=False)
                | models.Q(kind=ActionKind.CARD),
                name="action_request_reachable",
                violation_error_message=_(
                    "Vul een e-mailadres of een telefoonnummer in."
                ),
            ),
            # Unique constraint, not a check-then-insert: two requests for the
            # same address may arrive at the same moment. An anonymised tile
            # holds no address any more, whatever its status.
            models.UniqueConstraint(
                fields=["address_key"],
                condition=models.Q(
                    kind=ActionKind.WAVE_TILE,
                    status__in=TILE_CLAIMING_STATUSES,
                    anonymised_at__isnull=True,
                ),
                name="one_wave_tile_per_address",
            ),
        ]
