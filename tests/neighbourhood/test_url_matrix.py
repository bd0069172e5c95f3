"""The URL matrix: every URL the site serves, tried on another WOP's things.

``permission_matrix`` tries the doors someone thought of; this module
tries all of them. It walks Django's URL resolver, fills each pattern's
arguments with WOP B's things (by the argument's name and the URL's
namespace, see ``_fill`` in _url_matrix.py), and asks each door as a
volunteer and as a coordinator of WOP A, with GET and with an empty POST.
No answer is a server error; an answer shows none of B's markers, stock
or contacts (B's WOP page excepted: its key figures are public); and after
a POST B's things are as they were.

A pattern the table cannot fill is listed in ``REVIEWED`` with a reason, and
``test_every_pattern_is_filled_or_reviewed`` fails on any other: a URL added
by a Wagtail upgrade or a new app fails the suite until someone fills or
reviews it.
"""

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    UploadedFile,
)

from neighbourhood.models import (
    ActionRequest,
    BuddySignup,
    KeyFigure,
    StreetPage,
    WopCollection,
    WopGroup,
    WopRole,
)
from tests.factories import make_volunteer, make_wop_coordinator
from tests.neighbourhood._url_matrix import (
    REVIEWED,
    Door,
    _answering,
    _fill,
    _full_name,
    _patterns,
    _view_class,
)
from tests.neighbourhood.permission_matrix._checks import _assert_no_secret
from tests.neighbourhood.permission_matrix._world import (
    world,  # noqa: F401 (a fixture, used by name)
)
from tests.neighbourhood.permission_matrix._writes import _state

pytestmark = pytest.mark.django_db

# Doors that would show none of B's markers even when open (a login form, a
# cache emptied, unlimited password tries, a file's bytes): what tells that
# one is open, as ``(client, door, method, response) -> problem or None``.
# Filled in below ``_refused_or_sent_away``.
STILL_OPEN_IF = {}

# What a POST may change of B's by design, with the reason.
CHANGES_BY_DESIGN = {
    "intrekken/<str:token>/": (
        "the private withdraw link from the resident's own e-mail: whoever "
        "holds it is the resident, and its button withdraws"
    ),
}

# B's things, by kind ---------------------------------------------------------------


@pytest.fixture(scope="module")
def things(world, django_db_blocker):  # noqa: F811
    """B's things the world does not make: an upload in progress, an editing
    session, a password on a page and on a collection, a redirect, B's
    volunteers' group. Inside the world's transaction, rolled back with it."""
    b = world["B"]
    with django_db_blocker.unblock():
        collection = WopCollection.objects.get(wop=b.wop).collection
        uploaded = UploadedFile.objects.create(
            file=ContentFile(b"upload", name="upload.txt"),
            uploaded_by_user=b.volunteer,
            for_content_type=ContentType.objects.get_for_model(get_document_model()),
        )
        session = EditingSession.objects.create(
            user=b.volunteer,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(b.draft.pk),
            last_seen_at=timezone.now(),
        )
        page_restriction = PageViewRestriction.objects.create(
            page=b.card_page,
            restriction_type=PageViewRestriction.PASSWORD,
            password="geheim",
        )
        # A password on a collection of B's own, apart from its files.
        collection_restriction = CollectionViewRestriction.objects.create(
            collection=collection.add_child(name="Met wachtwoord"),
            restriction_type=CollectionViewRestriction.PASSWORD,
            password="geheim",
        )
        redirect = Redirect.objects.create(old_path="/oud", redirect_link="/nieuw")
        group = WopGroup.objects.get(wop=b.wop, role=WopRole.VOLUNTEERS).group
    return {
        "B": b,
        "A": world["A"],
        "collection": collection,
        "uploaded": uploaded,
        "session": session,
        "page_restriction": page_restriction,
        "collection_restriction": collection_restriction,
        "redirect": redirect,
        "group": group,
    }


def _all_doors(t):
    """Every pattern's doors, the patterns the table cannot fill, and the
    exports of every listing that offers them."""
    doors, unfilled, seen = [], [], set()
    for pattern in _patterns():
        if pattern.route in REVIEWED or _full_name(pattern) in REVIEWED:
            continue
        filled = _fill(pattern, t)
        if filled is None:
            unfilled.append(pattern.route)
            continue
        for door in filled:
            if door.path in seen:
                continue
            seen.add(door.path)
            doors.append(door)
            view_class, _ = _view_class(_answering(resolve(door.path.split("?")[0])))
            if view_class and issubclass(view_class, SpreadsheetExportMixin):
                separator = "&" if "?" in door.path else "?"
                for export in ("csv", "xlsx"):
                    doors.append(
                        Door(door.route, f"{door.path}{separator}export={export}")
                    )
    return doors, unfilled


# Trying the doors ---------------------------------------------------------------


