"""Images and documents per WOP: each WOP's own collection, its private
("intern") collection, and the shared one every WOP chooses from; the media
permissions a role gets on them (given by ``access.wop_access_sync``)."""

from django.contrib.auth.models import Permission
from wagtail.models import Collection, CollectionViewRestriction

from neighbourhood.models import NeighbourhoodPage, WopCollection

SHARED_COLLECTION_NAME = "Gedeeld"


# A WOP's private collection: "Schollevaar – intern".
PRIVATE_COLLECTION_SUFFIX = "intern"


# Images and documents in a WOP's own collection, and in the shared one.
VOLUNTEER_MEDIA_PERMISSIONS = ("add", "change", "choose")


COORDINATOR_MEDIA_PERMISSIONS = ("add", "change", "choose", "delete")


SHARED_MEDIA_PERMISSIONS = ("choose",)


# The private collection holds documents only: an image is served as a file
# of its own (a rendition) that no view restriction guards, so images are
# always public and go into the WOP's own collection.
PRIVATE_KINDS = ("document",)


def media_permissions(actions, kinds=("image", "document")) -> list:
    """Image and document permissions for ``actions`` ("add", "choose", ...);
    ``kinds``: only those of images, or of documents."""
    return list(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"],
            codename__in=[f"{action}_{kind}" for action in actions for kind in kinds],
        )
    )


def shared_collection() -> Collection:
    """The collection every WOP chooses images and documents from."""
    link = WopCollection.objects.select_related("collection").filter(is_shared=True)
    if link.exists():
        return link.get().collection
    collection = Collection.get_first_root_node().add_child(
        instance=Collection(name=SHARED_COLLECTION_NAME)
    )
    WopCollection.objects.create(collection=collection, is_shared=True)
    return collection


def wop_collection_sync(*, wop: NeighbourhoodPage) -> Collection:
    """``wop``'s own collection, made when missing and named after the WOP."""
    link = WopCollection.objects.select_related("collection").filter(wop=wop).first()
    if link is None:
        collection = Collection.get_first_root_node().add_child(
            instance=Collection(name=wop.title)
        )
        WopCollection.objects.create(collection=collection, wop=wop)
        return collection
    collection = link.collection
    if collection.name != wop.title:
        collection.name = wop.title
        collection.save(update_fields=["name"])
    return collection


def _private_collection_name(wop: NeighbourhoodPage) -> str:
    return f"{wop.title[:240]} – {PRIVATE_COLLECTION_SUFFIX}"


def wop_private_collection_sync(*, wop: NeighbourhoodPage) -> Collection:
    """``wop``'s private collection, for its working documents (contact lists,
    notes, rosters): made when missing, beside the WOP's own collection, and
    named after the WOP ("Schollevaar – intern"). Who may open its documents
    is set by ``wop_access_sync``."""
    wop_collection_sync(wop=wop)
    link = WopCollection.objects.select_related("private_collection").get(wop=wop)
    name = _private_collection_name(wop)
    collection = link.private_collection
    if collection is None:
        # A sibling, not a child, of the WOP's own collection: a child would
        # inherit the image permissions, and images are always public.
        collection = Collection.get_first_root_node().add_child(
            instance=Collection(name=name)
        )
        link.private_collection = collection
        link.save(update_fields=["private_collection"])
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def private_collection_restriction_sync(*, collection: Collection, groups) -> None:
    """Wagtail serves the documents of ``collection`` (``wagtaildocs_serve``)
    only to members of ``groups`` (and superusers); anyone else is sent to the
    login page."""
    restrictions = CollectionViewRestriction.objects.filter(collection=collection)
    restriction = restrictions.order_by("pk").first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.GROUPS,
        )
    elif restriction.restriction_type != CollectionViewRestriction.GROUPS:
        restriction.restriction_type = CollectionViewRestriction.GROUPS
        restriction.password = ""
        restriction.save(update_fields=["restriction_type", "password"])
    restrictions.exclude(pk=restriction.pk).delete()
    restriction.groups.set(groups)
