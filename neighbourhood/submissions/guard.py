"""The one guard in front of every public form: a honeypot and a rate limit.

The rate limit counts posts per client address in the cache, so with Redis
as the cache it counts across every app server. While Redis is unreachable
nothing can be counted and the limit lets every post through (it "fails
open", see verbuurzamen.cache): a resident is never refused because the
cache is down.
"""

import hashlib
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


def rate_limit_exceeded(request, *, scope: str = "public-form") -> bool:
    """Count this post; True once the address has posted more than the limit
    within the window."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    # add() only sets a missing key, so the window starts at the first post.
    if cache.add(key, 1, timeout=RATE_WINDOW_SECONDS):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=RATE_WINDOW_SECONDS)
        return False
    return count > verbuurzamen_settings.PUBLIC_FORM_RATE_LIMIT


def public_form_refusal(request, form: HoneypotFormMixin) -> str | None:
    """Why this post must be refused without storing anything, or None.

    Call it before ``form.is_valid()`` has any effect on the database.
    """
    if rate_limit_exceeded(request):
        return RATE_LIMIT_MESSAGE
    if form.honeypot_filled():
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
