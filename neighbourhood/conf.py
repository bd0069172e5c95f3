"""The plugin's settings, each with its default, read here and nowhere else.

A host sets any of them in its own settings module under the same name;
what it leaves out takes the default below. Read them through
``verbuurzamen_settings.NAME`` (at the moment of use, so ``override_settings``
in tests and a changed environment both count)::

    from neighbourhood.conf import verbuurzamen_settings

    limit = verbuurzamen_settings.PUBLIC_FORM_RATE_LIMIT

README's "Add it to your own Wagtail site" says what each one does.
"""

from django.conf import settings

DEFAULTS = {
    # The template the plugin's public pages extend. It must define the
    # blocks ``title``, ``content`` and ``extra_head`` (see
    # neighbourhood/templates/neighbourhood/layouts/base.html, the minimal
    # one used when the host names none). It reaches the templates through
    # the context processor neighbourhood.context_processors.verbuurzamen.
    "VERBUURZAMEN_BASE_TEMPLATE": "neighbourhood/layouts/base.html",
    # The page types ("app_label.ModelName") a neighbourhood page, or a
    # buddy project or activity index outside a neighbourhood, may be created
    # under. None: under any page.
    "VERBUURZAMEN_INDEX_PARENT_PAGE_TYPES": None,
    # Path prefixes of the host's own whose responses the page cache never
    # keeps (its account pages, say). The admin, documents and the plugin's
    # own private links are never cached wherever they are mounted.
    "VERBUURZAMEN_NEVER_CACHED_PATHS": (),
    # The programme's name and logo on the printed welcome pack and the
    # posters. The logo is a static file path ("myhost/logo.svg") or a full
    # address; the plugin ships a plain one.
    "VERBUURZAMEN_PROGRAMME_NAME": "Verbuurzamen",
    "VERBUURZAMEN_PROGRAMME_LOGO": "neighbourhood/programme-logo.svg",
    # Sendings (forms stored; posts with mistakes do not count) one address
    # may make through the public forms in a minute.
    "PUBLIC_FORM_RATE_LIMIT": 5,
    # Addresses or networks ("192.0.2.10", "198.51.100.0/24") of places where
    # volunteers help several residents in a row on one computer (a
    # community centre): they may make PUBLIC_FORM_TRUSTED_RATE_LIMIT.
    "PUBLIC_FORM_TRUSTED_ADDRESSES": (),
    "PUBLIC_FORM_TRUSTED_RATE_LIMIT": 30,
    # How many proxies in front of the site add to X-Forwarded-For (0: the
    # client is REMOTE_ADDR): the public forms' limit counts by the entry the
    # last of them added. With allauth installed its
    # ALLAUTH_TRUSTED_PROXY_COUNT is what counts; set both alike.
    "NUM_PROXIES": 0,
    # How long personal data is kept after a sign-up, request or RSVP ended.
    "PERSONAL_DATA_RETENTION_DAYS": 365,
    # A buddy sign-up that found no match ends after this many months.
    "PERSONAL_DATA_UNMATCHED_SIGNUP_MONTHS": 12,
    # A request or claim nobody handled ends after this many months.
    "PERSONAL_DATA_UNHANDLED_REQUEST_MONTHS": 6,
    # Volunteers are told this many days before an unhandled one is erased.
    "PERSONAL_DATA_RETENTION_NOTICE_DAYS": 14,
}


class VerbuurzamenSettings:
    """The host's value of a plugin setting, or its default."""

    def __getattr__(self, name: str):
        if name not in DEFAULTS:
            raise AttributeError(f"Verbuurzamen has no setting {name!r}")
        return getattr(settings, name, DEFAULTS[name])


verbuurzamen_settings = VerbuurzamenSettings()
