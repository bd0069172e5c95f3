"""Writes that span models: the groups and permissions per WOP, and the
coordinators' group; the collections are in ``collections.py``."""

from django.contrib.auth import get_permission_codename, get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
)

from neighbourhood.models import (
    COORDINATORS_GROUP,
    CardDesign,
    KeyFigure,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    TileStock,
    WopGroup,
    WopRole,
)
from neighbourhood.review.setup import wop_review_workflow_sync
from neighbourhood.scoping.collections import (
    COORDINATOR_MEDIA_PERMISSIONS,
    PRIVATE_KINDS,
    SHARED_MEDIA_PERMISSIONS,
    VOLUNTEER_MEDIA_PERMISSIONS,
    media_permissions,
    private_collection_restriction_sync,
    shared_collection,
    wop_collection_sync,
    wop_private_collection_sync,
)
from neighbourhood.submissions import registry

# Group names per WOP role: "Volunteers Schollevaar", ...
WOP_GROUP_PREFIXES = {
    WopRole.VOLUNTEERS: "Volunteers",
    WopRole.PUBLISHERS: "Publishers",
    WopRole.COORDINATORS: "Coordinators",
}
VOLUNTEERS_GROUP_PREFIX = WOP_GROUP_PREFIXES[WopRole.VOLUNTEERS]

# Volunteers edit and submit for review; trusted volunteers (publishers) also
# publish; coordinators also lock and unlock.
VOLUNTEER_PAGE_PERMISSIONS = ("add_page", "change_page")
PUBLISHER_PAGE_PERMISSIONS = ("publish_page",)
COORDINATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
WOP_PAGE_PERMISSIONS = {
    WopRole.VOLUNTEERS: VOLUNTEER_PAGE_PERMISSIONS,
    WopRole.PUBLISHERS: PUBLISHER_PAGE_PERMISSIONS,
    WopRole.COORDINATORS: COORDINATOR_PAGE_PERMISSIONS,
}

# Django model permissions on what residents submit. They only say what a
# group may do; which rows is the WOP's business (WopOwnedPermissionPolicy).
VOLUNTEER_SUBMISSION_ACTIONS = ("add", "change", "view")
COORDINATOR_SUBMISSION_ACTIONS = ("add", "change", "view", "delete")
# A WOP's stock (wave tiles, presents): volunteers count it, coordinators
# also add a WOP's.
VOLUNTEER_STOCK_ACTIONS = ("change", "view")
COORDINATOR_STOCK_ACTIONS = ("add", "change", "view", "delete")
# The WOP's smoelenboek: volunteers keep it up to date, coordinators also
# remove people from it.
VOLUNTEER_KEY_FIGURE_ACTIONS = ("add", "change", "view")
# Card designs are shared by every WOP: coordinators manage them.
COORDINATOR_CARD_DESIGN_ACTIONS = ("add", "change", "view", "delete")
# What coordinators do beyond volunteers, within the WOPs they work in.
COORDINATOR_CUSTOM_PERMISSIONS = (
    ("neighbourhood", "manage_volunteers"),
    ("neighbourhood", "view_figures"),
    ("neighbourhood", "manage_personal_data"),
)


def _submission_models() -> tuple:
    """Every kind of resident submission (buddy sign-ups, event RSVPs, ...:
    each app registers its own, so this app need not import them) and the
    records linked to them (buddy matches)."""
    return (*registry.registered_models(), *registry.linked_models())


def _stock_models() -> tuple:
    """What a WOP keeps in stock: its wave tiles, and what other apps add with
    the ``neighbourhood_stock_models`` hook (a function returning models),
    such as the welcome pack's presents, so this app need not import them."""
    return (
        TileStock,
        *(
            model
            for hook in hooks.get_hooks("neighbourhood_stock_models")
            for model in hook()
        ),
    )


