"""Who may work in which WOP.

The one source is Wagtail's page permissions: a WOP's volunteer group holds
them on that WOP's page, the coordinators on the neighbourhood index. Every
listing of personal data starts from ``wops_for_user``; the permission policy
below answers Wagtail's admin from the same source.
"""

from functools import cache

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.base import ModelPermissionPolicy

from neighbourhood.models import NeighbourhoodPage, WopOwned
from neighbourhood.scoping.page_policy import page_policy


def wops_for_user(user):
    """The WOP pages ``user`` may edit (and so work in): a queryset.

    All for superusers and for groups with rights on the whole neighbourhood
    tree, the group's own WOPs for a volunteer, none for anyone else.
    """
    if user is None or not user.is_authenticated:
        return NeighbourhoodPage.objects.none()
    return NeighbourhoodPage.objects.filter(
        pk__in=page_policy.instances_user_has_permission_for(user, "change").values(
            "pk"
        )
    )


def wop_ids_for_user(user) -> frozenset[int]:
    """The ids of ``wops_for_user(user)``, remembered on the user object.

    The request's user object lives for one request, so per-row permission
    checks in a listing cost one query, as Wagtail's own permission caches do.
    """
    cached = getattr(user, "_verbuurzamen_wop_ids", None)
    if cached is None:
        cached = frozenset(wops_for_user(user).values_list("pk", flat=True))
        if user is not None:
            user._verbuurzamen_wop_ids = cached
    return cached


def wops_for_user_with(user, permission: str):
    """The WOPs of ``wops_for_user(user)`` in which ``user`` holds
    ``permission`` ("app_label.codename"), a queryset.

    A permission held through a WOP's own group (a coordinator of some WOPs)
    counts in that WOP only: a coordinator of A who also volunteers in B may
    delete, erase or report in A, not in B. Held otherwise (the city-wide
    coordinators' group, the user directly, a superuser): in every WOP the
    user works in.
    """
    wops = wops_for_user(user)
    if _is_active_superuser(user):
        return wops
    if user is None or not user.is_active or not user.has_perm(permission):
        return wops.none()
    app_label, codename = permission.split(".")
    granting = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )
    if user.user_permissions.filter(pk__in=granting).exists():
        return wops
    groups = user.groups.filter(permissions__in=granting)
    if groups.filter(wop_role__isnull=True).exists():
        return wops
    return wops.filter(wop_groups__group__in=groups).distinct()


def wop_ids_for_user_with(user, permission: str) -> frozenset[int]:
    """The ids of ``wops_for_user_with(user, permission)``, remembered on the
    user object for the request, like ``wop_ids_for_user``."""
    cache = getattr(user, "_verbuurzamen_wop_ids_with", None)
    if cache is None:
        cache = {}
        if user is not None:
            user._verbuurzamen_wop_ids_with = cache
    if permission not in cache:
        cache[permission] = frozenset(
            wops_for_user_with(user, permission).values_list("pk", flat=True)
        )
    return cache[permission]


def _under_any_of(wops) -> Q:
    """Pages at or below any of ``wops``."""
    condition = Q(pk__in=[])
    for path in wops.values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return condition


def queryset_for_user(queryset, user):
    """``queryset`` cut down to what ``user`` may choose from in the admin.

    WOPs: the user's. WOP-owned rows: those of the user's WOPs. Other pages
    (a buddy project, an event): those in the user's WOPs and the city-wide
    ones outside every WOP. Anything else unchanged. For choices in admin
    forms and filters, so that a volunteer is never offered another WOP, or
    another WOP's people.
    """
    model = queryset.model
    wops = wops_for_user(user)
    if issubclass(model, NeighbourhoodPage):
        return queryset.filter(pk__in=wops.values("pk"))
    if issubclass(model, WopOwned):
        return queryset.filter(wop__in=wops)
    if issubclass(model, Page):
        return queryset.filter(
            _under_any_of(wops) | ~_under_any_of(NeighbourhoodPage.objects.all())
        )
    return queryset


def _is_active_superuser(user) -> bool:
    return bool(user is not None and user.is_active and user.is_superuser)


class WopOwnedPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, within the WOPs the user works in.

    A user may act on a WOP-owned model when they hold the model permission
    and work in at least one WOP; on one instance only when it belongs to a
    WOP in which they hold that permission (``wops_for_user_with``). Active
    superusers may do everything.
    """

    def _permission_name(self, action) -> str:
        return f"{self.app_label}.{get_permission_codename(action, self.model._meta)}"

    def user_has_permission(self, user, action):
        if _is_active_superuser(user):
            return True
        return super().user_has_permission(user, action) and bool(
            wop_ids_for_user(user)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        if _is_active_superuser(user):
            return True
        return self.user_has_permission(
            user, action
        ) and instance.wop_id in wop_ids_for_user_with(
            user, self._permission_name(action)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance)
            for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.for_user(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission_for_instance(self, actions, instance):
        may_edit_wop = page_policy.users_with_permission_for_instance(
            "change", instance.wop
        )
        return self.users_with_any_permission(actions).filter(
            pk__in=may_edit_wop.values("pk")
        )


@cache
def policy_for(model) -> WopOwnedPermissionPolicy:
    """The one permission policy of the WOP-owned ``model``.

    Every viewset and view of one model asks this one instance, so they
    answer alike.
    """
    return WopOwnedPermissionPolicy(model)
