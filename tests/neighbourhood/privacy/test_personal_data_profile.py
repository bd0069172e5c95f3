"""A member's phone number and home WOP are in the plugin's profile, not on
the host's user model: the search finds the account by that number and the
export still lists both."""

import json

from neighbourhood.models import profile_for
from neighbourhood.privacy.records import person_records_find
from tests.neighbourhood.privacy._support import EXPORT_URL, HANS_EMAIL, HANS_PHONE


def _give_profile(account, *, wop):
    profile = profile_for(account)
    profile.phone = HANS_PHONE
    profile.home_wop = wop
    profile.save()


def test_export_lists_the_phone_and_home_wop_of_the_profile(
    client, hans, coordinator, wop
):
    _give_profile(hans["account"], wop=wop)
    client.force_login(coordinator)

    response = client.post(EXPORT_URL, {"term": HANS_EMAIL})

    [account] = json.loads(response.content)["accounts"]
    assert account["e-mailadres"] == HANS_EMAIL
    assert account["voornaam"] == "Hans"
    assert account["telefoonnummer"] == HANS_PHONE
    assert account["eigen wijk"] == "Schollevaar"


def test_account_without_a_profile_exports_empty_phone_and_home_wop(
    client, hans, coordinator
):
    client.force_login(coordinator)

    response = client.post(EXPORT_URL, {"term": HANS_EMAIL})

    [account] = json.loads(response.content)["accounts"]
    assert account["telefoonnummer"] == ""
    assert account["eigen wijk"] is None


def test_search_by_phone_finds_the_account_through_its_profile(hans, coordinator, wop):
    _give_profile(hans["account"], wop=wop)

    records = person_records_find(phone="06 1234 5678", user=coordinator)

    assert records.accounts == [hans["account"]]
