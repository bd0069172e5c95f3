from django.db import models
from django.utils.translation import gettext_lazy as _


class WopOwnedQuerySet(models.QuerySet):
    def for_user(self, user):
        """Only the rows of the WOPs ``user`` may work in."""
        # Imported here, a real cycle: the permissions read NeighbourhoodPage,
        # whose module builds on WopOwned (its key figures are WOP-owned).
        from neighbourhood.scoping.permissions import wops_for_user

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


# The city-wide coordinators' group: rights on the whole neighbourhood tree.
COORDINATORS_GROUP = "Coordinators"


class WopRole(models.TextChoices):
    """The groups every WOP has. What each may do is in
    ``neighbourhood.scoping.access``; who is in them is the coordinators'
    business."""

    VOLUNTEERS = "volunteers", _("Vrijwilligers")
    # Trusted volunteers: publish their WOP's pages without review.
    PUBLISHERS = "publishers", _("Vrijwilligers die zelf publiceren")
    # Coordinators responsible for this WOP only (the city-wide coordinators'
    # group covers every WOP).
    COORDINATORS = "coordinators", _("Coördinatoren")


class WopGroup(models.Model):
    """Links a WOP to one of its groups (volunteers, publishers, coordinators).

    Kept apart from the page so that renaming, moving or reverting the page
    never loses the link. ``wop`` becomes empty when the WOP is deleted; the
    repair command then removes the group.
    """

    wop = models.ForeignKey(
        "neighbourhood.NeighbourhoodPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="wop_groups",
    )
    role = models.CharField(
        _("rol"), max_length=12, choices=WopRole.choices, default=WopRole.VOLUNTEERS
    )
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="wop_role"
    )

    class Meta:
        verbose_name = _("groep van een wijk")
        verbose_name_plural = _("groepen van wijken")
        constraints = [
            models.UniqueConstraint(
                fields=["wop", "role"],
                condition=models.Q(wop__isnull=False),
                name="one_group_per_wop_and_role",
            )
        ]
        permissions = [
            ("manage_volunteers", _("Kan vrijwilligers uitnodigen en verwijderen")),
            ("view_figures", _("Kan de cijfers voor de gemeente zien")),
        ]

    def __str__(self):
        return self.group.name


class WopCollection(models.Model):
    """The image and document collection of one WOP, or the shared one; and
    the WOP's private (intern) collection for documents.

    A WOP's volunteers upload to and choose from their own collections and
    choose from the shared one. ``wop`` becomes empty when the WOP is deleted;
    the collection and its images stay for the coordinators.
    """

    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="wop_link"
    )
    wop = models.OneToOneField(
        "neighbourhood.NeighbourhoodPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="media_collection",
    )
    is_shared = models.BooleanField(default=False)
    # The WOP's working documents (contact lists, notes, rosters): served only
    # to the WOP's groups and the coordinators (a view restriction). Beside
    # ``collection``, which holds what the WOP's pages show to everyone.
    private_collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wop_private_link",
    )

    class Meta:
        verbose_name = _("collectie van een wijk")
        verbose_name_plural = _("collecties van wijken")
        constraints = [
            models.UniqueConstraint(
                fields=["is_shared"],
                condition=models.Q(is_shared=True),
                name="one_shared_collection",
            )
        ]

    def __str__(self):
        return self.collection.name
