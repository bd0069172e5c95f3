"""What the plugin keeps about a volunteer's or resident's account.

The account itself is the host's ``AUTH_USER_MODEL``; the plugin only needs
it to have an ``email`` field (system check ``verbuurzamen.E008``). What it
adds lives beside it, one profile per account, made on first use.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VolunteerProfile(models.Model):
    """A phone number and the neighbourhood to show first, for an account.

    What a user may do comes from their groups (see
    ``neighbourhood.scoping.permissions``); ``home_wop`` only says which
    neighbourhood to show them first.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="verbuurzamen_profile",
    )
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    home_wop = models.ForeignKey(
        "neighbourhood.NeighbourhoodPage",
        verbose_name=_("eigen wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return str(self.user)


def profile_for(user) -> VolunteerProfile:
    """The profile of ``user``, made empty the first time it is asked for."""
    try:
        return user.verbuurzamen_profile
    except VolunteerProfile.DoesNotExist:
        profile, _created = VolunteerProfile.objects.get_or_create(user=user)
        user.verbuurzamen_profile = profile
        return profile
