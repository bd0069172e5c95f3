"""What a user may see in the admin: pages (the explorer, the page chooser,
the admin searches), WOP-owned rows, images and documents.

Beside the WOPs a user works in (``permissions``), what they may only read:
live, public pages elsewhere, never another WOP's drafts or people.

These rules cover the plugin's own part of a host's site only: its pages
(``plugin_pages``) and the WOPs' collections (``wop_collections``). The
host's own pages, images and documents are left exactly as Wagtail shows
them: a host's editors keep Wagtail's rules for their own content.
"""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as documents
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as images
from wagtail.models import Collection, Page

from neighbourhood.models import WopOwned
from neighbourhood.scoping.page_policy import page_policy

# The plugin's apps: its page types are theirs. Every page under the
# neighbourhood index is one of them (their ``subpage_types`` name only
# these), and so are city-wide buddy projects and calendars.
PLUGIN_APP_LABELS = ("neighbourhood", "events", "welcome_pack")


def plugin_pages(prefix: str = "") -> Q:
    """Pages of the plugin's page types: a ``Q`` on a page queryset, or, with
    ``prefix`` ("page__"), on a model that points at a page."""
    return Q(**{f"{prefix}content_type__app_label__in": PLUGIN_APP_LABELS})


def wop_collections():
    """The WOPs' collections (each WOP's own and intern one) and the shared
    one: the collections these rules cover."""
    return Collection.objects.filter(
        Q(wop_link__isnull=False) | Q(wop_private_link__isnull=False)
    )


# What working on a page means: any of these page permissions.
PAGE_WORK_ACTIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")


def pages_worked_on(user):
    """The pages ``user`` works on: any of ``PAGE_WORK_ACTIONS`` (their
    WOPs, for a volunteer), a queryset."""
    return page_policy.instances_user_has_any_permission_for(user, PAGE_WORK_ACTIONS)


def pages_visible_to(user, queryset):
    """``queryset`` cut down to the pages ``user`` may see in the admin.

    Of the plugin's pages: the ones they work on (their WOPs, for a
    volunteer; all of them for a superuser), and elsewhere only what anyone
    may read on the site: live, public pages without a pending draft, whose
    title could otherwise give a draft away. Never another WOP's drafts or
    unpublished pages. The host's own pages stay in ``queryset`` as they
    are. The one rule behind the explorer, the page chooser and the admin
    searches.
    """
    own = pages_worked_on(user)
    public = Page.objects.live().public().filter(has_unpublished_changes=False)
    visible = Page.objects.filter(
        ~plugin_pages() | Q(pk__in=own.values("pk")) | Q(pk__in=public.values("pk"))
    )
    return queryset.filter(pk__in=visible.values_list("pk", flat=True))


def pages_people_named(user):
    """The pages whose owners, editors and lockers the admin's user filters
    may name to ``user``: of the plugin's pages those they work on, and
    every page of the host (Wagtail names everyone)."""
    own = pages_worked_on(user)
    return Page.objects.filter(~plugin_pages() | Q(pk__in=own.values("pk")))


def page_visible_to(user, page) -> bool:
    """Whether ``pages_visible_to(user, ...)`` holds ``page``."""
    return pages_visible_to(user, Page.objects.filter(pk=page.pk)).exists()


# Any of these on an image's or document's collection lets a user see it.
MEDIA_ACTIONS = ("add", "change", "delete", "choose")


def queryset_visible_to(user, queryset):
    """``queryset`` cut down to what ``user`` may see in the admin at all:
    pages by ``pages_visible_to``, WOP-owned rows of the user's WOPs, images
    and documents of the WOPs' collections when the user works with their
    collection. Anything else unchanged (the host's own images and documents
    too). For admin views that take ids from the URL."""
    model = queryset.model
    if issubclass(model, Page):
        return pages_visible_to(user, queryset)
    if issubclass(model, WopOwned):
        return queryset.filter(
            pk__in=model._default_manager.for_user(user).values("pk")
        )
    for media_model, policy in (
        (get_image_model(), images),
        (get_document_model(), documents),
    ):
        if issubclass(model, media_model):
            visible = policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS)
            return queryset.filter(
                ~Q(collection__in=wop_collections()) | Q(pk__in=visible.values("pk"))
            )
    return queryset
