"""Inviting volunteers and coordinators (``volunteer_invite``).

A new address gets an account and is in at once. Someone who has an account
already is asked by e-mail and joins the WOP only when they say yes, logged
in as themselves, through a signed link that works ``INVITATION_VALID_DAYS``
days and once. The coordinator who invited them learns nothing about the
account.
"""

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from neighbourhood.accounts import email_verified, password_reset_path
from neighbourhood.addresses import absolute_url
from neighbourhood.models import NeighbourhoodPage, WopRole
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.volunteers.selectors import (
    WORKING_ROLES,
    volunteer_for_email,
    volunteer_roles,
    wop_titles,
)
from neighbourhood.volunteers.services import (
    VolunteerError,
    volunteer_check_may_manage,
    volunteer_check_may_manage_coordinators,
    volunteer_coordinator_email_send,
    volunteer_email_context,
    volunteer_grant,
    volunteer_set_password_context,
)


@dataclass
class InviteResult:
    """What an invitation did: a new account or an existing one, the WOPs the
    person was added to or was in already, and those where an existing
    account was invited and still has to accept (``invited``)."""

    user: AbstractBaseUser
    created: bool
    role: str = WopRole.VOLUNTEERS
    email: str = ""
    added: list[NeighbourhoodPage] = field(default_factory=list)
    already: list[NeighbourhoodPage] = field(default_factory=list)
    invited: list[NeighbourhoodPage] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added)


# How long the link to accept an invitation works, for an existing account.
INVITATION_VALID_DAYS = 14
_INVITATION_SALT = "neighbourhood.volunteer_invitation"


class InvitationInvalid(VolunteerError):
    """An invitation link that is expired, altered, used or no longer
    backed by its inviter."""


@dataclass
class Invitation:
    """An invitation read from its signed link."""

    user_id: int
    wops: list[NeighbourhoodPage]
    role: str
    may_publish: bool
    by: AbstractBaseUser
    key: str

    @property
    def as_coordinator(self) -> bool:
        return self.role == WopRole.COORDINATORS

    @property
    def wop_titles(self) -> str:
        return wop_titles(self.wops)


def volunteer_invitation_url(
    *, user: AbstractBaseUser, wops, by: AbstractBaseUser, role: str, may_publish: bool
) -> str:
    """The personal link that lets ``user`` accept: signed, so nothing in it
    can be changed, and dated (``INVITATION_VALID_DAYS``)."""
    token = signing.dumps(
        {
            "user": user.pk,
            "wops": [wop.pk for wop in wops],
            "role": role,
            "publish": bool(may_publish),
            "by": by.pk,
            # Marks this invitation as used once accepted (in the history).
            "key": secrets.token_urlsafe(9),
        },
        salt=_INVITATION_SALT,
        compress=True,
    )
    return absolute_url(reverse("neighbourhood:volunteer_invitation", args=[token]))


def volunteer_invitation_read(*, token: str) -> Invitation:
    """The invitation behind ``token``; raises InvitationInvalid when it is
    expired, altered or already used."""
    invalid = InvitationInvalid(
        _(
            "Deze link werkt niet meer. Misschien is hij verlopen of al "
            "gebruikt. Vraag de coördinator van de wijk om een nieuwe "
            "uitnodiging."
        )
    )
    try:
        data = signing.loads(
            token,
            salt=_INVITATION_SALT,
            max_age=timedelta(days=INVITATION_VALID_DAYS),
        )
        user_id, wop_ids, role = data["user"], data["wops"], data["role"]
        key, by_id, may_publish = data["key"], data["by"], data["publish"]
    except (signing.BadSignature, KeyError, TypeError):
        raise invalid from None
    by = get_user_model().objects.filter(pk=by_id, is_active=True).first()
    wops = list(NeighbourhoodPage.objects.filter(pk__in=wop_ids).order_by("title"))
    used = ModelLogEntry.objects.filter(
        object_id=str(user_id),
        action="verbuurzamen.volunteer_accept",
        data__invitation=key,
    ).exists()
    if by is None or not wops or used or role not in WORKING_ROLES:
        raise invalid
    return Invitation(
        user_id=user_id,
        wops=wops,
        role=role,
        may_publish=bool(may_publish),
        by=by,
        key=key,
    )


