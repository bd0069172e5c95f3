import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from neighbourhood.models.scoping import WopOwned, WopOwnedQuerySet
from neighbourhood.wops.house_numbers import format_house_number
from neighbourhood.wops.postcodes import format_postcode


def new_token() -> str:
    """A private, unguessable token for a resident's withdraw link."""
    return secrets.token_urlsafe(32)


def current_language() -> str:
    """The language the site speaks now (one of ``LANGUAGES``): the one a
    resident fills in a form in, kept with what they sent."""
    try:
        return translation.get_supported_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        return settings.LANGUAGE_CODE


class ContactPreference(models.TextChoices):
    PHONE = "phone", _("Bellen")
    VISIT = "visit", _("Langskomen")
    POST = "post", _("Een brief")
    EMAIL = "email", _("E-mail")


class ConsentMethod(models.TextChoices):
    ONLINE = "online", _("Online, zelf ingevuld")
    VERBAL = "verbal", _("Mondeling, aan een vrijwilliger")
    PAPER = "paper", _("Op papier, aan een vrijwilliger")


class SubmissionQuerySet(WopOwnedQuerySet):
    def active(self):
        return self.filter(anonymised_at__isnull=True)


class Submission(WopOwned):
    """What every resident's submission shares: who, how to reach them, consent.

    Buddy sign-ups, action requests, welcome-pack claims and RSVPs all extend
    this. Each belongs to one WOP. A withdrawn submission is anonymised: the
    person is gone, what the yearly figures count (WOP, kind, dates) stays.
    """

    created_at = models.DateTimeField(
        _("aangemaakt"), default=timezone.now, db_index=True
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    street = models.CharField(_("straat"), max_length=100, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    contact_preference = models.CharField(
        _("liefst contact via"),
        max_length=10,
        choices=ContactPreference.choices,
        default=ContactPreference.PHONE,
    )

    consent_text = models.TextField(_("toestemming voor"))
    consent_privacy_version = models.CharField(
        _("versie privacyverklaring"), max_length=200
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"), default=timezone.now)
    consent_method = models.CharField(
        _("toestemming gegeven"),
        max_length=10,
        choices=ConsentMethod.choices,
        default=ConsentMethod.ONLINE,
    )

    token = models.CharField(
        max_length=64, unique=True, default=new_token, editable=False
    )
    # Every later e-mail to the resident is in it (``translation.override``).
    language = models.CharField(
        _("taal"), max_length=15, default=current_language, editable=False
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De vrijwilliger die dit namens de bewoner heeft ingevoerd."),
    )
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    # Personal fields cleared on withdrawal or erasure; subclasses add theirs.
    personal_fields = ("name", "email", "phone", "street", "house_number")
    # The statuses in which a submission still waits for something (a
    # volunteer, a match, its date); subclasses set theirs.
    open_statuses = ()

    class Meta:
        abstract = True
        ordering = ["-created_at"]
        # The volunteers' lists: their WOP, a status, newest first. Every
        # subclass has a ``status`` of its own kinds.
        indexes = [
            models.Index(
                fields=["wop", "status", "-created_at"],
                name="%(class)s_wop_st_cre",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="", phone="")
                | models.Q(anonymised_at__isnull=False),
                name="%(app_label)s_%(class)s_reachable",
                violation_error_message=_(
                    "Vul een e-mailadres of een telefoonnummer in."
                ),
            )
        ]

    def __str__(self):
        return self.name or str(_("(geanonimiseerd)"))

    @property
    def address(self) -> str:
        """Street, house number with its addition (a kind that has one), and
        postcode: "Maasstraat 12A, 2906 AB"."""
        number = format_house_number(
            self.house_number, getattr(self, "house_number_addition", "")
        )
        street = " ".join(part for part in (self.street, number) if part)
        return ", ".join(
            part for part in (street, format_postcode(self.postcode)) if part
        )
