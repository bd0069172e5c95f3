from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import StartsWith
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction, get_page_models
from wagtail.search import index

from neighbourhood.conf import verbuurzamen_settings
from neighbourhood.models.key_figures import KeyFigure
from neighbourhood.wops.forms import NeighbourhoodPageForm
from neighbourhood.wops.postcodes import format_postcode, normalise_range_bound


def host_parent_page_models(page_class, *own_parents: str) -> list[type[Page]]:
    """The page types ``page_class`` may be created under, for a page the
    host places in its own tree: ``own_parents`` plus the host's
    ``VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES``, or any page type when that is
    None. Wagtail's ``clean_parent_page_models``, read at each call (Wagtail
    keeps the list once made) so a changed setting counts at once."""
    host_parents = verbuurzamen_settings.VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES
    if host_parents is None:
        return get_page_models()
    parents = [
        resolve_model_string(name, page_class._meta.app_label)
        for name in (*own_parents, *host_parents)
    ]
    for model in parents:
        if not issubclass(model, Page):
            raise LookupError(f"{model} is not a Page subclass")
    return parents


def public_only(pages):
    """``pages`` outside every private section: Wagtail's ``.public()``
    without the query it makes each time to read the view restrictions (a
    public page called it six times)."""
    restricted = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    return pages.exclude(Exists(restricted))


def live_children(parent: Page) -> list[Page]:
    """The live, public children of ``parent``, in tree order, as plain pages
    carrying their type's ``intro`` (and a street page's ``streets``).

    One query for everything a WOP page lists (streets, actions, its pack,
    its calendar), instead of one or two per type; kept on ``parent`` for the
    rest of the request.
    """
    if getattr(parent, "_live_children", None) is None:
        intros = [
            F(f"{model._meta.model_name}__intro")
            for model in parent.specific_class.allowed_subpage_models()
            if any(field.name == "intro" for field in model._meta.local_fields)
        ]
        intro = (
            Coalesce(*intros, Value(""), output_field=models.TextField())
            if intros
            else Value("")
        )
        parent._live_children = list(
            public_only(Page.objects.child_of(parent).live())
            .annotate(intro=intro, streets=F("streetpage__streets"))
            .order_by("path")
        )
    return parent._live_children


def live_children_of_type(parent: Page, *page_types) -> list[Page]:
    """``live_children(parent)`` of the given page models (or subclasses)."""
    return [
        child
        for child in live_children(parent)
        if child.specific_class and issubclass(child.specific_class, page_types)
    ]


class NeighbourhoodIndexPage(Page):
    """ "Wijken": every WOP of the municipality, and the root of their subtree."""

    intro = RichTextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["wops"] = public_only(NeighbourhoodPage.objects.child_of(self).live())
        return context

    def default_description(self) -> str:
        """Without an introduction, what a search result says: the WOPs."""
        titles = public_only(
            NeighbourhoodPage.objects.child_of(self).live()
        ).values_list("title", flat=True)
        return _(
            "De wijken: %(wops)s. Kijk wat er bij u in de buurt gebeurt en doe mee."
        ) % {"wops": get_text_list(list(titles), _("en"))}

    @classmethod
    def clean_parent_page_models(cls):
        # The host's home page type is not known here: it names it.
        return host_parent_page_models(cls)

    subpage_types = ["neighbourhood.NeighbourhoodPage"]
    max_count = 1

    class Meta:
        verbose_name = _("wijkenoverzicht")