@transaction.atomic
def volunteer_invitation_accept(
    *, invitation: Invitation, user: AbstractBaseUser
) -> list[NeighbourhoodPage]:
    """``user`` says yes: they join the invitation's WOPs in its role, if it
    is theirs and the inviter may still invite them there. Returns the WOPs
    they joined."""
    if user.pk != invitation.user_id:
        raise PermissionDenied
    try:
        volunteer_check_may_manage(by=invitation.by, wops=invitation.wops)
        if invitation.as_coordinator:
            volunteer_check_may_manage_coordinators(by=invitation.by)
    except PermissionDenied:
        raise InvitationInvalid(
            _(
                "Deze uitnodiging geldt niet meer. Vraag de coördinator van de "
                "wijk om een nieuwe uitnodiging."
            )
        ) from None
    already_in = (
        {WopRole.COORDINATORS} if invitation.as_coordinator else set(WORKING_ROLES)
    )
    added = []
    for wop in invitation.wops:
        if volunteer_roles(user=user, wop=wop) & already_in:
            continue
        volunteer_grant(
            user=user,
            wop=wop,
            role=invitation.role,
            may_publish=invitation.may_publish,
        )
        added.append(wop)
    log(
        instance=user,
        action="verbuurzamen.volunteer_accept",
        user=user,
        data={
            "wops": [wop.title for wop in invitation.wops],
            "role": invitation.role,
            "invitation": invitation.key,
            "invited_by": invitation.by.pk,
        },
    )
    return added


def volunteer_invitation_send(
    *, user: AbstractBaseUser, wops, by: AbstractBaseUser, role: str, may_publish: bool
) -> None:
    """Ask an existing account's holder whether they want to join ``wops``."""
    as_coordinator = role == WopRole.COORDINATORS
    subject = (
        _("Uitnodiging: coördinator van %(wops)s")
        if as_coordinator
        else _("Uitnodiging: vrijwilliger bij %(wops)s")
    )
    email_enqueue(
        to=[user.email],
        subject=subject % {"wops": wop_titles(wops)},
        template="neighbourhood/email/volunteer_invitation_accept.txt",
        context={
            **volunteer_email_context(user=user, wops=wops, by=by),
            "as_coordinator": as_coordinator,
            "may_publish": may_publish and not as_coordinator,
            "accept_url": volunteer_invitation_url(
                user=user, wops=wops, by=by, role=role, may_publish=may_publish
            ),
            "valid_days": INVITATION_VALID_DAYS,
            "reset_url": absolute_url(password_reset_path()),
        },
    )


def new_account_fields(*, model, email: str, name: str) -> dict:
    """The fields of a new account on the host's user ``model`` for ``email``.

    The plugin knows people by their e-mail address; a host whose accounts
    log in by a username gets the address as that username too, so the new
    volunteer logs in with what the invitation was sent to.
    """
    fields = {"email": email}
    names = {field.name: field for field in model._meta.get_fields()}
    first_name, _space, last_name = name.strip().partition(" ")
    if "first_name" in names and "last_name" in names:
        fields.update(first_name=first_name, last_name=last_name)
    login_field = names[model.USERNAME_FIELD]
    if login_field.name != "email":
        fields[login_field.name] = email[: login_field.max_length or None]
    return fields


def volunteer_invite(
    *,
    email: str,
    name: str,
    wops: list[NeighbourhoodPage],
    by: AbstractBaseUser,
    may_publish: bool = False,
    role: str = WopRole.VOLUNTEERS,
) -> InviteResult:
    """Invite the owner of ``email`` to ``wops``, as a volunteer or (for
    city-wide coordinators to decide) as their coordinator, and tell them by
    e-mail.

    A new address gets an account at once, without a password: the e-mail
    links to a page to set one (allauth's or Django's), which also proves the
    address. An
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
        user_model = get_user_model()
        user = user_model(
            **new_account_fields(model=user_model, email=email, name=name)
        )
        user.set_unusable_password()
        user.save()
        email_verified(user=user, email=email)

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
        volunteer_coordinator_email_send(user=user, wops=result.added, by=by)
    else:
        _send_invite_email(user=user, wops=result.added, by=by, may_publish=may_publish)
    return result


def _log_invite(
    *,
    user: AbstractBaseUser,
    wops,
    by: AbstractBaseUser,
    role: str,
    may_publish: bool,
    new_account=False,
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


def _send_invite_email(
    *, user: AbstractBaseUser, wops, by: AbstractBaseUser, may_publish: bool
) -> None:
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
        context={**context, **volunteer_set_password_context(user=user)},
    )
