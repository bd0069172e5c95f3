"""The site's allauth adapter: the plugin's (admin users land on the
dashboard after logging in), and how it finds a client's address.

allauth counts failed logins per client address, and the public forms
(``neighbourhood.accounts.client_ip``) count by the same rule: the entry of
X-Forwarded-For that the last of ``NUM_PROXIES`` trusted proxies added
(``ALLAUTH_TRUSTED_PROXY_COUNT``). A request with fewer entries than that did
not pass every proxy: allauth then raises, which the visitor would see as a
server error. Here such a request is counted by the only address known for
certain, the one it came from, as without proxies.

Its e-mails (password reset, address confirmation, "no account with this
address") name and link the site on its one public address, the default
Wagtail Site's root URL (``neighbourhood.addresses``), like every other
e-mail of the site: not on the host the form happened to be sent to.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from allauth.account import app_settings as account_settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

from neighbourhood.accounts import AccountAdapter as PluginAccountAdapter
from neighbourhood.addresses import absolute_url, public_base_url

# The links allauth builds on the request's host, by their name in its
# e-mails' context.
LINKS = ("activate_url", "password_reset_url", "signup_url")


def public_site() -> SimpleNamespace:
    """The site as allauth's e-mails name it (``current_site``)."""
    domain = urlsplit(public_base_url()).netloc
    site = Site.objects.filter(is_default_site=True).first()
    return SimpleNamespace(domain=domain, name=(site and site.site_name) or domain)


def on_public_address(url: str) -> str:
    """``url`` with its path and query on the site's public address."""
    parts = urlsplit(url)
    return absolute_url(urlunsplit(("", "", parts.path, parts.query, "")))


class AccountAdapter(PluginAccountAdapter):
    def get_client_ip(self, request) -> str:
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            return request.META["REMOTE_ADDR"]

    def format_email_subject(self, subject: str) -> str:
        if account_settings.EMAIL_SUBJECT_PREFIX is not None:
            return super().format_email_subject(subject)
        return f"[{public_site().name}] {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        context = {**context, "current_site": public_site()}
        for name in LINKS:
            if context.get(name):
                context[name] = on_public_address(context[name])
        super().send_mail(template_prefix, email, context)
