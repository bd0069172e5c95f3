"""allauth's e-mails (a new password, "no account with this address",
confirming an address) name and link the site on its one public address, as
every other e-mail of the site does: never the host the form was sent to."""

import pytest
from allauth.account.models import EmailAddress
from allauth.core import context
from django.test import RequestFactory
from django.urls import reverse

from tests import factories
from tests.neighbourhood._public_address import PUBLIC, elsewhere, links

pytestmark = pytest.mark.django_db


def test_password_reset_mails_link_to_the_public_address(
    public_site, client, wop, mailoutbox
):
    factories.make_volunteer(wop, email="fatima@example.org")

    for email in ("fatima@example.org", "onbekend@example.org"):
        client.post(reverse("account_reset_password"), {"email": email})

    reset, unknown = mailoutbox
    assert links(reset.body)[0].startswith(f"{PUBLIC}/account/password/reset/key/")
    assert f"{PUBLIC}{reverse('account_signup')}" in links(unknown.body)
    for mail in (reset, unknown):
        assert elsewhere(links(mail.body)) == []
        assert "testserver" not in mail.subject + mail.body
        assert "wijk.example.nl" in mail.body


def test_address_confirmation_links_to_the_public_address(public_site, wop, mailoutbox):
    user = factories.make_volunteer(wop, email="fatima@example.org")
    address = EmailAddress.objects.create(user=user, email="f@example.org")
    request = RequestFactory().get("/")
    request.user = user

    with context.request_context(request):
        address.send_confirmation(request)

    (mail,) = mailoutbox
    assert any(link.startswith(f"{PUBLIC}/account/") for link in links(mail.body))
    assert elsewhere(links(mail.body)) == []
    assert "testserver" not in mail.subject + mail.body
