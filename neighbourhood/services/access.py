"""Writes that span models: groups and permissions per WOP."""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from neighbourhood.models import (
    BuddyMatch,
    CardDesign,
    KeyFigure,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    TileStock,
    VolunteerGroup,
)

COORDINATORS_GROUP = "Coordinators"
VOLUNTEERS_GROUP_PREFIX = "Volunteers"

# Volunteers edit and submit for review; coordinators also publish.
VOLUNTEER_PAGE_PERMISSIONS = ("add_page", "change_page")
COORDINATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)

# Django model permissions on what residents submit. They only say what a
# group may do; which rows is the WOP's business (WopOwnedPermissionPolicy).
VOLUNTEER_SUBMISSION_ACTIONS = ("add", "change", "view")
COORDINATOR_SUBMISSION_ACTIONS = ("add", "change", "view", "delete")
# A WOP's stock (wave tiles, presents): volunteers count it, coordinators
# also add a WOP's.
VOLUNTEER_STOCK_ACTIONS = ("change", "view")
COORDINATOR_STOCK_ACTIONS = ("add", "change", "view", "delete")
# Card designs are shared by every WOP: coordinators manage them.
COORDINATOR_CARD_DESIGN_ACTIONS = ("add", "change", "view", "delete")


def _submission_models() -> tuple:
    """Every kind of resident submission (buddy sign-ups, event RSVPs, ...:
    each app registers its own, so this app need not import them) and
    buddy matches."""
    # Imported here: the registry imports the services.
    from neighbourhood import submissions

    return (*submissions.registered_models(), BuddyMatch)


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


def _set_page_permissions(*, group, page, codenames):
    """Give ``group`` exactly ``codenames`` on ``page``, and nothing elsewhere."""
    wanted = _page_permissions(codenames)
    GroupPagePermission.objects.filter(group=group).exclude(page=page).delete()
    GroupPagePermission.objects.filter(group=group, page=page).exclude(
        permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def _volunteer_group_name(wop: NeighbourhoodPage) -> str:
    name = f"{VOLUNTEERS_GROUP_PREFIX} {wop.title}"[:140]
    taken = Group.objects.filter(name=name).exclude(volunteer_wop__wop=wop).exists()
    return f"{name} ({wop.pk})" if taken else name


@transaction.atomic
def wop_access_sync(*, wop: NeighbourhoodPage) -> Group:
    """Make sure ``wop`` has its volunteer group, named after it, with edit rights
    on exactly its subtree. Safe to call any number of times."""
    link = VolunteerGroup.objects.select_related("group").filter(wop=wop).first()
    name = _volunteer_group_name(wop)
    if link is None:
        group, _created = Group.objects.get_or_create(name=name)
        link = VolunteerGroup.objects.create(wop=wop, group=group)
    group = link.group
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    group.permissions.add(
        _admin_access(),
        *_model_permissions(_submission_models(), VOLUNTEER_SUBMISSION_ACTIONS),
        *_model_permissions(_stock_models(), VOLUNTEER_STOCK_ACTIONS),
    )
    _set_page_permissions(group=group, page=wop, codenames=VOLUNTEER_PAGE_PERMISSIONS)
    return group


@transaction.atomic
def coordinators_sync() -> Group:
    """The coordinators' group: every WOP, publishing, key figures, media,
    every kind of submission, buddy matches, tile stock and card designs."""
    group, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    group.permissions.add(_admin_access())
    key_figure_type = ContentType.objects.get_for_model(KeyFigure)
    group.permissions.add(
        *Permission.objects.filter(
            content_type=key_figure_type,
            codename__in=["add_keyfigure", "change_keyfigure", "delete_keyfigure"],
        ),
        *_model_permissions(_submission_models(), COORDINATOR_SUBMISSION_ACTIONS),
        *_model_permissions(_stock_models(), COORDINATOR_STOCK_ACTIONS),
        *_model_permissions([CardDesign], COORDINATOR_CARD_DESIGN_ACTIONS),
    )
    wanted = _page_permissions(COORDINATOR_PAGE_PERMISSIONS)
    for index_page in NeighbourhoodIndexPage.objects.all():
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=index_page, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    media_permissions = Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        codename__in=[
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ],
    )
    for permission in media_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )
    return group


@transaction.atomic
def wop_access_repair() -> dict[str, int]:
    """Bring every group and permission back to what the page tree says.

    Returns how many WOPs were synced and how many orphaned groups removed.
    """
    coordinators_sync()
    wops = list(NeighbourhoodPage.objects.all())
    for wop in wops:
        wop_access_sync(wop=wop)
    orphans = VolunteerGroup.objects.filter(wop__isnull=True)
    removed = orphans.count()
    Group.objects.filter(volunteer_wop__in=orphans).delete()
    return {"wops": len(wops), "orphans_removed": removed}
