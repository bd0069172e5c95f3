"""Requesting a card on its public action page: delivery, printing, mistakes."""

import re

from django.utils import timezone

from neighbourhood.models import ActionKind, ActionRequest, ActionStatus
from tests import factories
from tests.neighbourhood.actions.form_data import card_answers
from tests.neighbourhood.actions.public._support import field_error, text


def thanks_url(page) -> str:
    return page.url + page.reverse_subpage("thanks")


def test_card_delivered_by_a_volunteer_is_queued_with_its_message_and_address(
    client, card_page, design, wop
):
    response = client.post(card_page.url, card_answers(design))

    assert response.status_code == 302
    assert response.url == thanks_url(card_page)
    card = ActionRequest.objects.get()
    assert card.kind == ActionKind.CARD
    assert card.wop == wop
    assert card.status == ActionStatus.NEW
    assert card.card_design == design
    assert card.message == "Dank je wel voor de soep toen ik ziek was!"
    assert card.recipient_postcode == "2906AB"
    assert card.name == "Hans de Vries"
    assert "kaart" in card.consent_text
    thanks = client.get(response.url)
    assert "bezorgt de kaart bij uw buur" in text(thanks)
    assert "Kaart afdrukken" not in text(thanks)


def test_card_form_shows_only_offered_designs_with_their_image(client, card_page):
    offered = factories.make_card_design(name="Beterschap")
    factories.make_card_design(name="Oude kerstkaart", is_offered=False)

    response = client.get(card_page.url)

    content = response.content.decode()
    # This visitor's own CSRF token is in it: no shared HTTP cache keeps it.
    assert "private" in response["Cache-Control"]
    assert f'value="{offered.pk}"' in content
    assert "Beterschap" in content
    assert "Oude kerstkaart" not in content
    assert 'class="card-design__image"' in content


def test_self_delivered_card_is_done_at_once_and_prints_with_its_message(
    client, card_page, design
):
    response = client.post(
        card_page.url,
        card_answers(
            design,
            delivery="self",
            recipient_street="",
            recipient_house_number="",
            recipient_postcode="",
            message="Welkom in de straat!\nGroetjes van nummer 12.",
        ),
        follow=True,
    )

    card = ActionRequest.objects.get()
    assert card.status == ActionStatus.DONE
    assert card.handled_on == timezone.localdate()
    print_url = card_page.url + card_page.reverse_subpage(
        "printable_card", args=[card.print_token]
    )
    assert "Kaart afdrukken" in text(response)
    assert f'href="{print_url}"' in response.content.decode()

    printed = client.get(print_url)

    assert printed.status_code == 200
    assert printed["Cache-Control"].startswith("max-age=0")
    content = printed.content.decode()
    assert "Welkom in de straat!<br>Groetjes van nummer 12." in content
    assert "Hans de Vries" in content
    assert 'class="card-print__image"' in content


def test_anonymous_card_is_signed_by_a_neighbour(client, card_page, design):
    client.post(
        card_page.url, card_answers(design, delivery="self", anonymous="on", name="")
    )

    card = ActionRequest.objects.get()
    printed = client.get(
        card_page.url
        + card_page.reverse_subpage("printable_card", args=[card.print_token])
    )

    assert card.anonymous
    assert "Een buur" in text(printed)


def test_html_in_a_message_is_shown_as_text_on_the_printed_card(
    client, card_page, design
):
    client.post(
        card_page.url,
        card_answers(
            design, delivery="self", message="<script>alert('hoi')</script> <b>x</b>"
        ),
    )
    card = ActionRequest.objects.get()

    printed = client.get(
        card_page.url
        + card_page.reverse_subpage("printable_card", args=[card.print_token])
    )

    content = printed.content.decode()
    assert "<script>alert" not in content
    assert "<b>x</b>" not in content
    assert "&lt;script&gt;alert(&#x27;hoi&#x27;)&lt;/script&gt;" in content


def test_printed_card_is_only_found_by_its_token_on_its_own_wop_page(
    client, card_page, design, other_wop
):
    client.post(card_page.url, card_answers(design, delivery="self"))
    card = ActionRequest.objects.get()
    other_page = factories.make_card_action(wop=other_wop)

    unknown = client.get(
        card_page.url + card_page.reverse_subpage("printable_card", args=["nope"])
    )
    elsewhere = client.get(
        other_page.url
        + other_page.reverse_subpage("printable_card", args=[card.print_token])
    )

    assert unknown.status_code == 404
    assert elsewhere.status_code == 404


