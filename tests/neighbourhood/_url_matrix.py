"""The URL matrix's table (see test_url_matrix.py): every URL pattern the site
serves, and each pattern's arguments filled with WOP B's things."""

import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, Site

from neighbourhood.scoping.middleware import guard_for

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
    user_model = get_user_model()
    things = {
        ("wagtailcore", "page"): t["B"].draft,
        ("wagtailimages", "image"): t["B"].image,
        ("wagtaildocs", "document"): t["B"].document,
        ("neighbourhood", "keyfigure"): t["B"].key_figure,
        ("neighbourhood", "carddesign"): t["B"].card.card_design,
        (user_model._meta.app_label, user_model._meta.model_name): t["B"].volunteer,
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
