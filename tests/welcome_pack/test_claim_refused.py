"""Welcome-pack claims that are refused: a second one for an address, mistakes
explained at their field, and the guard (honeypot, rate limit)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from tests import factories
from tests.factories import welcome_claim_form_data as answers
from tests.welcome_pack._support import field_error
from welcome_pack.models import WelcomePackClaim

# One pack per address -------------------------------------------------------


def test_second_claim_for_the_same_address_written_differently_is_refused(
    client, pack, present
):
    client.post(
        pack.url,
        answers(present=present.pk, postcode="2906ab", house_number="12 a"),
    )
    first = WelcomePackClaim.objects.get()

    response = client.post(
        pack.url,
        answers(
            present=present.pk,
            name="Yonas Tesfay",
            postcode="2906 AB",
            house_number="12",
            house_number_addition="A",
        ),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert WelcomePackClaim.objects.count() == 1
    present.refresh_from_db()
    assert present.stock == 4
    on = date_format(timezone.localtime(first.created_at).date(), "j F Y")
    # The rule, not who or when: no name, no date.
    assert "Voor dit adres is al een welkomstpakket aangevraagd." in content
    assert on not in content
    assert "Patricia" not in content
    assert "Yonas" not in content
    assert "Neem dan contact op met wijk Schollevaar." in content
    assert "Buurtteam Schollevaar" in content
    assert "010-111 22 33" in content
    assert "welkom@schollevaar.example.org" in content


# Mistakes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moved_in_on", "message"),
    [
        (timezone.localdate() + timedelta(days=1), "in de toekomst"),
        (timezone.localdate() - timedelta(days=400), "in het afgelopen jaar"),
    ],
)
def test_moved_in_date_must_lie_within_the_last_year(
    client, pack, present, moved_in_on, message
):
    response = client.post(
        pack.url, answers(present=present.pk, moved_in_on=moved_in_on.isoformat())
    )

    assert message in field_error(response.content.decode(), "moved_in_on")
    assert not WelcomePackClaim.objects.exists()


def test_moved_in_date_typed_the_dutch_way_is_understood(client, pack, present):
    day = timezone.localdate() - timedelta(days=10)

    client.post(
        pack.url, answers(present=present.pk, moved_in_on=day.strftime("%d-%m-%Y"))
    )

    assert WelcomePackClaim.objects.get().moved_in_on == day


def test_each_mistake_is_explained_in_dutch_at_its_field(client, pack, present):
    response = client.post(
        pack.url,
        answers(
            name="",
            street="",
            house_number="",
            household_size="16",
            moved_in_on="gisteren",
            phone="",
            email="",
            present=None,
            consent=None,
        ),
    )

    content = response.content.decode()
    assert "<title>Fout:" in content
    assert field_error(content, "name") == "Fout: Vul uw naam in."
    assert "Vul uw straat in." in field_error(content, "street")
    assert "Vul uw huisnummer in." in field_error(content, "house_number")
    assert "van 1 tot en met 15" in field_error(content, "household_size")
    assert "geen geldige datum" in field_error(content, "moved_in_on")
    assert "telefoonnummer of een e-mailadres" in field_error(content, "phone")
    assert "Kies een cadeautje." in field_error(content, "present")
    assert "Zonder uw toestemming" in field_error(content, "consent")
    assert not WelcomePackClaim.objects.exists()


def test_address_in_another_wop_links_to_that_wops_welcome_pack(
    client, pack, present, other_wop
):
    other_pack = factories.make_welcome_pack(wop=other_wop)

    response = client.post(pack.url, answers(present=present.pk, postcode="2903 AB"))

    content = response.content.decode()
    assert "Dit adres hoort bij wijk Oostgaarde" in field_error(content, "postcode")
    assert f'href="{other_pack.url}"' in content
    assert not WelcomePackClaim.objects.exists()


def test_address_in_another_wop_without_a_pack_links_to_that_wop(
    client, pack, present, other_wop
):
    response = client.post(pack.url, answers(present=present.pk, postcode="2903 AB"))

    content = response.content.decode()
    assert "Dit adres hoort bij wijk Oostgaarde" in field_error(content, "postcode")
    assert f'href="{other_wop.url}"' in content


def test_address_outside_every_wop_says_so(client, pack, present):
    response = client.post(pack.url, answers(present=present.pk, postcode="3011 AB"))

    assert "geen van onze wijken" in field_error(response.content.decode(), "postcode")
    assert not WelcomePackClaim.objects.exists()


# The guard ------------------------------------------------------------------


def test_filled_in_honeypot_stores_nothing_and_keeps_what_was_typed(
    client, pack, present, mailoutbox
):
    response = client.post(
        pack.url, answers(present=present.pk, website="http://spam.example")
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Uw aanvraag is niet verstuurd" in content
    assert 'value="Patricia Jansen"' in content
    assert "spam.example" not in content
    assert not WelcomePackClaim.objects.exists()
    assert mailoutbox == []
    present.refresh_from_db()
    assert present.stock == 5


def test_too_many_sendings_from_one_address_are_refused(
    client, settings, pack, present
):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for number in ("10", "11"):
        client.post(pack.url, answers(present=present.pk, house_number=number))

    response = client.post(pack.url, answers(present=present.pk, house_number="12"))

    assert response.status_code == 429
    assert "Wacht een minuut" in response.content.decode()
    assert WelcomePackClaim.objects.count() == 2