def test_print_link_does_not_withdraw_the_card(client, card_page, design):
    client.post(card_page.url, card_answers(design, delivery="self"))
    card = ActionRequest.objects.get()

    shown = client.get(f"/intrekken/{card.print_token}/")
    posted = client.post(f"/intrekken/{card.print_token}/", {"website": ""})

    card.refresh_from_db()
    assert shown.status_code == 404
    assert posted.status_code == 404
    assert card.status == ActionStatus.DONE
    assert card.anonymised_at is None
    assert card.message == "Dank je wel voor de soep toen ik ziek was!"


def test_withdraw_link_does_not_open_the_printable_card(client, card_page, design):
    client.post(card_page.url, card_answers(design, delivery="self"))
    card = ActionRequest.objects.get()

    response = client.get(
        card_page.url + card_page.reverse_subpage("printable_card", args=[card.token])
    )

    assert card.print_token != card.token
    assert response.status_code == 404


def test_print_link_in_the_confirmation_email_opens_the_card(
    client, card_page, design, mailoutbox
):
    client.post(
        card_page.url,
        card_answers(design, delivery="self", email="hans@example.org"),
    )
    card = ActionRequest.objects.get()

    (confirmation,) = mailoutbox
    links = re.findall(r"http://\S+", confirmation.body)
    print_links = [link for link in links if "/kaart/" in link]
    printed = client.get(print_links[0])

    assert print_links == [
        card_page.get_full_url()
        + card_page.reverse_subpage("printable_card", args=[card.print_token])
    ]
    assert f"/intrekken/{card.token}/" in confirmation.body
    assert printed.status_code == 200
    assert "Dank je wel voor de soep toen ik ziek was!" in text(printed)


def test_card_without_a_message_is_refused(client, card_page, design):
    response = client.post(card_page.url, card_answers(design, message="   "))

    assert response.status_code == 200
    assert field_error(response.content.decode(), "message") == (
        "Fout: Schrijf een tekst voor op de kaart."
    )
    assert not ActionRequest.objects.exists()


def test_card_message_over_600_characters_is_refused(client, card_page, design):
    response = client.post(card_page.url, card_answers(design, message="a" * 601))

    error = field_error(response.content.decode(), "message")
    assert "maximaal 600 tekens" in error
    assert "601" in error
    assert not ActionRequest.objects.exists()


def test_line_breaks_count_as_one_character_like_in_the_browser(
    client, card_page, design
):
    message = "\r\n".join(["a" * 99] * 6)  # 599 characters in the browser

    response = client.post(card_page.url, card_answers(design, message=message))

    assert response.status_code == 302
    assert ActionRequest.objects.get().message == "\n".join(["a" * 99] * 6)


def test_design_no_longer_offered_is_refused_in_dutch(client, card_page, design):
    client.get(card_page.url)  # the resident sees the design, then it goes
    design.is_offered = False
    design.save()

    response = client.post(card_page.url, card_answers(design))

    assert "Deze kaart is er niet meer" in field_error(
        response.content.decode(), "card_design"
    )
    assert not ActionRequest.objects.exists()


def test_card_without_a_name_is_accepted_and_signed_by_a_neighbour(
    client, card_page, design
):
    client.post(card_page.url, card_answers(design, delivery="self", name=""))

    card = ActionRequest.objects.get()
    printed = client.get(
        card_page.url
        + card_page.reverse_subpage("printable_card", args=[card.print_token])
    )

    assert card.anonymous
    assert "Een buur" in text(printed)


def test_card_delivered_by_a_volunteer_needs_the_neighbours_address(
    client, card_page, design
):
    response = client.post(
        card_page.url, card_answers(design, recipient_house_number="")
    )

    assert "huisnummer van uw buur" in field_error(
        response.content.decode(), "recipient_house_number"
    )
    assert not ActionRequest.objects.exists()


def test_address_in_another_wop_names_that_wop_with_a_link(
    client, card_page, design, other_wop
):
    response = client.post(
        card_page.url, card_answers(design, recipient_postcode="2903 AB")
    )

    content = response.content.decode()
    error = field_error(content, "recipient_postcode")
    assert "Dit adres hoort bij wijk Oostgaarde" in error
    assert f'href="{other_wop.url}"' in content
    assert not ActionRequest.objects.exists()


def test_address_in_no_wop_says_so(client, card_page, design, other_wop):
    response = client.post(
        card_page.url, card_answers(design, recipient_postcode="1012 AB")
    )

    assert "Dit adres hoort bij geen van onze wijken." in field_error(
        response.content.decode(), "recipient_postcode"
    )
    assert not ActionRequest.objects.exists()
