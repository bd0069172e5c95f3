"""A card a volunteer delivers: the sender who left an e-mail address hears
that it arrived, as the card form promises."""

from neighbourhood.actions.services import action_request_transition
from neighbourhood.addresses import absolute_url
from neighbourhood.models import ActionStatus
from tests import factories


def _deliver(card, volunteer):
    action_request_transition(request=card, to=ActionStatus.APPROVED, by=volunteer)
    action_request_transition(request=card, to=ActionStatus.DONE, by=volunteer)


def test_marking_a_card_delivered_emails_the_sender_who_left_an_email_address(
    wop, volunteer, mailoutbox
):
    card = factories.make_action_request(
        wop=wop, name="Truus de Groot", email="truus@example.org"
    )

    _deliver(card, volunteer)

    [mail] = mailoutbox
    assert mail.to == ["truus@example.org"]
    assert mail.subject == "Uw kaartje is bezorgd"
    assert "Beste Truus de Groot," in mail.body
    assert "Uw kaartje is bezorgd." in mail.body
    # The private link, as a full address, to erase the details now.
    assert absolute_url(f"/intrekken/{card.token}/") in mail.body
    # Nothing about the neighbour who got the card.
    assert "Maasstraat" not in mail.body


def test_marking_a_card_delivered_sends_nothing_to_a_sender_without_email(
    wop, volunteer, mailoutbox
):
    card = factories.make_action_request(wop=wop, phone="06-87654321", email="")

    _deliver(card, volunteer)

    assert mailoutbox == []


def test_a_delivered_treat_sends_no_card_message(wop, volunteer, mailoutbox):
    treat = factories.make_action_request(
        wop=wop, kind="treat", treat="Appeltaart", email="truus@example.org"
    )

    _deliver(treat, volunteer)

    assert mailoutbox == []