def _admin_access():
    return Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def _model_permissions(models, actions):
    return list(
        Permission.objects.filter(
            content_type__in=ContentType.objects.get_for_models(*models).values(),
            codename__in=[
                get_permission_codename(action, model._meta)
                for model in models
                for action in actions
            ],
        )
    )


def _page_permissions(codenames):
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
    )


def _set_rows(model, *, group, wanted: set[tuple[int, int]], target: str) -> None:
    """Make ``group``'s rows of ``model`` (GroupPagePermission or
    GroupCollectionPermission) exactly ``wanted``: (``target`` id, permission
    id) pairs. A few queries, however many rows."""
    rows = model.objects.filter(group=group)
    existing = {
        (row[f"{target}_id"], row["permission_id"]): row["pk"]
        for row in rows.values("pk", f"{target}_id", "permission_id")
    }
    stale = [pk for pair, pk in existing.items() if pair not in wanted]
    if stale:
        rows.filter(pk__in=stale).delete()
    model.objects.bulk_create(
        [
            model(group=group, permission_id=permission_id, **{f"{target}_id": pk})
            for pk, permission_id in wanted - existing.keys()
        ]
    )


def _set_page_permissions(*, group, page, codenames):
    """Give ``group`` exactly ``codenames`` on ``page``, and nothing elsewhere."""
    _set_rows(
        GroupPagePermission,
        group=group,
        wanted={
            (page.pk, permission.pk) for permission in _page_permissions(codenames)
        },
        target="page",
    )


def _set_collection_permissions(*, group, wanted: dict) -> None:
    """Give ``group`` exactly the permissions in ``wanted`` (collection →
    permissions) on collections, and nothing elsewhere."""
    _set_rows(
        GroupCollectionPermission,
        group=group,
        wanted={
            (collection.pk, permission.pk)
            for collection, permissions in wanted.items()
            for permission in permissions
        },
        target="collection",
    )


def _coordinator_model_permissions() -> list:
    """What a coordinator may do with records, in the WOPs they work in."""
    custom = Permission.objects.none()
    for app_label, codename in COORDINATOR_CUSTOM_PERMISSIONS:
        custom |= Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
    return [
        _admin_access(),
        *_model_permissions([KeyFigure], ("add", "change", "delete")),
        *_model_permissions(_submission_models(), COORDINATOR_SUBMISSION_ACTIONS),
        *_model_permissions(_stock_models(), COORDINATOR_STOCK_ACTIONS),
        *_model_permissions([CardDesign], COORDINATOR_CARD_DESIGN_ACTIONS),
        *custom,
    ]


def _wop_group_name(wop: NeighbourhoodPage, role: str) -> str:
    name = f"{WOP_GROUP_PREFIXES[role]} {wop.title}"[:140]
    taken = (
        Group.objects.filter(name=name)
        .exclude(wop_role__wop=wop, wop_role__role=role)
        .exists()
    )
    return f"{name} ({wop.pk})" if taken else name


def _wop_group_sync(*, wop: NeighbourhoodPage, role: str) -> Group:
    link = WopGroup.objects.select_related("group").filter(wop=wop, role=role).first()
    name = _wop_group_name(wop, role)
    if link is None:
        group, _created = Group.objects.get_or_create(name=name)
        link = WopGroup.objects.create(wop=wop, role=role, group=group)
    group = link.group
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    _set_page_permissions(group=group, page=wop, codenames=WOP_PAGE_PERMISSIONS[role])
    return group


def wop_group(wop: NeighbourhoodPage, role: str = WopRole.VOLUNTEERS) -> Group:
    """The group of ``wop``'s volunteers (or publishers, or coordinators)."""
    link = WopGroup.objects.select_related("group").filter(wop=wop, role=role).first()
    return link.group if link else wop_access_sync(wop=wop)[role]


