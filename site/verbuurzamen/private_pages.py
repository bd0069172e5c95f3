"""Wagtail's password form for private pages, with a limit on tries.

Wagtail's own view (``wagtail.views.authenticate_with_password``) lets anyone
guess a page's password as often as they like. Here every try counts, per
client address (``neighbourhood.submissions.guard.client_ip``, the rule allauth's login
limit counts by) and per restriction, in allauth's rate limit
(``ACCOUNT_RATE_LIMITS["page_password"]``: 5 per 15 minutes); the right
password wipes the count for that client, so only wrong ones add up. The
counts live in the cache (Redis in production); while it is unreachable they
count nothing and every try goes through (see ``verbuurzamen.cache``).
"""

from http import HTTPStatus

from allauth.core import ratelimit
from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from neighbourhood.submissions.guard import client_ip

RATE_LIMIT_ACTION = "page_password"
TOO_MANY_TRIES_MESSAGE = _("Te veel pogingen. Probeer het over een kwartier opnieuw.")


class TooManyTriesForm(PasswordViewRestrictionForm):
    """The password form again, refusing whatever password was given."""

    def clean_password(self):
        return self.cleaned_data["password"]

    def clean(self):
        raise forms.ValidationError(TOO_MANY_TRIES_MESSAGE)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view, after counting this try; 429 with the form and a
    message once the client has used up its tries for this restriction."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        )
    key = f"{page_view_restriction_id}:{client_ip(request)}"
    if not ratelimit.consume(request, action=RATE_LIMIT_ACTION, key=key):
        return _too_many_tries(request, page_view_restriction_id, page_id)
    response = wagtail_views.authenticate_with_password(
        request, page_view_restriction_id, page_id
    )
    if response.status_code == HTTPStatus.FOUND:  # the right password
        ratelimit.clear(request, action=RATE_LIMIT_ACTION, key=key)
    return response


def _too_many_tries(request, page_view_restriction_id, page_id):
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = TooManyTriesForm(request.POST, instance=restriction)
    form.is_valid()
    action_url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
    )
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = HTTPStatus.TOO_MANY_REQUESTS
    return response
