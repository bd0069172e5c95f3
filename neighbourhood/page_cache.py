"""The page cache for anonymous visitors (wagtail-cache) and the rules around it.

wagtail-cache keeps whole responses in the ``pages`` cache (Redis in
production, local memory otherwise). What it may keep is decided here:

- only GET/HEAD from someone not logged in, outside the admin, accounts and
  private links (``is_request_cacheable``);
- never a response that sets a cookie, says ``private``/``no-cache``, or holds
  a form with errors (``is_response_cacheable``);
- pages with personal data (thanks pages, withdraw links, everything for a
  logged-in user) are marked ``never_cache`` by their views.

Pages with a form stay cacheable: for an anonymous GET the CSRF token is
rendered as a placeholder (``csrf_placeholder``), and ``CsrfTokenFillMiddleware``,
outside the cache, puts each visitor's own token and cookie into the response
on the way out. So every visitor posts with a token of their own, from a page
that came out of the cache.

Any change to what a public page shows (publish, unpublish, move, delete,
snippets and settings shown on pages) clears the page cache at once
(``page_cache_clear``); ``PAGE_CACHE_SECONDS`` bounds how old a page with live
counts (places left, tiles placed) can be.
"""

from functools import lru_cache, wraps

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.urls import NoReverseMatch, get_urlconf, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import SimpleLazyObject
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtailcache.cache import clear_cache
from wagtailcache.settings import wagtailcache_settings

from neighbourhood.conf import verbuurzamen_settings

# Rendered where the CSRF token and the CSP nonce go in a page that may be
# cached; filled in per visitor by PerVisitorFillMiddleware.
CSRF_PLACEHOLDER = "verbuurzamen-csrf-placeholder".ljust(64, "-")
NONCE_PLACEHOLDER = "verbuurzamen-nonce-placeholder"

# The plugin's and Wagtail's URLs that are never cached, whatever their
# headers say, by URL name and sample arguments: all their URLs start with
# what comes before the arguments (the admin, the private withdraw links,
# documents, which may sit in a private collection).
NEVER_CACHED_URLS = (
    ("wagtailadmin_home", ()),
    ("neighbourhood:withdraw", ("0",)),
    ("wagtaildocs_serve", (0, "0")),
)

# Cookies a cacheable request may carry: neither changes what the page says
# (the token is filled in per visitor, the language is part of the key).
# With any other cookie (a session: logged in, or just signed up; a pending
# message) the page is made for this visitor.
CACHE_NEUTRAL_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def _prefix(url_name: str, args: tuple, urlconf) -> str | None:
    """What every URL of ``url_name`` starts with: its URL for ``args``
    without them. None when the host does not route it."""
    try:
        url = reverse(url_name, args=args, urlconf=urlconf)
    except NoReverseMatch:
        return None
    if not args:
        return url
    return url[: url.rstrip("/").rindex("/".join(map(str, args)))]


@lru_cache
def _never_cached_prefixes(urlconf, host_paths: tuple) -> tuple[str, ...]:
    """Once per URLconf: where the host mounted them is only known from it."""
    derived = (_prefix(name, args, urlconf) for name, args in NEVER_CACHED_URLS)
    return tuple(prefix for prefix in derived if prefix) + host_paths


def never_cached_prefixes() -> tuple[str, ...]:
    """The paths whose responses the page cache never keeps: the admin, the
    withdraw links and documents wherever the host mounted them, and the
    host's own ``VERBUURZAMEN_NEVER_CACHED_PATHS``."""
    return _never_cached_prefixes(
        get_urlconf() or settings.ROOT_URLCONF,
        tuple(verbuurzamen_settings.VERBUURZAMEN_NEVER_CACHED_PATHS),
    )


