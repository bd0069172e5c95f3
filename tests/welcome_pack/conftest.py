"""Fixtures for the tests of claiming a welcome pack: a WOP's pack with its
contact details, and a present in stock. (test_print and test_claim_assisted
override them with their own.)"""

import pytest

from tests import factories


@pytest.fixture
def pack(wop):
    wop.contact_name = "Buurtteam Schollevaar"
    wop.contact_phone = "010-111 22 33"
    wop.contact_email = "welkom@schollevaar.example.org"
    wop.save()
    return factories.make_welcome_pack(wop=wop)


@pytest.fixture
def present(wop):
    return factories.make_present(wop=wop, name="Bloembollen", stock=5, image=True)
