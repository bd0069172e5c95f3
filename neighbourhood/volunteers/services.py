"""Who works in which WOP: coordinators invite volunteers, remove them, and
let a trusted volunteer publish their WOP's pages without review; city-wide
coordinators also appoint coordinators of particular WOPs, who review that
WOP's pages and get its review requests.

Access is group membership only (``wop_group``), so a change holds from the
person's next request: Django reads their groups on every request.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from allauth.account import app_settings as allauth_settings
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from neighbourhood.models import NeighbourhoodPage, User, WopRole
from neighbourhood.outbox.services import absolute_url, email_enqueue
from neighbourhood.scoping.access import wop_group
from neighbourhood.volunteers.selectors import (
    WORKING_ROLES,
    volunteer_for_email,
    volunteer_manageable_wops,
    volunteer_may_manage_coordinators,
    volunteer_roles,
    wop_titles,
)


class VolunteerError(Exception):
    """A change to a volunteer that cannot be made; the message says why, in
    Dutch, for the coordinator."""


@dataclass
class InviteResult:
    """What an invitation did: a new account or an existing one, the WOPs the
    person was added to or was in already, and those where an existing
    account was invited and still has to accept (``invited``)."""

    user: User
    created: bool
    role: str = WopRole.VOLUNTEERS
    email: str = ""
    added: list[NeighbourhoodPage] = field(default_factory=list)
    already: list[NeighbourhoodPage] = field(default_factory=list)
    invited: list[NeighbourhoodPage] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added)


def volunteer_set_password_url(*, user: User) -> str:
    """A personal link to allauth's "set a new password" page, which logs the
    person in and takes them to the admin dashboard.

    allauth's own reset token: valid for ``PASSWORD_RESET_TIMEOUT`` and spent
    once the password is set or the person logs in.
    """
    token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": token},
    )
    query = urlencode({"next": reverse("wagtailadmin_home")})
    return absolute_url(f"{path}?{query}")


def volunteer_link_valid_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))


def volunteer_check_may_manage(*, by, wops) -> None:
    allowed = set(volunteer_manageable_wops(user=by).values_list("pk", flat=True))
    if any(wop.pk not in allowed for wop in wops):
        raise PermissionDenied


def volunteer_check_may_manage_coordinators(*, by) -> None:
    if not volunteer_may_manage_coordinators(user=by):
        raise PermissionDenied


def _make_coordinator(*, user: User, wop: NeighbourhoodPage) -> None:
    """Put ``user`` in ``wop``'s coordinators; they publish as coordinators,
    so no longer as a trusted volunteer (taking the role away then leaves them
    a volunteer whose pages are reviewed)."""
    user.groups.add(wop_group(wop, WopRole.COORDINATORS))
    user.groups.remove(wop_group(wop, WopRole.PUBLISHERS))


@transaction.atomic
def volunteer_invite(
    *,
    email: str,
    name: str,
    wops: list[NeighbourhoodPage],
    by: User,
    may_publish: bool = False,
    role: str = WopRole.VOLUNTEERS,
) -> InviteResult:
    """Invite the owner of ``email`` to ``wops``, as a volunteer or (for
    city-wide coordinators to decide) as their coordinator, and tell them by
    e-mail.

    A new address gets an account at once, without a password: the e-mail
    links to allauth's page to set one, which also proves the address. An
    existing account is never added without its holder's consent: it gets a
    link to accept (``volunteer_invitation_accept``), and the coordinator
    learns nothing about it. Only someone who already works in a WOP is
    changed there at once (a volunteer invited as coordinator becomes one);
    nothing happens for WOPs they are in already, in that role.
    """
    if role not in (WopRole.VOLUNTEERS, WopRole.COORDINATORS):
        raise ValueError(f"Cannot invite as {role!r}.")
    as_coordinator = role == WopRole.COORDINATORS
    wops = sorted(set(wops), key=lambda wop: wop.title)
    volunteer_check_may_manage(by=by, wops=wops)
    if as_coordinator:
        volunteer_check_may_manage_coordinators(by=by)
    email = email.strip().lower()
    user = volunteer_for_email(email=email)
    created = user is None
    if created:
        first_name, _space, last_name = name.strip().partition(" ")
        user = User(email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
        # The invitation link proves the address: following it is verifying.
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)

    result = InviteResult(user=user, created=created, role=role, email=email)
    already_in = {WopRole.COORDINATORS} if as_coordinator else set(WORKING_ROLES)
    for wop in wops:
        roles = volunteer_roles(user=user, wop=wop)
        if roles & already_in:
            result.already.append(wop)
        elif not created and not roles & set(WORKING_ROLES):
            result.invited.append(wop)
        else:
            volunteer_grant(user=user, wop=wop, role=role, may_publish=may_publish)
            result.added.append(wop)

    if result.invited:
        _log_invite(
            user=user, wops=result.invited, by=by, role=role, may_publish=may_publish
        )
        # Imported here: the invitations import this module.
        from neighbourhood.volunteers.invitations import volunteer_invitation_send

        volunteer_invitation_send(
            user=user,
            wops=result.invited,
            by=by,
            role=role,
            may_publish=may_publish,
        )
    if not result.changed:
        return result
    _log_invite(
        user=user,
        wops=result.added,
        by=by,
        role=role,
        may_publish=may_publish,
        new_account=created,
    )
    if as_coordinator:
        _send_coordinator_email(user=user, wops=result.added, by=by)
    else:
        _send_invite_email(user=user, wops=result.added, by=by, may_publish=may_publish)
    return result


def volunteer_grant(
    *, user: User, wop: NeighbourhoodPage, role: str, may_publish: bool
) -> None:
    """Put ``user`` in ``wop``'s groups for ``role`` (and its publishers)."""
    if role == WopRole.COORDINATORS:
        _make_coordinator(user=user, wop=wop)
        return
    user.groups.add(wop_group(wop, WopRole.VOLUNTEERS))
    if may_publish:
        user.groups.add(wop_group(wop, WopRole.PUBLISHERS))


