"""Who works in which WOP, and who may manage them: the reads behind the
coordinators' list of volunteers, their invitations and the changes to them.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from neighbourhood.accounts import user_for_email
from neighbourhood.models import (
    COORDINATORS_GROUP,
    NeighbourhoodPage,
    WopGroup,
    WopRole,
)
from neighbourhood.scoping.access import wop_reviewers
from neighbourhood.scoping.permissions import wops_for_user_with

MANAGE_VOLUNTEERS = "neighbourhood.manage_volunteers"

# Roles that mean "works in this WOP": a trusted volunteer is in the
# volunteers group as well.
WORKING_ROLES = (WopRole.VOLUNTEERS, WopRole.COORDINATORS)


def volunteer_manageable_wops(*, user) -> QuerySet[NeighbourhoodPage]:
    """The WOPs whose volunteers ``user`` may invite, list and remove: those
    where they hold ``manage_volunteers`` (a coordinator of WOP A who also
    volunteers in WOP B manages A's volunteers, not B's)."""
    if user is None or not user.is_authenticated:
        return NeighbourhoodPage.objects.none()
    return wops_for_user_with(user, MANAGE_VOLUNTEERS)


def volunteer_may_manage_coordinators(*, user) -> bool:
    """Only city-wide coordinators (and superusers) appoint a WOP's
    coordinators and take them off; a WOP's own coordinator cannot appoint or
    remove a colleague."""
    return bool(
        user is not None
        and user.is_active
        and (user.is_superuser or user.groups.filter(name=COORDINATORS_GROUP).exists())
    )


def volunteer_roles(*, user, wop: NeighbourhoodPage) -> set[str]:
    """The roles (``WopRole``) ``user`` has in ``wop``."""
    return set(
        WopGroup.objects.filter(wop=wop, group__user=user).values_list(
            "role", flat=True
        )
    )


@dataclass
class WopMember:
    """One person working in one WOP, for the coordinators' list."""

    user: AbstractBaseUser
    roles: set[str]

    @property
    def is_coordinator(self) -> bool:
        return WopRole.COORDINATORS in self.roles

    @property
    def may_publish(self) -> bool:
        return WopRole.PUBLISHERS in self.roles


def volunteers_by_wop(*, wops) -> list[tuple[NeighbourhoodPage, list[WopMember]]]:
    """Each of ``wops`` (by title) with the people in its groups: its
    coordinators first, then by name."""
    wops = sorted(wops, key=lambda wop: wop.title)
    memberships = WopGroup.objects.filter(
        wop__in=wops, group__user__isnull=False
    ).values_list("wop_id", "group__user", "role")
    roles: dict[tuple[int, int], set[str]] = {}
    for wop_id, user_id, role in memberships:
        roles.setdefault((wop_id, user_id), set()).add(role)
    users = get_user_model().objects.in_bulk({user_id for _wop_id, user_id in roles})
    result = []
    for wop in wops:
        members = [
            WopMember(user=users[user_id], roles=member_roles)
            for (wop_id, user_id), member_roles in roles.items()
            if wop_id == wop.pk
        ]
        # Coordinators first: they are whom the WOP's volunteers turn to.
        members.sort(
            key=lambda member: (not member.is_coordinator, str(member.user).lower())
        )
        result.append((wop, members))
    return result


@dataclass
class WopReviewers:
    """Who gets a WOP's review requests: its own coordinators, or (``own`` is
    False) the city-wide coordinators because it has none."""

    users: list[AbstractBaseUser]
    own: bool


def wop_reviewers_summary(*, wop: NeighbourhoodPage) -> WopReviewers:
    """Whom ``wop``'s review requests go to, as ``wop_reviewers`` decides, and
    whether those are the WOP's own coordinators."""
    users = sorted(wop_reviewers(wop=wop), key=lambda user: str(user).lower())
    own_ids = set(
        WopGroup.objects.filter(
            wop=wop, role=WopRole.COORDINATORS, group__user__isnull=False
        ).values_list("group__user", flat=True)
    )
    return WopReviewers(users=users, own=any(user.pk in own_ids for user in users))


def volunteer_for_email(*, email: str) -> AbstractBaseUser | None:
    """The user who owns ``email``, compared case-insensitively, on the account
    or (with allauth) among their other addresses."""
    return user_for_email(email)


def wop_titles(wops) -> str:
    """The WOPs' titles as a sentence reads them: "A", "A en B", "A, B en C"."""
    titles = [wop.title for wop in wops]
    if len(titles) < 2:
        return "".join(titles)
    return f"{', '.join(titles[:-1])} {_('en')} {titles[-1]}"
