"""Who works in which WOP: coordinators invite volunteers, remove them, and
let a trusted volunteer publish their WOP's pages without review; city-wide
coordinators also appoint coordinators of particular WOPs, who review that
WOP's pages and get its review requests.

Access is group membership only (``wop_group``), so a change holds from the
person's next request: Django reads their groups on every request.
"""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from neighbourhood.accounts import password_reset_path, password_set_path
from neighbourhood.addresses import absolute_url
from neighbourhood.models import NeighbourhoodPage, WopRole
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.scoping.access import wop_group
from neighbourhood.volunteers.selectors import (
    WORKING_ROLES,
    volunteer_manageable_wops,
    volunteer_may_manage_coordinators,
    volunteer_roles,
    wop_titles,
)


class VolunteerError(Exception):
    """A change to a volunteer that cannot be made; the message says why, in
    Dutch, for the coordinator."""


def volunteer_set_password_url(*, user: AbstractBaseUser) -> str:
    """A personal link to a "set a new password" page (allauth's, or Django's
    without it), which logs the person in and takes them to the admin
    dashboard; valid for ``PASSWORD_RESET_TIMEOUT`` and spent once the
    password is set or the person logs in."""
    return absolute_url(password_set_path(user))


def volunteer_link_valid_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))


def volunteer_check_may_manage(*, by, wops) -> None:
    allowed = set(volunteer_manageable_wops(user=by).values_list("pk", flat=True))
    if any(wop.pk not in allowed for wop in wops):
        raise PermissionDenied


def volunteer_check_may_manage_coordinators(*, by) -> None:
    if not volunteer_may_manage_coordinators(user=by):
        raise PermissionDenied


def _make_coordinator(*, user: AbstractBaseUser, wop: NeighbourhoodPage) -> None:
    """Put ``user`` in ``wop``'s coordinators; they publish as coordinators,
    so no longer as a trusted volunteer (taking the role away then leaves them
    a volunteer whose pages are reviewed)."""
    user.groups.add(wop_group(wop, WopRole.COORDINATORS))
    user.groups.remove(wop_group(wop, WopRole.PUBLISHERS))


@transaction.atomic
def volunteer_grant(
    *, user: AbstractBaseUser, wop: NeighbourhoodPage, role: str, may_publish: bool
) -> None:
    """Put ``user`` in ``wop``'s groups for ``role`` (and its publishers)."""
    if role == WopRole.COORDINATORS:
        _make_coordinator(user=user, wop=wop)
        return
    user.groups.add(wop_group(wop, WopRole.VOLUNTEERS))
    if may_publish:
        user.groups.add(wop_group(wop, WopRole.PUBLISHERS))