@transaction.atomic
def wop_access_sync(*, wop: NeighbourhoodPage) -> dict[str, Group]:
    """Make sure ``wop`` has its groups, named after it, with rights on exactly
    its subtree and its own collections, and that its private collection's
    documents are served to those groups and the coordinators only. Safe to
    call any number of times.

    Returns the groups by role.
    """
    groups = {role: _wop_group_sync(wop=wop, role=role) for role in WopRole}
    collection = wop_collection_sync(wop=wop)
    private = wop_private_collection_sync(wop=wop)
    shared = shared_collection()
    city_coordinators, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    private_collection_restriction_sync(
        collection=private, groups=[*groups.values(), city_coordinators]
    )

    volunteers = groups[WopRole.VOLUNTEERS]
    volunteers.permissions.set(
        [
            _admin_access(),
            *_model_permissions(_submission_models(), VOLUNTEER_SUBMISSION_ACTIONS),
            *_model_permissions(_stock_models(), VOLUNTEER_STOCK_ACTIONS),
            *_model_permissions([KeyFigure], VOLUNTEER_KEY_FIGURE_ACTIONS),
        ]
    )
    _set_collection_permissions(
        group=volunteers,
        wanted={
            collection: media_permissions(VOLUNTEER_MEDIA_PERMISSIONS),
            private: media_permissions(VOLUNTEER_MEDIA_PERMISSIONS, PRIVATE_KINDS),
            shared: media_permissions(SHARED_MEDIA_PERMISSIONS),
        },
    )
    # Publishers are volunteers too: their own group adds publishing only.
    groups[WopRole.PUBLISHERS].permissions.clear()
    _set_collection_permissions(group=groups[WopRole.PUBLISHERS], wanted={})

    coordinators = groups[WopRole.COORDINATORS]
    coordinators.permissions.set(_coordinator_model_permissions())
    _set_collection_permissions(
        group=coordinators,
        wanted={
            collection: media_permissions(COORDINATOR_MEDIA_PERMISSIONS),
            private: media_permissions(COORDINATOR_MEDIA_PERMISSIONS, PRIVATE_KINDS),
            shared: media_permissions(SHARED_MEDIA_PERMISSIONS),
        },
    )
    return groups


@transaction.atomic
def coordinators_sync() -> Group:
    """The city-wide coordinators' group: every WOP, publishing, key figures,
    all media, every kind of submission, buddy matches, stock, card designs,
    volunteers, figures and personal-data requests; and the review workflow
    over the neighbourhood tree."""
    group, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    group.permissions.add(*_coordinator_model_permissions())
    wanted = _page_permissions(COORDINATOR_PAGE_PERMISSIONS)
    for index_page in NeighbourhoodIndexPage.objects.all():
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=index_page, permission=permission
            )
    _set_collection_permissions(
        group=group,
        wanted={
            Collection.get_first_root_node(): media_permissions(
                COORDINATOR_MEDIA_PERMISSIONS
            )
        },
    )
    # What coordinators publish, volunteers submit to them for review.
    wop_review_workflow_sync()
    return group


def wop_reviewers(*, wop: NeighbourhoodPage):
    """Whom a review request for a page of ``wop`` goes to: the coordinators
    responsible for this WOP, or the city-wide coordinators when it has none.
    Active users with an e-mail address, as a queryset."""
    active = get_user_model().objects.filter(is_active=True).exclude(email="")
    responsible = active.filter(
        groups__wop_role__wop=wop, groups__wop_role__role=WopRole.COORDINATORS
    )
    if responsible.exists():
        return responsible.distinct()
    return active.filter(groups__name=COORDINATORS_GROUP).distinct()


@transaction.atomic
def wop_access_repair() -> dict[str, int]:
    """Bring every group, permission and collection back to what the page tree
    says.

    Returns how many WOPs were synced and how many orphaned groups removed.
    """
    coordinators_sync()
    wops = list(NeighbourhoodPage.objects.all())
    for wop in wops:
        wop_access_sync(wop=wop)
    orphans = WopGroup.objects.filter(wop__isnull=True)
    removed = orphans.count()
    Group.objects.filter(wop_role__in=orphans).delete()
    return {"wops": len(wops), "orphans_removed": removed}
