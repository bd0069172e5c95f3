"""Every e-mail the site sends its volunteers and coordinators (invitations,
new roles, page review, the retention notice) links to the site's one public
address, as the residents' e-mails do (test_absolute_links_email.py):
together the two modules send every kind of e-mail there is."""

from datetime import timedelta
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from neighbourhood.volunteers.invitations import _send_invite_email, volunteer_invite
from neighbourhood.volunteers.services import volunteer_coordinator_email_send
from tests import factories
from tests.neighbourhood import test_absolute_links_email as residents
from tests.neighbourhood._public_address import PUBLIC, elsewhere, links
from tests.neighbourhood.privacy._retention import run
from tests.neighbourhood.review.test_workflow import _act, _submit

pytestmark = pytest.mark.django_db

rendered = residents.rendered  # the fixture: templates rendered in the test
TEMPLATES = {
    "neighbourhood/email/volunteer_invite.txt",
    "neighbourhood/email/volunteer_invitation_accept.txt",
    "neighbourhood/email/volunteer_access_added.txt",
    "neighbourhood/email/coordinator_invite.txt",
    "neighbourhood/email/coordinator_appointed.txt",
    "neighbourhood/email/review_request.txt",
    "neighbourhood/email/review_approved.txt",
    "neighbourhood/email/review_changes_requested.txt",
    "neighbourhood/email/retention_warning.txt",
}


def _every_link(mailoutbox) -> list[str]:
    return [link for mail in mailoutbox for link in links(mail.body)]


def test_the_two_modules_send_every_kind_of_email_there_is():
    base = Path(__file__).resolve().parents[2]
    on_disk = {
        str(path.relative_to(path.parents[2]))
        for app in ("neighbourhood", "events", "welcome_pack", "home")
        for path in (base / app / "templates").glob("*/email/*.txt")
        if not path.name.startswith("_")  # parts included by the others
    }

    assert on_disk == TEMPLATES | residents.TEMPLATES


def test_invitations_and_new_roles_link_to_the_public_address(
    public_site, wop, coordinator, mailoutbox, rendered
):
    volunteer_invite(
        email="nick@example.org", name="Nick de Wit", wops=[wop], by=coordinator
    )
    existing = factories.make_user(email="ans@example.org", password="geheim-123-abc")
    volunteer_invite(email=existing.email, name="Ans", wops=[wop], by=coordinator)
    _send_invite_email(user=existing, wops=[wop], by=coordinator, may_publish=False)
    new = factories.make_user(email="kees@example.org")
    new.set_unusable_password()
    new.save()
    for user in (existing, new):
        volunteer_coordinator_email_send(user=user, wops=[wop], by=coordinator)

    assert {
        "neighbourhood/email/volunteer_invite.txt",
        "neighbourhood/email/volunteer_invitation_accept.txt",
        "neighbourhood/email/volunteer_access_added.txt",
        "neighbourhood/email/coordinator_invite.txt",
        "neighbourhood/email/coordinator_appointed.txt",
    } <= set(rendered)
    found = _every_link(mailoutbox)
    assert f"{PUBLIC}/beheer/" in found
    assert any(
        link.startswith(f"{PUBLIC}/") and "uitnodiging" in link for link in found
    )
    assert elsewhere(found) == []


def test_page_review_mails_link_to_the_public_address(
    public_site, client, wop, volunteer, mailoutbox, rendered
):
    coordinator = factories.make_wop_coordinator(wop, email="coordinator@example.org")
    as_volunteer, as_coordinator = type(client)(), type(client)()
    as_volunteer.force_login(volunteer)
    as_coordinator.force_login(coordinator)
    approved = factories.make_street(wop=wop, title="Rivierenbuurt")
    asked_again = factories.make_street(wop=wop, title="Vogelbuurt", slug="vogelbuurt")

    _act(as_coordinator, _submit(as_volunteer, approved, intro="Nieuw."), "approve")
    _act(as_coordinator, _submit(as_volunteer, asked_again, intro="Kort."), "reject")

    assert {
        "neighbourhood/email/review_request.txt",
        "neighbourhood/email/review_approved.txt",
        "neighbourhood/email/review_changes_requested.txt",
    } <= set(rendered)
    found = _every_link(mailoutbox)
    assert f"{PUBLIC}/beheer/pages/{approved.pk}/edit/" in found
    assert f"{PUBLIC}{approved.url}" in found  # "now on the website"
    assert elsewhere(found) == []


def test_the_retention_notice_links_nowhere_else(
    public_site, wop, volunteer, settings, mailoutbox, rendered
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 0
    request = factories.make_action_request(wop=wop)
    almost = timezone.now() - relativedelta(months=6) + timedelta(days=10)
    type(request).objects.filter(pk=request.pk).update(updated_at=almost)

    run()

    assert "neighbourhood/email/retention_warning.txt" in rendered
    assert elsewhere(_every_link(mailoutbox)) == []
