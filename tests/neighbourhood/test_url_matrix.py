"""The URL matrix: every URL the site serves, tried on another WOP's things.

``test_permission_matrix`` tries the doors someone thought of; this module
tries all of them. It walks Django's URL resolver, fills each pattern's
arguments with WOP B's things (by the argument's name and the URL's
namespace, see ``_fill``), and asks each door as a volunteer and as a
coordinator of WOP A, with GET and with an empty POST. No answer is a server
error; an answer shows none of B's markers, stock or contacts (B's WOP
page excepted: its key figures are public); and after a POST B's
things are as they were.

A pattern the table cannot fill is listed in ``REVIEWED`` with a reason, and
``test_every_pattern_is_filled_or_reviewed`` fails on any other: a URL added
by a Wagtail upgrade or a new app fails the suite until someone fills or
reviews it.
"""

import re
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
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
from neighbourhood.scoping.middleware import guard_for
from neighbourhood.submissions.spreadsheets import SafeCsvExportMixin
from tests.factories import make_action_request, make_volunteer, make_wop_coordinator
from tests.neighbourhood.test_permission_matrix import (
    SECRET,
    _assert_no_secret,
    _body,
    _state,
    world,  # noqa: F401 (a fixture, used by name)
)

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

# Patterns the table below does not fill, each with the reason it needs no
# door of its own.
REVIEWED = {}


@dataclass
class Door:
    route: str
    path: str
    # B's WOP page shows its key figures (markers included) to anyone.
    public_page: bool = False


# The patterns ------------------------------------------------------------------


@dataclass
class Pattern:
    route: str
    name: str
    namespace: str
    kwargs: list


CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def _patterns(resolver=None, prefix="", namespaces=()):
    """Every URL pattern the site serves, with its full route."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = (
                (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            )
            yield from _patterns(pattern, route, inner)
        else:
            yield Pattern(
                route=route,
                name=pattern.name or "",
                namespace=":".join(namespaces),
                kwargs=[m["name"] for m in CONVERTER.finditer(route)],
            )


def _answering(match):
    """The view that answers a resolved URL: the admin guard in place of
    Wagtail's own (``AdminGuardMiddleware``), or the view it resolved to."""
    return guard_for(match) or match.func


def _view_class(callback):
    """The class-based view behind ``callback``, through the admin's
    ``require_admin_access`` wrapper (which keeps no ``view_class``)."""
    if hasattr(callback, "view_class"):
        return callback.view_class, callback.view_initkwargs
    for cell in callback.__closure__ or ():
        inner = cell.cell_contents
        if hasattr(inner, "view_class"):
            return inner.view_class, inner.view_initkwargs
    return None, {}


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


# ``pk`` under a namespace: that admin's model, B's thing.
PK_BY_NAMESPACE = {
    "wagtailsnippets_neighbourhood_keyfigure": lambda t: t["B"].key_figure,
    "wagtailsnippetchoosers_neighbourhood_keyfigure": lambda t: t["B"].key_figure,
    "wagtailsnippets_neighbourhood_carddesign": lambda t: t["B"].card.card_design,
    "wagtailsnippetchoosers_neighbourhood_carddesign": lambda t: (
        t["B"].card.card_design
    ),
    "welcome_pack_claim": lambda t: t["B"].claim,
    "welcome_pack_present": lambda t: t["B"].present,
    "event_rsvp": lambda t: t["B"].rsvp,
    "event_attendance": lambda t: t["B"].past_occurrence,
    "buddy_signup": lambda t: t["B"].seeker,
    "buddy_match": lambda t: t["B"].match,
    "action_request": lambda t: t["B"].card,
    "tile_stock": lambda t: t["B"].stock,
    "wagtailadmin_collections": lambda t: t["collection"],
    "wagtailsites": lambda t: Site.objects.get(is_default_site=True),
    "wagtailusers_users": lambda t: t["B"].volunteer,
    "wagtailusers_groups": lambda t: t["group"],
    "wagtailadmin_api:pages": lambda t: t["B"].draft,
    "wagtailadmin_api:images": lambda t: t["B"].image,
    "wagtailadmin_api:documents": lambda t: t["B"].document,
    "wagtaildocs_chooser": lambda t: t["B"].document,
    "wagtailimages_chooser": lambda t: t["B"].image,
    "wagtailsettings": lambda t: Site.objects.get(is_default_site=True),
}
# Workflows and their tasks are shared: B's review's.
PK_BY_NAME = {
    "wagtailadmin_workflows:edit_task": lambda t: t["B"].review.task,
    "wagtailadmin_workflows:disable_task": lambda t: t["B"].review.task,
    "wagtailadmin_workflows:enable_task": lambda t: t["B"].review.task,
}
WORKFLOW = lambda t: t["B"].review.workflow_state.workflow  # noqa: E731


