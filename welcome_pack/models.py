"""The ontmoetingspakket: a welcome pack new residents claim from their WOP."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from neighbourhood.models import (
    Language,
    NeighbourhoodPage,
    Submission,
    WopOwned,
    WopOwnedQuerySet,
)
from neighbourhood.submissions.fields import ChoiceListField

# A claim not delivered within this many days is flagged in the admin.
DELIVERY_DAYS = 14


class WelcomePackPage(RoutablePageMixin, Page):
    """A WOP's welcome pack: what is in it, the presents, and the claim form."""

    intro = models.TextField(_("korte inleiding"), max_length=500)
    body = RichTextField(_("wat zit er in het pakket"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("flyers", heading=_("Vaste folders"), label=_("Folder")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    @cached_property
    def wop(self) -> NeighbourhoodPage:
        return NeighbourhoodPage.objects.ancestor_of(self).first()

    @path("")
    def claim(self, request):
        from welcome_pack.views import claim

        return claim(request, page=self)

    @path("bedankt/")
    def thanks(self, request):
        from welcome_pack.views import claim_thanks

        return claim_thanks(request, page=self)

    @path("folder/")
    def blank_pack(self, request):
        from welcome_pack.print_views import blank_pack_print

        return blank_pack_print(request, page=self)

    parent_page_types = ["neighbourhood.NeighbourhoodPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("welkomstpakket")


class WelcomePackFlyer(Orderable):
    """A fixed flyer (a document editors upload) that goes in every pack."""

    page = ParentalKey(WelcomePackPage, on_delete=models.CASCADE, related_name="flyers")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("folder"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]


class PresentQuerySet(WopOwnedQuerySet):
    def in_stock(self):
        return self.filter(stock__gt=0)


class Present(WopOwned):
    """A small present a new resident chooses, with the WOP's stock of it."""

    name = models.CharField(_("naam"), max_length=100)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    stock = models.PositiveIntegerField(_("op voorraad"), default=0)

    objects = PresentQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cadeautje")
        verbose_name_plural = _("cadeautjes")

    def __str__(self):
        return self.name


class ClaimStatus(models.TextChoices):
    NEW = "new", _("Nieuw")
    PACKED = "packed", _("Ingepakt")
    DELIVERED = "delivered", _("Bezorgd")
    NOT_DELIVERED = "not_delivered", _("Niet kunnen bezorgen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class FurtherInterest(models.TextChoices):
    """What else a newcomer would like to hear about."""

    BUDDY = "buddy", _("Een maatje")
    ACTIVITIES = "activities", _("Activiteiten in de wijk")
    VOLUNTEERING = "volunteering", _("Vrijwilligerswerk")


class WelcomePackClaim(Submission):
    """A new household's claim of its WOP's welcome pack: one per address."""

    house_number_addition = models.CharField(_("toevoeging"), max_length=10, blank=True)
    moved_in_on = models.DateField(_("verhuisd op"))
    household_size = models.PositiveSmallIntegerField(_("aantal personen in huis"))
    preferred_language = models.CharField(
        _("voorkeurstaal"),
        max_length=10,
        choices=Language.choices,
        default=Language.DUTCH,
    )
    present = models.ForeignKey(
        Present,
        verbose_name=_("cadeautje"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
    )
    interests = ChoiceListField(
        _("heeft ook interesse in"), choices_list=FurtherInterest.choices
    )
    status = models.CharField(
        _("status"),
        max_length=14,
        choices=ClaimStatus.choices,
        default=ClaimStatus.NEW,
        db_index=True,
    )
    delivered_on = models.DateField(_("bezorgd op"), null=True, blank=True)
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bezorgd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    not_delivered_reason = models.TextField(_("waarom niet bezorgd"), blank=True)
    # postcode|number+addition, normalised: one pack per household.
    address_key = models.CharField(max_length=24, blank=True, editable=False)
    # When the volunteers were told this unhandled claim will be erased.
    retention_warned_at = models.DateTimeField(
        _("vrijwilligers gewaarschuwd over wissen op"),
        null=True,
        blank=True,
        editable=False,
    )

    withdrawn_status = ClaimStatus.WITHDRAWN
    # Not yet delivered, nor given up on.
    open_statuses = (ClaimStatus.NEW, ClaimStatus.PACKED)
    personal_fields = Submission.personal_fields + (
        "house_number_addition",
        "address_key",
        # A volunteer's note may say something about the household.
        "not_delivered_reason",
    )

    class Meta(Submission.Meta):
        verbose_name = _("aanvraag welkomstpakket")
        verbose_name_plural = _("aanvragen welkomstpakket")
        constraints = [
            *Submission.Meta.constraints,
            # Unique, not check-then-insert: two claims may arrive at once.
            # An anonymised claim holds no address any more.
            models.UniqueConstraint(
                fields=["address_key"],
                condition=~models.Q(address_key="")
                & models.Q(anonymised_at__isnull=True),
                name="one_welcome_pack_per_address",
            ),
        ]