def _log_invite(
    *, user: User, wops, by: User, role: str, may_publish: bool, new_account=False
) -> None:
    log(
        instance=user,
        action="verbuurzamen.volunteer_invite",
        user=by,
        data={
            "wops": [wop.title for wop in wops],
            "new_account": new_account,
            "may_publish": may_publish and role != WopRole.COORDINATORS,
            "role": role,
        },
    )


def volunteer_email_context(*, user: User, wops, by: User) -> dict:
    return {
        "name": user.get_full_name(),
        "inviter": by.get_full_name() or by.email,
        "wop_titles": wop_titles(wops),
        "wop_count": len(wops),
        "admin_url": absolute_url(reverse("wagtailadmin_home")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def _set_password_context(*, user: User) -> dict:
    return {
        "set_password_url": volunteer_set_password_url(user=user),
        "valid_days": volunteer_link_valid_days(),
        "reset_url": absolute_url(reverse("account_reset_password")),
    }


def _send_invite_email(*, user: User, wops, by: User, may_publish: bool) -> None:
    context = {
        **volunteer_email_context(user=user, wops=wops, by=by),
        "may_publish": may_publish,
    }
    if user.has_usable_password():
        # They log in as always; the admin now shows these WOPs too.
        email_enqueue(
            to=[user.email],
            subject=_("U heeft nu toegang tot %(wops)s") % {"wops": wop_titles(wops)},
            template="neighbourhood/email/volunteer_access_added.txt",
            context=context,
        )
        return
    email_enqueue(
        to=[user.email],
        subject=_("Uitnodiging: vrijwilliger bij %(wops)s")
        % {"wops": wop_titles(wops)},
        template="neighbourhood/email/volunteer_invite.txt",
        context={**context, **_set_password_context(user=user)},
    )


def _send_coordinator_email(*, user: User, wops, by: User) -> None:
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
        context={**context, **_set_password_context(user=user)},
    )


@transaction.atomic
def volunteer_remove(*, user: User, wop: NeighbourhoodPage, by: User) -> bool:
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
    *, user: User, wop: NeighbourhoodPage, may_publish: bool, by: User
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
    *, user: User, wop: NeighbourhoodPage, is_coordinator: bool, by: User
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
        _send_coordinator_email(user=user, wops=[wop], by=by)
    return True