def _page_kwarg_values(pattern, t):
    """B's pages for a page id: its unpublished page, its street with a
    pending draft and its WOP; the page a revision, a task or a review
    belongs to when the URL names one of those too."""
    b = t["B"]
    if "revision_id" in pattern.kwargs:
        return [b.street]
    if {"task_state_id", "task_id", "workflow_state_id"} & set(pattern.kwargs):
        return [b.review_page]
    if pattern.name == "wagtailcore_authenticate_with_password":
        return [b.card_page]
    return [b.draft, b.street, b.wop]


PAGE_KWARGS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}

# One value for each other argument name: B's thing of that kind.
VALUES = {
    "destination_id": lambda p, t: t["B"].wop.pk,
    "revision_id": lambda p, t: t["B"].revision.pk,
    "task_state_id": lambda p, t: t["B"].review.pk,
    "task_id": lambda p, t: t["B"].review.task_id,
    "workflow_state_id": lambda p, t: t["B"].review.workflow_state_id,
    "workflow_pk": lambda p, t: WORKFLOW(t).pk,
    "action_name": lambda p, t: "copy" if "api" in p.namespace else "approve",
    "reason": lambda p, t: "andere-wijk",
    "collection_id": lambda p, t: t["collection"].pk,
    "document_id": lambda p, t: t["B"].document.pk,
    "doc_id": lambda p, t: t["B"].document.pk,
    "image_id": lambda p, t: t["B"].image.pk,
    "filter_spec": lambda p, t: "original",
    "uploaded_file_id": lambda p, t: t["uploaded"].pk,
    "redirect_id": lambda p, t: t["redirect"].pk,
    "wop_id": lambda p, t: t["B"].wop.pk,
    "user_id": lambda p, t: t["B"].volunteer.pk,
    "object_id": lambda p, t: t["B"].draft.pk,
    "session_id": lambda p, t: t["session"].pk,
    "restriction_id": lambda p, t: t["collection_restriction"].pk,
    "page_view_restriction_id": lambda p, t: t["page_restriction"].pk,
    "uidb64": lambda p, t: urlsafe_base64_encode(force_bytes(t["B"].volunteer.pk)),
    # A page type, a snippet, a task type, a model with tags.
    "content_type_app_name": lambda p, t: "neighbourhood",
    "content_type_model_name": lambda p, t: "streetpage",
    "app_name": lambda p, t: (
        _setting()._meta.app_label
        if p.namespace == "wagtailsettings"
        else "wagtailimages"
    ),
    "model_name": lambda p, t: _model_name(p),
    "app_label": lambda p, t: _app_label(p),
}


def _app_label(pattern):
    if pattern.name == "wagtailadmin_workflows:add_task":
        return "neighbourhood"
    if pattern.name.startswith("wagtailadmin_pages:"):
        return "neighbourhood"
    return "wagtailcore"


def _setting():
    """The project's own settings model (the privacy settings)."""
    return next(m for m in settings_registry if m._meta.app_label == "neighbourhood")


