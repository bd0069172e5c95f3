from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from events.models import EventIndexPage
from events.selectors import occurrences_upcoming
from neighbourhood.models import BuddyProjectPage, NeighbourhoodPage
from neighbourhood.models.pages import live_children_of_type, public_only


class UserManager(BaseUserManager):
    """Users are known by their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A resident with an account, a WOP volunteer or a coordinator: this
    site's accounts log in with their e-mail address. Phone and home WOP
    are in the plugin's profile (``neighbourhood.VolunteerProfile``)."""

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.email


class HomePage(Page):
    """The front door: find your neighbourhood, see what is on, join in."""

    intro = models.TextField(
        _("welkomsttekst"),
        max_length=500,
        blank=True,
        help_text=_("Een of twee zinnen in eenvoudige taal."),
    )
    body = RichTextField(_("meer uitleg"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["wops"] = public_only(
            NeighbourhoodPage.objects.descendant_of(self).live()
        ).order_by("path")
        # City-wide buddy projects: without this, nothing linked to them.
        context["city_projects"] = live_children_of_type(self, BuddyProjectPage)
        # The next few dates across the city; the calendar has the rest.
        context["upcoming"] = list(occurrences_upcoming()[:6])
        context["calendar_page"] = next(
            iter(live_children_of_type(self, EventIndexPage)), None
        )
        return context

    def route(self, request, path_components):
        """Wagtail's routing, with the pages along the path read in one query
        instead of two per level (a street page was seven queries deep).

        Walks the same chain Wagtail walks: it stops at a live routable page
        whose own sub-URLs match the rest of the path, as Wagtail's would.
        """
        if not path_components:
            return super().route(request, path_components)
        url_paths = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(1, len(path_components) + 1)
        ]
        # By slug first: it is indexed, the URL path is not (SQLite read
        # every page of the site to find three).
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                slug__in=set(path_components),
                url_path__in=url_paths,
                path__startswith=self.path,
            ).order_by()
        }
        parent = self
        for level, url_path in enumerate(url_paths):
            page = found.get(url_path)
            if page is None or page.depth != self.depth + level + 1:
                # Not one of ours: let Wagtail raise the 404 (or route) itself.
                if parent is self:
                    return super().route(request, path_components)
                return parent.specific.route(request, path_components[level:])
            page._cached_parent_obj = parent
            rest = path_components[level + 1 :]
            cls = page.specific_class
            if rest and page.live and cls and issubclass(cls, RoutablePageMixin):
                try:
                    cls.get_resolver().resolve("/" + "/".join(rest) + "/")
                except Http404:
                    pass
                else:
                    return page.specific.route(request, rest)
            parent = page
        return parent.specific.route(request, [])

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "neighbourhood.NeighbourhoodIndexPage",
        "neighbourhood.BuddyProjectPage",
        "events.EventIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("homepagina")


class StandardPage(Page):
    """A plain page: the privacy statement, the accessibility statement, about."""

    intro = models.TextField(_("korte inleiding"), max_length=500, blank=True)
    body = RichTextField(_("tekst"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standaardpagina")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs the platform and whom to call when we have no WOP for you."""

    organisation_name = models.CharField(
        _("organisatie"), max_length=120, default="Verbuurzamen"
    )
    contact_phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_hours = models.CharField(_("bereikbaar"), max_length=200, blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("toegankelijkheidsverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("contact_hours"),
            ],
            heading=_("Algemeen contact"),
            help_text=_("Voor bewoners van een buurt zonder eigen wijkpagina."),
        ),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("site-instellingen")
