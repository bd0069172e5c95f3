from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from neighbourhood.models.scoping import WopOwned


class KeyFigure(index.Indexed, WopOwned):
    """A face in the smoelenboek: someone residents of a WOP can turn to.

    Shown publicly on the WOP's pages and in the welcome pack, so it holds
    only what the person agreed to share.
    """

    name = models.CharField(_("naam"), max_length=100)
    role = models.CharField(
        _("rol"),
        max_length=100,
        help_text=_(
            "Bijvoorbeeld: buurtconciërge, wijkagent, vrijwilliger van het buurthuis."
        ),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    reachable = models.CharField(
        _("waar en wanneer"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: elke woensdagochtend in buurthuis De Pijler."),
    )

    panels = [
        FieldPanel("wop"),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("reachable"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("wop"),
    ]

    class Meta:
        verbose_name = _("sleutelfiguur")
        verbose_name_plural = _("sleutelfiguren (smoelenboek)")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})"