def _model_name(pattern):
    if pattern.namespace == "wagtailsettings":
        return _setting()._meta.model_name
    if pattern.name == "wagtailadmin_workflows:add_task":
        return "wopreviewtask"
    if pattern.name.startswith("wagtailadmin_pages:"):
        return "streetpage"
    if pattern.name == "wagtailadmin_tag_model_autocomplete":
        return "image"
    return "page"


def _bulk_doors(t):
    """Every registered bulk action, on B's thing of that model."""
    bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
    things = {
        ("wagtailcore", "page"): t["B"].draft,
        ("wagtailimages", "image"): t["B"].image,
        ("wagtaildocs", "document"): t["B"].document,
        ("neighbourhood", "keyfigure"): t["B"].key_figure,
        ("neighbourhood", "carddesign"): t["B"].card.card_design,
        ("neighbourhood", "user"): t["B"].volunteer,
    }
    paths = []
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            thing = things[(app_label, model_name)]
            for action in actions:
                url = reverse(
                    "wagtail_bulk_action", args=[app_label, model_name, action]
                )
                paths.append(f"{url}?id={thing.pk}")
    return paths


def _tokens(t):
    """B's residents' private withdraw links."""
    b = t["B"]
    return [s.token for s in (b.seeker, b.card, b.claim, b.rsvp)]


def _serve_doors(t):
    """B's pages on the site: public where live, a 404 where not."""
    b = t["B"]
    doors = []
    for page in (b.wop, b.street, b.draft, b.card_page, b.review_page):
        page = Page.objects.get(pk=page.pk)
        path = page.url or f"/wijken/{b.wop.slug}/{page.slug}/"
        # The WOP's page shows its key figures (the smoelenboek) to anyone.
        doors.append((path, page.pk == b.wop.pk))
    return doors


# Patterns built from a regular expression: their paths, by URL name (or
# route, for a pattern without a name).
REGEX_PATHS = {
    "wagtailadmin_pages:revisions_compare": lambda t: [
        f"/beheer/pages/{t['B'].street.pk}/revisions/compare/live...latest/",
        f"/beheer/pages/{t['B'].street.pk}/revisions/compare/"
        f"earliest...{t['B'].revision.pk}/",
    ],
    # B's working document in its intern collection (its public ones are
    # served to anyone, as its pages link to them).
    "wagtaildocs_serve": lambda t: [
        f"/documenten/{t['B'].intern_document.pk}/{t['B'].intern_document.filename}"
    ],
    "account_confirm_email": lambda t: ["/account/confirm-email/geen-sleutel/"],
    "account_reset_password_from_key": lambda t: [
        f"/account/password/reset/key/{t['B'].volunteer.pk}-geen-sleutel/"
    ],
    # The admin's catch-all "not found".
    "beheer/^.*/$": lambda t: ["/beheer/bestaat-niet/"],
}
# Query strings a door needs to name B's thing.
QUERY_BY_NAME = {
    "wagtailadmin_choose_page_chosen_multiple": lambda t: f"?id={t['B'].draft.pk}",
    "wagtailsnippetchoosers_neighbourhood_keyfigure:chosen_multiple": lambda t: (
        f"?id={t['B'].key_figure.pk}"
    ),
    "wagtailsnippetchoosers_neighbourhood_carddesign:chosen_multiple": lambda t: (
        f"?id={t['B'].card.card_design.pk}"
    ),
    "wagtaildocs_chooser:chosen_multiple": lambda t: f"?id={t['B'].document.pk}",
    "wagtailimages_chooser:chosen_multiple": lambda t: f"?id={t['B'].image.pk}",
    "wagtailadmin_api:pages:listing": lambda t: f"?child_of={t['B'].wop.pk}",
    "wagtailadmin_api:pages:find": lambda t: f"?id={t['B'].draft.pk}",
    "wagtailadmin_api:images:find": lambda t: f"?id={t['B'].image.pk}",
    "wagtailadmin_api:documents:find": lambda t: f"?id={t['B'].document.pk}",
    "wagtailadmin_pages:preview_on_edit": lambda t: "?mode=",
}


