"""The site's allauth adapter: the plugin's (admin users land on the
dashboard after logging in), and how it finds a client's address.

allauth counts failed logins per client address, and the public forms
(``neighbourhood.accounts.client_ip``) count by the same rule: the entry of
X-Forwarded-For that the last of ``NUM_PROXIES`` trusted proxies added
(``ALLAUTH_TRUSTED_PROXY_COUNT``). A request with fewer entries than that did
not pass every proxy: allauth then raises, which the visitor would see as a
server error. Here such a request is counted by the only address known for
certain, the one it came from, as without proxies.
"""

from django.core.exceptions import ImproperlyConfigured

from neighbourhood.accounts import AccountAdapter as PluginAccountAdapter


class AccountAdapter(PluginAccountAdapter):
    def get_client_ip(self, request) -> str:
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            return request.META["REMOTE_ADDR"]
