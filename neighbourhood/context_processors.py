"""The context every page of the plugin needs, from one context processor a
host adds to its ``TEMPLATES``: ``neighbourhood.context_processors.verbuurzamen``."""

from neighbourhood.conf import verbuurzamen_settings
from neighbourhood.page_cache import per_visitor_placeholders


def verbuurzamen(request) -> dict:
    """The base template the plugin's pages extend (``{% extends %}`` takes a
    variable, not a setting), and the per-visitor placeholders a cacheable
    page renders for its CSRF token and CSP nonce."""
    return {
        "verbuurzamen_base_template": verbuurzamen_settings.VERBUURZAMEN_BASE_TEMPLATE,
        **per_visitor_placeholders(request),
    }
