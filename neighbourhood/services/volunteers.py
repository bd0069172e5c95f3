"""Who works in which WOP: coordinators invite volunteers, remove them, and
let a trusted volunteer publish their WOP's pages without review.

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
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.log_actions import log

from neighbourhood.models import NeighbourhoodPage, User, WopGroup, WopRole
from neighbourhood.permissions import wops_for_user_with
from neighbourhood.services.access import COORDINATORS_GROUP, wop_group
from neighbourhood.services.outbox import email_enqueue

MANAGE_VOLUNTEERS = "neighbourhood.manage_volunteers"

# Roles that mean "works in this WOP": a trusted volunteer is in the
# volunteers group as well.
WORKING_ROLES = (WopRole.VOLUNTEERS, WopRole.COORDINATORS)


class VolunteerError(Exception):
    """A change to a volunteer that cannot be made; the message says why, in
    Dutch, for the coordinator."""


@dataclass
class InviteResult:
    """What an invitation did: a new account or an existing one, and the WOPs
    the person was added to or was in already."""

    user: User
    created: bool
    added: list[NeighbourhoodPage] = field(default_factory=list)
    already: list[NeighbourhoodPage] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added)


def volunteer_manageable_wops(*, user) -> QuerySet[NeighbourhoodPage]:
    """The WOPs whose volunteers ``user`` may invite, list and remove: those
    where they hold ``manage_volunteers`` (a coordinator of WOP A who also
    volunteers in WOP B manages A's volunteers, not B's)."""
    if user is None or not user.is_authenticated:
        return NeighbourhoodPage.objects.none()
    return wops_for_user_with(user, MANAGE_VOLUNTEERS)


def volunteer_may_manage_coordinators(*, user) -> bool:
    """Only city-wide coordinators (and superusers) take a coordinator off a
    WOP; a WOP's own coordinator cannot remove a colleague."""
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

    user: User
    roles: set[str]

    @property
    def is_coordinator(self) -> bool:
        return WopRole.COORDINATORS in self.roles

    @property
    def may_publish(self) -> bool:
        return WopRole.PUBLISHERS in self.roles


def volunteers_by_wop(*, wops) -> list[tuple[NeighbourhoodPage, list[WopMember]]]:
    """Each of ``wops`` (by title) with the people in its groups, by name."""
    wops = sorted(wops, key=lambda wop: wop.title)
    memberships = WopGroup.objects.filter(
        wop__in=wops, group__user__isnull=False
    ).values_list("wop_id", "group__user", "role")
    roles: dict[tuple[int, int], set[str]] = {}
    for wop_id, user_id, role in memberships:
        roles.setdefault((wop_id, user_id), set()).add(role)
    users = User.objects.in_bulk({user_id for _wop_id, user_id in roles})
    result = []
    for wop in wops:
        members = [
            WopMember(user=users[user_id], roles=member_roles)
            for (wop_id, user_id), member_roles in roles.items()
            if wop_id == wop.pk
        ]
        members.sort(key=lambda member: str(member.user).lower())
        result.append((wop, members))
    return result


def volunteer_for_email(*, email: str) -> User | None:
    """The user who owns ``email``, compared case-insensitively, on the account
    or among their allauth addresses."""
    email = email.strip()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user
    address = (
        EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    )
    return address.user if address else None


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
    return f"{_base_url()}{path}?{query}"


def volunteer_link_valid_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))


def _base_url() -> str:
    return (get_admin_base_url() or "").rstrip("/")


def wop_titles(wops) -> str:
    """The WOPs' titles as a sentence reads them: "A", "A en B", "A, B en C"."""
    titles = [wop.title for wop in wops]
    if len(titles) < 2:
        return "".join(titles)
    return f"{', '.join(titles[:-1])} {_('en')} {titles[-1]}"


def _check_may_manage(*, by, wops) -> None:
    allowed = set(volunteer_manageable_wops(user=by).values_list("pk", flat=True))
    if any(wop.pk not in allowed for wop in wops):
        raise PermissionDenied


@transaction.atomic
def volunteer_invite(
    *,
    email: str,
    name: str,
    wops: list[NeighbourhoodPage],
    by: User,
    may_publish: bool = False,
) -> InviteResult:
    """Give the owner of ``email`` access to ``wops``, making an account when
    the address is new, and tell them by e-mail.

    A new account has no password yet: the e-mail links to allauth's page to
    set one, which also proves the address. An existing account is added to
    the WOPs it is not in yet; nothing happens for WOPs it is in already.
    """
    wops = sorted(set(wops), key=lambda wop: wop.title)
    _check_may_manage(by=by, wops=wops)
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

    result = InviteResult(user=user, created=created)
    for wop in wops:
        if volunteer_roles(user=user, wop=wop) & set(WORKING_ROLES):
            result.already.append(wop)
            continue
        user.groups.add(wop_group(wop, WopRole.VOLUNTEERS))
        if may_publish:
            user.groups.add(wop_group(wop, WopRole.PUBLISHERS))
        result.added.append(wop)

    if not result.changed:
        return result
    log(
        instance=user,
        action="verbuurzamen.volunteer_invite",
        user=by,
        data={
            "wops": [wop.title for wop in result.added],
            "new_account": created,
            "may_publish": may_publish,
        },
    )
    _send_invite_email(user=user, wops=result.added, by=by, may_publish=may_publish)
    return result


def _send_invite_email(*, user: User, wops, by: User, may_publish: bool) -> None:
    context = {
        "name": user.get_full_name(),
        "inviter": by.get_full_name() or by.email,
        "wop_titles": wop_titles(wops),
        "may_publish": may_publish,
        "admin_url": _base_url() + reverse("wagtailadmin_home"),
        "site_name": settings.WAGTAIL_SITE_NAME,
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
        context={
            **context,
            "set_password_url": volunteer_set_password_url(user=user),
            "valid_days": volunteer_link_valid_days(),
            "reset_url": _base_url() + reverse("account_reset_password"),
        },
    )


@transaction.atomic
def volunteer_remove(*, user: User, wop: NeighbourhoodPage, by: User) -> bool:
    """Take ``user`` off ``wop``: out of its volunteers and publishers groups,
    and its coordinators group when ``by`` may do that.

    Returns True when ``user`` no longer works in ``wop``.
    """
    _check_may_manage(by=by, wops=[wop])
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
    _check_may_manage(by=by, wops=[wop])
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
