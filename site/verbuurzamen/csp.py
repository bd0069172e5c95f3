"""Which Content-Security-Policy a response gets.

Public pages get ``CONTENT_SECURITY_POLICY``: this site's own scripts and
styles, inline ones only with the request's nonce. Wagtail's admin has inline
scripts and styles of its own, which a nonce cannot reach, so everything
under the admin's URL gets ``CONTENT_SECURITY_POLICY_ADMIN`` instead. The
error page for a server error brings its own styles inline (it must work
when static files do not), so such a response may have inline styles.
"""

from functools import cache

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by path and status."""

    def get_policy_parts(
        self, request, response, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            # A view that set its own policy keeps it.
            return parts
        if request.path_info.startswith(admin_prefix()):
            parts.config = default_config(
                settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            )
        elif response.status_code >= 500:
            # Without the nonce: next to one, 'unsafe-inline' is ignored.
            parts.replace = {
                **(parts.replace or {}),
                "style-src": [SELF, UNSAFE_INLINE],
            }
        return parts
