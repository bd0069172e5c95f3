"""Every e-mail a resident gets after a public form (and the one their WOP's
volunteers get about it) links to the site's one public address: the
withdraw and cancel links, the print link of a card, the admin link. Never
to the host the form happened to be sent from (``testserver`` here), nor to
the admin's base URL (``WAGTAILADMIN_BASE_URL``)."""

import pytest
from django.test.signals import template_rendered

from events.services import rsvp_cancel
from neighbourhood.actions.services import action_request_transition
from neighbourhood.models import ActionRequest
from tests import factories
from tests.neighbourhood._public_address import PUBLIC, elsewhere, links
from tests.neighbourhood.actions.form_data import card_answers

pytestmark = pytest.mark.django_db

EMAIL = "hans@example.org"
# The e-mails this module sends; test_absolute_links_email_staff.py checks
# that together with its own they are every e-mail template there is.
TEMPLATES = {
    "neighbourhood/email/buddy_signup_confirmation.txt",
    "neighbourhood/email/buddy_signup_staff.txt",
    "neighbourhood/email/buddy_signup_repeated.txt",
    "neighbourhood/email/action_request_confirmation.txt",
    "neighbourhood/email/action_request_staff.txt",
    "neighbourhood/email/action_request_declined.txt",
    "neighbourhood/email/card_delivered.txt",
    "events/email/rsvp_confirmation.txt",
    "events/email/rsvp_promoted.txt",
    "welcome_pack/email/claim_confirmation.txt",
    "welcome_pack/email/claim_staff.txt",
}


@pytest.fixture
def rendered():
    """The names of the templates rendered during the test."""
    names = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)


def _posted(client, url, data):
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return response


def _every_link(mailoutbox) -> list[str]:
    return [link for mail in mailoutbox for link in links(mail.body)]


def test_buddy_sign_up_mails_link_to_the_public_address(
    public_site, client, buddy_project, volunteer, mailoutbox, rendered
):
    data = factories.buddy_signup_form_data(email=EMAIL)
    _posted(client, buddy_project.url, data)
    _posted(client, buddy_project.url, data)  # again: "you signed up already"

    assert {
        "neighbourhood/email/buddy_signup_confirmation.txt",
        "neighbourhood/email/buddy_signup_staff.txt",
        "neighbourhood/email/buddy_signup_repeated.txt",
    } <= set(rendered)
    found = _every_link(mailoutbox)
    assert any(link.startswith(f"{PUBLIC}/intrekken/") for link in found)
    assert any(link.startswith(f"{PUBLIC}/beheer/") for link in found)
    assert elsewhere(found) == []


def test_card_request_mails_link_to_the_public_address(
    public_site, client, wop, volunteer, mailoutbox, rendered
):
    design = factories.make_card_design()
    card_page = factories.make_card_action(wop=wop)
    _posted(
        client,
        card_page.url,
        card_answers(
            design,
            delivery="self",
            recipient_street="",
            recipient_house_number="",
            recipient_postcode="",
            email=EMAIL,
        ),
    )
    _posted(client, card_page.url, card_answers(design, email="truus@example.org"))
    action_request_transition(
        request=ActionRequest.objects.get(email="truus@example.org"),
        to="declined",
        by=volunteer,
        reason="Dit adres ligt buiten de wijk.",
    )

    delivered = factories.make_action_request(wop=wop, email="ans@example.org")
    action_request_transition(request=delivered, to="approved", by=volunteer)
    action_request_transition(request=delivered, to="done", by=volunteer)

    assert {
        "neighbourhood/email/action_request_confirmation.txt",
        "neighbourhood/email/action_request_staff.txt",
        "neighbourhood/email/action_request_declined.txt",
        "neighbourhood/email/card_delivered.txt",
    } <= set(rendered)
    found = _every_link(mailoutbox)
    card = ActionRequest.objects.get(email=EMAIL)
    print_path = card_page.url + card_page.reverse_subpage(
        "printable_card", args=[card.print_token]
    )
    assert f"{PUBLIC}{print_path}" in found
    assert f"{PUBLIC}/intrekken/{card.token}/" in found
    assert elsewhere(found) == []


def test_rsvp_mails_link_to_the_public_address(
    public_site, client, wop, volunteer, mailoutbox, rendered
):
    calendar = factories.make_event_index(parent=wop)
    event = factories.make_event(index=calendar, signup_required=True, capacity=1)
    occurrence = event.occurrences.get()
    _posted(client, event.url, factories.rsvp_form_data(occurrence=occurrence))
    _posted(
        client,
        event.url,
        factories.rsvp_form_data(occurrence=occurrence, name="Ans", email=EMAIL),
    )
    first = occurrence.rsvps.get(name="Hans de Vries")

    rsvp_cancel(submission=first)  # Ans moves up from the waiting list

    assert {
        "events/email/rsvp_confirmation.txt",
        "events/email/rsvp_promoted.txt",
    } <= set(rendered)
    found = _every_link(mailoutbox)
    waiting = occurrence.rsvps.get(email=EMAIL)
    assert f"{PUBLIC}/intrekken/{waiting.token}/" in found
    assert elsewhere(found) == []


def test_welcome_pack_claim_mails_link_to_the_public_address(
    public_site, client, wop, volunteer, mailoutbox, rendered
):
    pack = factories.make_welcome_pack(wop=wop)
    _posted(client, pack.url, factories.welcome_claim_form_data(email=EMAIL))

    assert {
        "welcome_pack/email/claim_confirmation.txt",
        "welcome_pack/email/claim_staff.txt",
    } <= set(rendered)
    found = _every_link(mailoutbox)
    assert any(link.startswith(f"{PUBLIC}/intrekken/") for link in found)
    assert elsewhere(found) == []
