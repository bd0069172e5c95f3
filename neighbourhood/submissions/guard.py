"""The one guard in front of every public form: a honeypot and a rate limit.

The rate limit counts sendings per client address in the cache (a form
stored, not a post with mistakes the resident then corrects), so with Redis
as the cache it counts across every app server. Addresses the settings name
as trusted (a community centre's shared computer) get a higher limit.
While Redis is unreachable nothing can be counted and the limit lets every
post through (it "fails open", see verbuurzamen.cache): a resident is never
refused because the cache is down.
"""

import hashlib
import ipaddress
import time
from contextlib import contextmanager

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from neighbourhood.accounts import client_ip
from neighbourhood.conf import verbuurzamen_settings

HONEYPOT_FIELD = "website"
RATE_WINDOW_SECONDS = 60
# How long a sent form is remembered, to recognise it when it comes again.
SENT_FORM_SECONDS = 60 * 60

HONEYPOT_MESSAGE = _(
    "Uw formulier is niet verstuurd, omdat het veld ‘Laat dit veld leeg’ is "
    "ingevuld. Maak dat veld leeg en verstuur het formulier opnieuw."
)
RATE_LIMIT_MESSAGE = _(
    "U heeft in korte tijd veel formulieren verstuurd. Wacht een minuut en "
    "probeer het dan opnieuw. Er is niets opgeslagen."
)


class HoneypotFormMixin(forms.Form):
    """Adds a field people never see (hidden by CSS) and bots tend to fill."""

    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def honeypot_filled(self) -> bool:
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())


def _rate_key(request, scope: str) -> str:
    return f"ratelimit:{scope}:{client_ip(request)}"


def is_trusted_address(address: str) -> bool:
    """Whether ``address`` is in ``PUBLIC_FORM_TRUSTED_ADDRESSES`` (addresses
    or networks: a community centre where volunteers help residents in turn
    on one computer)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in verbuurzamen_settings.PUBLIC_FORM_TRUSTED_ADDRESSES:
        try:
            network = ipaddress.ip_network(str(entry).strip(), strict=False)
        except ValueError:
            continue  # reported by the system check verbuurzamen.E012
        if ip.version == network.version and ip in network:
            return True
    return False


def rate_limit_for(request) -> int:
    """How many sendings this address may make within the window."""
    if is_trusted_address(client_ip(request)):
        return verbuurzamen_settings.PUBLIC_FORM_TRUSTED_RATE_LIMIT
    return verbuurzamen_settings.PUBLIC_FORM_RATE_LIMIT


def rate_limit_reached(request, *, scope: str = "public-form") -> bool:
    """True once the address has made as many sendings as its limit within
    the window. Only reads: a post is counted once it is a sending
    (``sending_count``), so mistakes a resident corrects never count."""
    return (cache.get(_rate_key(request, scope)) or 0) >= rate_limit_for(request)


def sending_count(request, *, scope: str = "public-form") -> None:
    """Count one sending of this address: what a resident would call one
    (a form stored, a withdrawal done), not a post with mistakes."""
    key = _rate_key(request, scope)
    # add() only sets a missing key, so the window starts at the first sending.
    if cache.add(key, 1, timeout=RATE_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=RATE_WINDOW_SECONDS)


def public_form_refusal(request, form: HoneypotFormMixin) -> str | None:
    """Why this post must be refused without storing anything, or None.

    Call it before ``form.is_valid()`` has any effect on the database. A
    filled-in honeypot counts as a sending: only robots send those.
    """
    if rate_limit_reached(request):
        return RATE_LIMIT_MESSAGE
    if form.honeypot_filled():
        sending_count(request)
        return HONEYPOT_MESSAGE
    return None


def refusal_status(message) -> int:
    """The HTTP status for a refused post: 429 for the rate limit, else 400."""
    return 429 if message == RATE_LIMIT_MESSAGE else 400


def _sent_form_key(request) -> str | None:
    """The same form, as the page rendered it (its own masked CSRF token), with
    the same answers: a double click or a resend. None without a token."""
    token = request.POST.get("csrfmiddlewaretoken", "")
    if not token:
        return None
    answers = sorted(
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    )
    sent = repr((request.path, token, answers)).encode()
    return f"sent-form:{hashlib.sha256(sent).hexdigest()}"


@contextmanager
def first_sending(request):
    """Yields False when this very post was sent before (a double click, or a
    resend after pressing reload), so the view shows the thanks page instead
    of storing it twice; the answer waits a moment for the first sending.

    Not a check in the services: a neighbour may well ask for the same thing
    twice in two forms. When the block fails the mark is removed, so sending
    again works. Counted in the shared cache: across every app server.
    """
    key = _sent_form_key(request)
    try:
        first = key is None or cache.add(key, "sending", timeout=SENT_FORM_SECONDS)
    except Exception:  # the cache is down: store it rather than lose it
        key, first = None, True
    if not first:
        deadline = time.monotonic() + 5
        while cache.get(key) == "sending" and time.monotonic() < deadline:
            time.sleep(0.05)
        yield False
        return
    try:
        yield True
    except BaseException:
        if key is not None:
            cache.delete(key)
        raise
    if key is not None:
        cache.set(key, "sent", timeout=SENT_FORM_SECONDS)