def _b_things(b) -> dict:
    """What a POST could change of B's: ``_state`` and B's things' being."""
    street = StreetPage.objects.get(pk=b.street.pk)
    return {
        **_state(b),
        "draft": Page.objects.filter(pk=b.draft.pk, live=False).exists(),
        "street": (street.live, street.locked, street.has_unpublished_changes),
        "key figure": KeyFigure.objects.filter(pk=b.key_figure.pk).exists(),
        "image": get_image_model().objects.filter(pk=b.image.pk).exists(),
        "document": get_document_model().objects.filter(pk=b.document.pk).exists(),
        "buddy": BuddySignup.objects.filter(pk=b.buddy.pk).exists(),
        "card": ActionRequest.objects.filter(pk=b.card.pk)
        .values_list("status", "name")
        .first(),
        "volunteer": type(b.volunteer)
        .objects.filter(pk=b.volunteer.pk)
        .values_list("is_active", "email", "first_name")
        .first(),
    }


def _refused_or_sent_away(response) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code in (301, 302):
        return response.url.split("?")[0] in (
            reverse("wagtailadmin_home"),
            reverse("account_login"),
        )
    return False


def _try(client, door, method, b, before, failures):
    """One door: its failures appended to ``failures``. Inside a savepoint
    rolled back afterwards, so that one door's POST (a logout included) does
    not change the next door's world; ``before``: B's things as they are."""
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    with transaction.atomic():
        cache.clear()
        try:
            response = getattr(client, method)(door.path)
        except Exception as error:  # noqa: BLE001 (a 500 is a failure to report)
            failures.append(f"{method.upper()} {door.path}: raised {error!r}")
        else:
            failures.extend(_check(response, door, method, client))
            changes = method == "post" and door.route not in CHANGES_BY_DESIGN
            if changes and _b_things(b) != before:
                failures.append(f"POST {door.path}: B's things changed")
        transaction.set_rollback(True)
    client.cookies[settings.SESSION_COOKIE_NAME] = session


def _password_tried_without_limit(client, door, method, response):
    if method == "post":
        for _attempt in range(5):
            response = client.post(door.path, {"password": "fout"})
        if response.status_code != 429 and not _refused_or_sent_away(response):
            return "a sixth wrong password is still tried"
    return None


STILL_OPEN_IF.update(
    {
        "_util/login/": lambda client, door, method, response: (
            None if _refused_or_sent_away(response) else "a login form of its own"
        ),
        "_util/authenticate_with_password/<int:page_view_restriction_id>/"
        "<int:page_id>/": _password_tried_without_limit,
        # Emptying the cache is the form's POST; a GET that redirects did it.
        # wagtail-cache's view sends back to its own page once it emptied it.
        "beheer/cache/clearcache": lambda client, door, method, response: (
            "the cache is emptied"
            if response.status_code == 302
            and response.url == reverse("wagtailcache_admin:index")
            else None
        ),
        r"documenten/^(\d+)/(.*)$": lambda client, door, method, response: (
            None if _refused_or_sent_away(response) else "B's file is served"
        ),
    }
)


def _check(response, door, method, client):
    label = f"{method.upper()} {door.path} ({response.status_code})"
    if response.status_code >= 500:
        return [f"{label}: server error"]
    if door.route in STILL_OPEN_IF:
        problem = STILL_OPEN_IF[door.route](client, door, method, response)
        if problem:
            return [f"{label}: {problem}"]
    if door.public_page:
        return []
    try:
        _assert_no_secret(response, label)
    except AssertionError as leak:
        return [str(leak).splitlines()[0]]
    return []


ROLES = {
    "vrijwilliger": lambda a: make_volunteer(a.wop, email="vrijwilliger-a@example.org"),
    "coordinator": lambda a: make_wop_coordinator(
        a.wop, email="coordinator-a@example.org"
    ),
}


@pytest.fixture(scope="module")
def doors(things):
    found, unfilled = _all_doors(things)
    return {"doors": found, "unfilled": unfilled}


def test_every_pattern_is_filled_or_reviewed(doors):
    """A new URL (a Wagtail upgrade, a new app) fails here until the table
    fills it or ``REVIEWED`` says why it needs no door."""
    assert doors["unfilled"] == [], "Fill or review: " + ", ".join(doors["unfilled"])


def test_every_reviewed_pattern_still_exists():
    """An entry for a URL that is gone (a Wagtail upgrade, a merge) is
    removed rather than left to hide the next one."""
    known = {p.route for p in _patterns()} | {_full_name(p) for p in _patterns()}

    assert set(REVIEWED) <= known


def _run(things, doors, user, method):
    client = Client(enforce_csrf_checks=False)
    client.force_login(user)
    before = _b_things(things["B"])
    failures = []
    tried = 0
    for door in doors["doors"]:
        _try(client, door, method, things["B"], before, failures)
        tried += 1
    return tried, failures


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", sorted(ROLES))
def test_no_door_shows_or_changes_another_wops_things(
    things, doors, role, method, record_property
):
    user = ROLES[role](things["A"])

    tried, failures = _run(things, doors, user, method)

    record_property("url_matrix_doors", tried)
    assert not failures, f"{len(failures)} doors open:\n" + "\n".join(failures)


def test_url_matrix_counts(doors, record_property):
    """The size of the matrix, for the suite's summary (tests/conftest.py)."""
    patterns = len(list(_patterns()))
    record_property(
        "url_matrix",
        f"{patterns} patterns, {len(doors['doors'])} doors "
        f"(× GET+POST × 2 roles), {len(REVIEWED)} reviewed",
    )
    assert len(doors["doors"]) >= patterns - len(REVIEWED) - len(doors["unfilled"])
