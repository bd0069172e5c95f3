"""House numbers on the welcome-pack claim: written one way, so one address
gets one pack however it is typed, and a number that is none is explained."""

import pytest

from neighbourhood.figures.registry import figures_report
from tests.factories import make_claim
from tests.factories import welcome_claim_form_data as answers
from tests.welcome_pack._support import field_error
from welcome_pack.admin.claims import address_line
from welcome_pack.models import WelcomePackClaim


def test_number_with_a_leading_zero_and_small_letter_is_the_same_address(
    client, pack, present
):
    client.post(pack.url, answers(present=present.pk, house_number="12b"))

    response = client.post(
        pack.url,
        answers(
            present=present.pk,
            name="Yonas Tesfay",
            house_number="012",
            house_number_addition="b",
        ),
    )

    assert response.status_code == 200
    assert "Voor dit adres is al een welkomstpakket aangevraagd." in (
        response.content.decode()
    )
    claim = WelcomePackClaim.objects.get()
    assert (claim.house_number, claim.house_number_addition) == ("12", "B")


def test_a_house_number_is_stored_without_leading_zeros(client, pack, present):
    client.post(
        pack.url,
        answers(present=present.pk, house_number=" 0007 ", house_number_addition="-1"),
    )

    claim = WelcomePackClaim.objects.get()
    assert (claim.house_number, claim.house_number_addition) == ("7", "1")


@pytest.mark.parametrize(
    ("house_number", "message"),
    [
        ("abc", "Dit is geen huisnummer. Een huisnummer begint met een getal"),
        ("99999999", "Een huisnummer is een getal van 1 tot en met 99999."),
        ("0", "Een huisnummer is een getal van 1 tot en met 99999."),
    ],
)
def test_a_house_number_that_is_none_is_refused_with_a_message(
    client, pack, present, house_number, message
):
    response = client.post(
        pack.url, answers(present=present.pk, house_number=house_number)
    )

    assert message in field_error(response.content.decode(), "house_number")
    assert not WelcomePackClaim.objects.exists()


def test_an_addition_that_is_none_is_refused_with_a_message(client, pack, present):
    response = client.post(
        pack.url, answers(present=present.pk, house_number_addition="<b>!!")
    )

    assert "Een toevoeging is kort: een paar letters of cijfers" in field_error(
        response.content.decode(), "house_number_addition"
    )
    assert not WelcomePackClaim.objects.exists()


def test_two_different_additions_for_one_number_are_explained(client, pack, present):
    response = client.post(
        pack.url,
        answers(present=present.pk, house_number="12 a", house_number_addition="b"),
    )

    assert "Vul de toevoeging op één plek in." in field_error(
        response.content.decode(), "house_number_addition"
    )
    assert not WelcomePackClaim.objects.exists()


def test_an_address_typed_twice_counts_once_in_the_figures(client, pack, present):
    client.post(pack.url, answers(present=present.pk, house_number="12b"))
    client.post(
        pack.url,
        answers(present=present.pk, house_number="012", house_number_addition="b"),
    )
    claimed = WelcomePackClaim.objects.get().created_at.date().replace(day=1)

    report = figures_report(
        wops=[pack.get_parent().specific], start_month=claimed, end_month=claimed
    )

    (section,) = report.sections
    rows = {row.measure.key: row for group in section.groups for row in group.rows}
    assert rows["welcome_packs_claimed"].values == [1]


@pytest.mark.parametrize(
    ("number", "addition", "line"),
    [
        ("12", "B", "Maasstraat 12B"),
        ("12", "2", "Maasstraat 12-2"),
        ("7", "", "Maasstraat 7"),
    ],
)
def test_the_volunteers_list_writes_an_address_as_it_is_written_on_the_door(
    wop, number, addition, line
):
    claim = make_claim(
        wop=wop,
        street="Maasstraat",
        house_number=number,
        house_number_addition=addition,
    )

    assert address_line(claim) == line
    assert claim.address.startswith(line + ",")
