"""What the volunteer-admin tests share: its URLs, the invite form, the admin
messages and the links in the invitation e-mails."""

import html
import re
from urllib.parse import urlsplit

from django.urls import reverse

from neighbourhood.volunteers.viewsets import volunteer_viewset

INDEX = reverse(volunteer_viewset.get_url_name("index"))
INVITE = reverse(volunteer_viewset.get_url_name("invite"))
PASSWORD = "Buurtkoffie-op-woensdag-42"


def _remove_url(wop, user):
    return reverse(volunteer_viewset.get_url_name("remove"), args=[wop.pk, user.pk])


def _publish_url(wop, user):
    return reverse(volunteer_viewset.get_url_name("publish"), args=[wop.pk, user.pk])


def _messages(response) -> list[str]:
    """The admin messages, as the person reads them."""
    return [
        html.unescape(str(message)).strip()
        for message in response.wsgi_request._messages
    ]


def _invite(client, **data):
    data.setdefault("email", "truus@example.org")
    data.setdefault("name", "Truus Jansen")
    return client.post(INVITE, data)


def _link(mail) -> str:
    """The path and query of the set-password link in ``mail``."""
    url = re.search(r"https?://\S+/account/password/reset/key/\S+", mail.body)[0]
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def _accept_link(mail) -> str:
    """The path of the link to accept an invitation in ``mail``."""
    url = re.search(r"https?://\S+/vrijwilliger/uitnodiging/\S+/", mail.body)[0]
    return urlsplit(url).path
