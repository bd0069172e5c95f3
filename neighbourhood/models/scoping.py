from django.db import models
from django.utils.translation import gettext_lazy as _


class WopOwnedQuerySet(models.QuerySet):
    def for_user(self, user):
        """Only the rows of the WOPs ``user`` may work in."""
        # Imported here: the permissions module reads the page models.
        from neighbourhood.permissions import wops_for_user

        return self.filter(wop__in=wops_for_user(user))


class WopOwned(models.Model):
    """Something that belongs to exactly one WOP, and is scoped by it."""

    wop = models.ForeignKey(
        "neighbourhood.NeighbourhoodPage",
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    objects = WopOwnedQuerySet.as_manager()

    class Meta:
        abstract = True


class VolunteerGroup(models.Model):
    """Links a WOP to the group of its volunteers.

    Kept apart from the page so that renaming, moving or reverting the page
    never loses the link. ``wop`` becomes empty when the WOP is deleted; the
    repair command then removes the group.
    """

    wop = models.OneToOneField(
        "neighbourhood.NeighbourhoodPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="volunteer_group",
    )
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="volunteer_wop"
    )

    class Meta:
        verbose_name = _("vrijwilligersgroep")
        verbose_name_plural = _("vrijwilligersgroepen")

    def __str__(self):
        return self.group.name