class NeighbourhoodPage(Page):
    """One WOP (Wijk Overleg Platform): its neighbourhood, people and actions.

    Everything a resident submits belongs to one of these, and its volunteers
    work only within its subtree.
    """

    intro = models.TextField(
        _("korte inleiding"),
        max_length=500,
        help_text=_("Een of twee zinnen over de wijk, in eenvoudige taal."),
    )
    body = RichTextField(_("over de wijk"), blank=True)
    contact_name = models.CharField(
        _("contactpersoon of organisatie"), max_length=120, blank=True
    )
    contact_phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_address = models.CharField(
        _("adres"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld het buurthuis waar de WOP samenkomt."),
    )
    contact_hours = models.CharField(
        _("bereikbaar"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: dinsdag en donderdag van 10.00 tot 12.00 uur."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "postcode_areas",
            heading=_("Postcodegebieden"),
            label=_("Postcodegebied"),
            min_num=1,
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("contact_address"),
                FieldPanel("contact_hours"),
            ],
            heading=_("Contact"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    base_form_class = NeighbourhoodPageForm

    def get_context(self, request, *args, **kwargs):
        """Besides streets and key figures, the sections other apps add through
        the ``neighbourhood_page_sections`` hook: a function taking
        ``(request, page)`` and returning HTML, or None to add nothing. This
        is how, say, upcoming activities appear here without this app
        depending on the events app."""
        context = super().get_context(request, *args, **kwargs)
        context["streets"] = live_children_of_type(self, StreetPage)
        # Renditions prefetched: a query per photo otherwise.
        context["key_figures"] = (
            KeyFigure.objects.filter(wop=self)
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )
        sections = (
            section_for(request, self)
            for section_for in hooks.get_hooks("neighbourhood_page_sections")
        )
        context["wop_sections"] = [section for section in sections if section]
        return context

    def actions_offered(self):
        """For the template: ``wop_actions_offered`` of this WOP."""
        return wop_actions_offered(self)

    parent_page_types = ["neighbourhood.NeighbourhoodIndexPage"]
    subpage_types = [
        "neighbourhood.StreetPage",
        "neighbourhood.BuddyProjectPage",
        "neighbourhood.CardActionPage",
        "neighbourhood.TreatActionPage",
        "neighbourhood.WaveTileActionPage",
        "events.EventIndexPage",
        "welcome_pack.WelcomePackPage",
    ]

    class Meta:
        verbose_name = _("wijk (WOP)")
        verbose_name_plural = _("wijken (WOP's)")


class PostcodeAreaQuerySet(models.QuerySet):
    def covering(self, postcode: str):
        """Areas that hold ``postcode`` (normalised, e.g. ``2903AB``)."""
        return self.filter(first__lte=postcode, last__gte=postcode)

    def overlapping(self, first: str, last: str):
        return self.filter(first__lte=last, last__gte=first)


class PostcodeArea(Orderable):
    """A range of postcodes a WOP covers: a 4-digit area or ``2903 AA–2903 ZZ``.

    Stored as two normalised six-character bounds, so a lookup is a plain
    string comparison.
    """

    page = ParentalKey(
        NeighbourhoodPage, on_delete=models.CASCADE, related_name="postcode_areas"
    )
    first = models.CharField(
        _("van"),
        max_length=7,
        help_text=_("Een postcodegebied (2903) of de eerste postcode (2903 AA)."),
    )
    last = models.CharField(
        _("tot en met"),
        max_length=7,
        blank=True,
        help_text=_("Leeg laten voor alleen het gebied of de postcode hiernaast."),
    )

    objects = PostcodeAreaQuerySet.as_manager()

    panels = [FieldPanel("first"), FieldPanel("last")]

    class Meta(Orderable.Meta):
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        indexes = [models.Index(fields=["first", "last"])]

    def __str__(self):
        if self.first.endswith("AA") and self.last == self.first[:4] + "ZZ":
            return self.first[:4]
        if self.first == self.last:
            return format_postcode(self.first)
        return f"{format_postcode(self.first)} – {format_postcode(self.last)}"

    def clean(self):
        errors = {}
        try:
            first = normalise_range_bound(self.first, upper=False)
        except ValidationError as error:
            errors["first"] = error
        try:
            # An empty end means: just the area or postcode typed in "from".
            last = normalise_range_bound(self.last or self.first, upper=True)
        except ValidationError as error:
            errors["last" if self.last else "first"] = error
        if errors:
            raise ValidationError(errors)
        if first > last:
            raise ValidationError(
                {"last": _("De laatste postcode moet na de eerste komen.")}
            )
        self.first, self.last = first, last


class StreetPage(Page):
    """A street, or a few streets, within a WOP: what happens there and who to ask."""

    streets = models.CharField(
        _("straten"),
        max_length=255,
        help_text=_("De straatnamen die bij deze pagina horen, met komma's ertussen."),
    )
    intro = models.TextField(_("korte inleiding"), max_length=500, blank=True)
    body = RichTextField(_("wat gebeurt hier"), blank=True)
    has_kitty = models.BooleanField(
        _("deze straat heeft een lief-en-leedpot"),
        default=False,
        help_text=_(
            "Buren leggen samen wat geld in voor een kaartje of bloemen bij lief "
            "en leed. Het geld blijft bij de buren; het platform doet er niets mee."
        ),
    )
    kitty_keeper = models.ForeignKey(
        "neighbourhood.KeyFigure",
        verbose_name=_("wie beheert de pot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("streets"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("contacts", heading=_("Aanspreekpunten"), label=_("Aanspreekpunt")),
        MultiFieldPanel(
            [FieldPanel("has_kitty"), FieldPanel("kitty_keeper")],
            heading=_("Lief-en-leedpot"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("streets"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = [
            contact.key_figure
            for contact in self.contacts.select_related(
                "key_figure__photo"
            ).prefetch_related("key_figure__photo__renditions")
        ]
        # The WOP as a plain page: only its title and URL are shown.
        context["wop"] = wop = self.get_parent()
        context["actions"] = wop_actions_offered(wop)
        # Imported here: the actions' selectors read these models.
        from neighbourhood.actions.selectors import tiles_placed_per_street

        context["tiles_per_street"] = tiles_placed_per_street(
            wop=wop, streets=self.street_names()
        )
        return context

    def street_names(self) -> list[str]:
        """The street names of ``streets``, without the commas."""
        return [name.strip() for name in self.streets.split(",") if name.strip()]

    parent_page_types = ["neighbourhood.NeighbourhoodPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("straat")
        verbose_name_plural = _("straten")


class StreetContact(Orderable):
    """A key figure people in the street can turn to."""

    page = ParentalKey(StreetPage, on_delete=models.CASCADE, related_name="contacts")
    key_figure = models.ForeignKey(
        "neighbourhood.KeyFigure",
        verbose_name=_("sleutelfiguur"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("key_figure")]


# What neighbours can do in a WOP, by name: these page models build on this
# module's, as Wagtail's ``subpage_types`` name theirs.
WOP_ACTION_PAGE_TYPES = (
    "neighbourhood.CardActionPage",
    "neighbourhood.TreatActionPage",
    "neighbourhood.WaveTileActionPage",
    "neighbourhood.BuddyProjectPage",
)


def wop_actions_offered(wop: Page) -> list[Page]:
    """What neighbours can do in this WOP: its live action pages and buddy
    projects (without this, a buddy project had no link to it), as plain
    pages with their ``intro``. ``wop`` may be a plain page."""
    return live_children_of_type(
        wop, *(resolve_model_string(name) for name in WOP_ACTION_PAGE_TYPES)
    )