def may_be_cached(request) -> bool:
    """Whether the response to ``request`` could come from, or go into, the
    page cache."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(never_cached_prefixes())
        and set(request.COOKIES) <= CACHE_NEUTRAL_COOKIES
    )


def is_request_cacheable(request, decision: bool) -> bool:
    return decision and may_be_cached(request)


def is_response_cacheable(response, decision: bool) -> bool:
    if response.cookies:
        return False
    context = getattr(response, "context_data", None) or {}
    if any(_has_errors(value) for value in context.values()):
        return False
    return decision


def _has_errors(value) -> bool:
    """A bound form that found mistakes (the calendar's filter, bound to the
    query string, is fine to keep)."""
    return bool(getattr(value, "is_bound", False) and getattr(value, "errors", None))


def per_visitor_placeholders(request):
    """Context processor: placeholders for the CSRF token (read by
    ``{% csrf_token %}``) and the CSP nonce (``{{ csp_nonce }}``) in a page
    that may be cached; the real nonce otherwise."""
    if may_be_cached(request):
        return {"csrf_token": CSRF_PLACEHOLDER, "csp_nonce": NONCE_PLACEHOLDER}
    return {"csp_nonce": SimpleLazyObject(lambda: _nonce(request))}


def _nonce(request) -> str:
    return str(getattr(request, "csp_nonce", ""))


_FILLS = (
    (CSRF_PLACEHOLDER.encode(), get_token),
    (NONCE_PLACEHOLDER.encode(), _nonce),
)


class PerVisitorFillMiddleware:
    """Puts the visitor's own CSRF token and CSP nonce where a cacheable page
    has the placeholders, and sets the CSRF cookie when they have none.

    Outside wagtail-cache's ``UpdateCacheMiddleware`` (and inside the CSP
    middleware, which then names the nonce in its header): the cache keeps the
    page with the placeholders, each visitor gets their own. A page from the
    page cache leaves with ``max-age=0``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        if response.get(wagtailcache_settings.WAGTAIL_CACHE_HEADER) in ("hit", "miss"):
            # Kept in the page cache, which publishing empties; not in
            # browsers or proxies, which nothing empties: a change shows at once.
            del response["Expires"]
            response["Cache-Control"] = "max-age=0"
        if response.streaming:
            return response
        filled = False
        for placeholder, value in _FILLS:
            if placeholder in response.content:
                response.content = response.content.replace(
                    placeholder, value(request).encode()
                )
                filled = True
        if not filled:
            return response
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        # The page now holds this visitor's token: for them only.
        patch_cache_control(response, private=True)
        return self.csrf.process_response(request, response)


class PageCacheKeyMiddleware:
    """Makes one cached copy of a page serve every anonymous visitor in the
    same language.

    Right after wagtail-cache's ``UpdateCacheMiddleware``. On the way in, the
    Accept-Language header (part of the cache key) is set to the language
    ``LocaleMiddleware`` will choose anyway, which may come from the
    chooser's cookie. On the way out, ``Vary: Cookie`` is dropped from a
    cacheable response: its content does not depend on the cookies it may
    have (``CACHE_NEUTRAL_COOKIES``), and with it every returning visitor
    would get a copy of their own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META["HTTP_ACCEPT_LANGUAGE"] = translation.get_language_from_request(
            request
        )
        response = self.get_response(request)
        if may_be_cached(request) and response.has_header("Vary"):
            vary = [
                header.strip()
                for header in response["Vary"].split(",")
                if header.strip().lower() != "cookie"
            ]
            if vary:
                response["Vary"] = ", ".join(vary)
            else:
                del response["Vary"]
        return response


def page_cache_clear(**_signal_kwargs) -> None:
    """Empty the page cache: something a public page shows has changed.
    Usable as a signal receiver.

    Now, and again once the transaction commits: a visitor served between the
    two saw the old state, and must not leave it in the cache.
    """
    clear_cache()
    transaction.on_commit(clear_cache)


def clear_on_change(*models) -> None:
    """Clear the page cache whenever one of ``models`` (shown on public
    pages: snippets, settings, images) is saved or deleted. Called from each
    app's ``ready()`` for its own models."""
    for model in models:
        uid = f"page_cache_clear_{model._meta.label_lower}"
        post_save.connect(page_cache_clear, sender=model, dispatch_uid=uid)
        post_delete.connect(page_cache_clear, sender=model, dispatch_uid=uid)


def connect() -> None:
    """Pages: publish, unpublish, move and delete clear the page cache, so a
    new activity is on its WOP page and the calendars at once."""
    page_published.connect(page_cache_clear, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_cache_clear, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_cache_clear, dispatch_uid="page_cache_moved")
    post_delete.connect(page_cache_clear, sender=Page, dispatch_uid="page_cache_gone")
    clear_on_change(get_image_model(), get_document_model())


def public_unless_personal(view):
    """For a view of a page with a form: the anonymous GET may be cached; a
    post, or anything for a logged-in user (prefilled with their details),
    never is."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not may_be_cached(request):
            add_never_cache_headers(response)
        return response

    return wrapped