def _full_name(pattern):
    return ":".join(filter(None, [pattern.namespace, pattern.name]))


def _fill(pattern, t):
    """The doors of ``pattern`` on B's things: a list of ``Door``, or None
    if the table cannot fill it."""
    name = _full_name(pattern)
    if pattern.name == "wagtail_bulk_action":
        return [Door(pattern.route, path) for path in _bulk_doors(t)]
    if pattern.name == "wagtail_serve":
        return [Door(pattern.route, p, public) for p, public in _serve_doors(t)]
    if re.search(r"\(|\.\*", pattern.route):
        paths = REGEX_PATHS.get(name or pattern.route)
        return None if paths is None else [Door(pattern.route, p) for p in paths(t)]
    query = QUERY_BY_NAME.get(name, lambda t: "")(t)
    # One door with each argument's first value, and one more for each
    # further value of an argument (B's other pages, B's other tokens).
    values_by_kwarg = {}
    for kwarg in pattern.kwargs:
        if kwarg in PAGE_KWARGS:
            values = [page.pk for page in _page_kwarg_values(pattern, t)]
        elif kwarg == "pk":
            by = PK_BY_NAME.get(name) or PK_BY_NAMESPACE.get(pattern.namespace)
            if by is None and pattern.namespace == "wagtailadmin_workflows":
                by = WORKFLOW
            if by is None:
                return None
            values = [by(t).pk]
        elif kwarg == "token" and pattern.namespace == "neighbourhood":
            values = _tokens(t)
        elif kwarg == "token":
            values = ["geen-sleutel"]
        elif kwarg in VALUES:
            values = [VALUES[kwarg](pattern, t)]
        else:
            return None
        values_by_kwarg[kwarg] = values
    first = {kwarg: values[0] for kwarg, values in values_by_kwarg.items()}
    variants = [first] + [
        {**first, kwarg: value}
        for kwarg, values in values_by_kwarg.items()
        for value in values[1:]
    ]
    doors = []
    for kwargs in variants:
        path = CONVERTER.sub(lambda m, kw=kwargs: str(kw[m["name"]]), pattern.route)
        doors.append(Door(pattern.route, "/" + path.replace("^", "") + query))
    return doors


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


# Spreadsheets ---------------------------------------------------------------------


def test_every_spreadsheet_export_the_site_routes_is_formula_safe():
    """Each URL answered by a view that writes spreadsheets (with columns to
    write) is answered by one that writes CSV cells as text: a new export
    cannot slip in without ``SafeCsvExportMixin``."""
    unsafe = set()
    for pattern in _patterns():
        sample = CONVERTER.sub("1", pattern.route)
        if "(" in sample or "^.*" in sample:
            continue
        match = resolve("/" + sample.replace("^", ""))
        view_class, initkwargs = _view_class(_answering(match))
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        if not initkwargs.get("list_export", view_class.list_export):
            continue  # No columns: nothing to export.
        if not issubclass(view_class, SafeCsvExportMixin):
            unsafe.add(
                f"{pattern.route} ({view_class.__module__}.{view_class.__name__})"
            )

    assert not unsafe, "CSV exports that run formulas:\n" + "\n".join(sorted(unsafe))


FORMULA = "=cmd|' /C calc'!A0"


def test_a_residents_formula_is_text_in_the_site_history_export(client, world):  # noqa: F811
    own = world["A"]
    request = make_action_request(wop=own.wop, name=FORMULA)
    log(instance=request, action="wagtail.edit")
    client.force_login(make_wop_coordinator(own.wop, email="coordinator-a@example.org"))

    body = _body(
        client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
    )

    assert "'" + FORMULA in body
    assert "," + FORMULA not in body and "\n" + FORMULA not in body
    assert SECRET not in body
