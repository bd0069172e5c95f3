"""The moving date on the claim form: the hint says what the browser's date
picker takes, and the server reads both what a picker sends and what is
typed in a plain text box."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from tests.factories import welcome_claim_form_data as answers
from welcome_pack.models import WelcomePackClaim


def test_the_hint_describes_the_date_picker_not_an_order_to_type_in_it(client, pack):
    content = client.get(pack.url).content.decode()

    field = re.search(r'<input[^>]*name="moved_in_on"[^>]*>', content).group(0)
    assert 'type="date"' in field
    hint_id = re.search(r'aria-describedby="([^"]*)"', field).group(1).split()[0]
    hint = re.search(rf'id="{hint_id}"[^>]*>(.*?)</', content, re.S).group(1)
    assert " ".join(strip_tags(unescape(hint)).split()) == (
        "Kies de datum in de kalender. Ziet u geen kalender, maar een gewoon "
        "tekstvak? Typ de datum dan als dag-maand-jaar, bijvoorbeeld 15-03-2025."
    )


@pytest.mark.parametrize("notation", ["%Y-%m-%d", "%d-%m-%Y"])
def test_the_date_is_understood_as_the_picker_sends_it_and_as_typed_by_hand(
    client, pack, present, notation
):
    # A day whose day and month differ and both are at most 12: 1 and 11
    # must not swap places.
    today = timezone.localdate()
    day = today.replace(day=1) - timedelta(days=40)
    day = day.replace(day=1) if day.month != 1 else day.replace(day=11)

    client.post(
        pack.url, answers(present=present.pk, moved_in_on=day.strftime(notation))
    )

    assert WelcomePackClaim.objects.get().moved_in_on == day


def test_a_date_that_is_none_is_explained_with_both_ways(client, pack, present):
    response = client.post(pack.url, answers(present=present.pk, moved_in_on="morgen"))

    content = unescape(response.content.decode())
    assert (
        "Dit is geen geldige datum. Kies de datum in de kalender, of typ hem als "
        "dag-maand-jaar, bijvoorbeeld 15-03-2025." in content
    )
    assert not WelcomePackClaim.objects.exists()
