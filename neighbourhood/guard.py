"""The one guard in front of every public form: a honeypot and a rate limit.

The rate limit counts posts per client address in the cache, so with Redis
as the cache it counts across every app server.
"""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
RATE_WINDOW_SECONDS = 60

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


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the address the trusted proxies
    (settings.NUM_PROXIES of them) saw."""
    if settings.NUM_PROXIES:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= settings.NUM_PROXIES:
            return forwarded[-settings.NUM_PROXIES]
    return request.META.get("REMOTE_ADDR", "")


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
    return count > settings.PUBLIC_FORM_RATE_LIMIT


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