def volunteer_email_context(
    *, user: AbstractBaseUser, wops, by: AbstractBaseUser
) -> dict:
    return {
        "name": user.get_full_name(),
        "inviter": by.get_full_name() or by.email,
        "wop_titles": wop_titles(wops),
        "wop_count": len(wops),
        "admin_url": absolute_url(reverse("wagtailadmin_home")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def volunteer_set_password_context(*, user: AbstractBaseUser) -> dict:
    return {
        "set_password_url": volunteer_set_password_url(user=user),
        "valid_days": volunteer_link_valid_days(),
        "reset_url": absolute_url(password_reset_path()),
    }


def volunteer_coordinator_email_send(
    *, user: AbstractBaseUser, wops, by: AbstractBaseUser
) -> None:
    """Tell ``user`` they coordinate ``wops`` now, and what that means; with a
    link to choose a password when they have none yet."""
    context = volunteer_email_context(user=user, wops=wops, by=by)
    subject = _("U bent nu coördinator van %(wops)s") % {"wops": wop_titles(wops)}
    if user.has_usable_password():
        email_enqueue(
            to=[user.email],
            subject=subject,
            template="neighbourhood/email/coordinator_appointed.txt",
            context=context,
        )
        return
    email_enqueue(
        to=[user.email],
        subject=_("Uitnodiging: coördinator van %(wops)s") % {"wops": wop_titles(wops)},
        template="neighbourhood/email/coordinator_invite.txt",
        context={**context, **volunteer_set_password_context(user=user)},
    )


@transaction.atomic
def volunteer_remove(
    *, user: AbstractBaseUser, wop: NeighbourhoodPage, by: AbstractBaseUser
) -> bool:
    """Take ``user`` off ``wop``: out of its volunteers and publishers groups,
    and its coordinators group when ``by`` may do that.

    Returns True when ``user`` no longer works in ``wop``.
    """
    volunteer_check_may_manage(by=by, wops=[wop])
    roles = [WopRole.VOLUNTEERS, WopRole.PUBLISHERS]
    if volunteer_may_manage_coordinators(user=by):
        roles.append(WopRole.COORDINATORS)
    before = volunteer_roles(user=user, wop=wop)
    removed = before & set(roles)
    if removed:
        user.groups.remove(*(wop_group(wop, role) for role in removed))
        log(
            instance=user,
            action="verbuurzamen.volunteer_remove",
            user=by,
            data={"wop": wop.title, "roles": sorted(removed)},
        )
    return not (before - removed) & set(WORKING_ROLES)


@transaction.atomic
def volunteer_publish_set(
    *,
    user: AbstractBaseUser,
    wop: NeighbourhoodPage,
    may_publish: bool,
    by: AbstractBaseUser,
) -> None:
    """Let ``user`` publish ``wop``'s pages without review, or stop that.

    Only for someone who volunteers in ``wop``.
    """
    volunteer_check_may_manage(by=by, wops=[wop])
    roles = volunteer_roles(user=user, wop=wop)
    if WopRole.VOLUNTEERS not in roles:
        raise VolunteerError(
            _("%(name)s is geen vrijwilliger bij %(wop)s.")
            % {"name": user, "wop": wop.title}
        )
    if may_publish == (WopRole.PUBLISHERS in roles):
        return
    publishers = wop_group(wop, WopRole.PUBLISHERS)
    if may_publish:
        user.groups.add(publishers)
    else:
        user.groups.remove(publishers)
    log(
        instance=user,
        action="verbuurzamen.volunteer_publish",
        user=by,
        data={"wop": wop.title, "may_publish": may_publish},
    )


@transaction.atomic
def volunteer_coordinator_set(
    *,
    user: AbstractBaseUser,
    wop: NeighbourhoodPage,
    is_coordinator: bool,
    by: AbstractBaseUser,
) -> bool:
    """Make ``user``, who works in ``wop``, its coordinator, or take that role
    away; only city-wide coordinators may. A new coordinator hears by e-mail
    what it means.

    Taking the role away leaves them a volunteer of ``wop`` whose pages are
    reviewed again (removing them from the WOP is ``volunteer_remove``).
    Returns True when something changed.
    """
    volunteer_check_may_manage(by=by, wops=[wop])
    volunteer_check_may_manage_coordinators(by=by)
    roles = volunteer_roles(user=user, wop=wop)
    if not roles & set(WORKING_ROLES):
        raise VolunteerError(
            _("%(name)s werkt niet bij %(wop)s. Nodig deze persoon eerst uit.")
            % {"name": user, "wop": wop.title}
        )
    if is_coordinator == (WopRole.COORDINATORS in roles):
        return False
    if is_coordinator:
        _make_coordinator(user=user, wop=wop)
    else:
        user.groups.remove(
            wop_group(wop, WopRole.COORDINATORS), wop_group(wop, WopRole.PUBLISHERS)
        )
        user.groups.add(wop_group(wop, WopRole.VOLUNTEERS))
    log(
        instance=user,
        action="verbuurzamen.volunteer_coordinator",
        user=by,
        data={"wop": wop.title, "is_coordinator": is_coordinator},
    )
    if is_coordinator:
        volunteer_coordinator_email_send(user=user, wops=[wop], by=by)
    return True
