"""Every kind of submission stores the privacy statement version with its
consent."""

import pytest

from events.models import EventRSVP
from neighbourhood.models import (
    ActionRequest,
    BuddySignup,
    PrivacySettings,
)
from tests import factories
from welcome_pack.models import WelcomePackClaim

# Consent ----------------------------------------------------------------------


@pytest.fixture
def privacy(home):
    page = factories.make_standard_page(slug="privacy")
    page.save_revision().publish()
    page.refresh_from_db()
    settings = PrivacySettings.for_site(home.get_site())
    settings.privacy_page = page
    settings.save()
    return settings


def test_every_kind_stores_the_privacy_statement_version_with_its_consent(
    client, privacy, wop, buddy_project, occurrence, present
):
    version = privacy.statement_version()
    assert "(revisie " in version
    card_page = factories.make_card_action(wop=wop)
    design = factories.make_card_design()
    pack = factories.make_welcome_pack(wop=wop)

    client.post(buddy_project.url, factories.buddy_signup_form_data())
    client.post(
        card_page.url,
        {
            "card_design": str(design.pk),
            "message": "Dank je wel!",
            "recipient_street": "Maasstraat",
            "recipient_house_number": "14",
            "recipient_postcode": "2906 ab",
            "delivery": "volunteer",
            "name": "Hans de Vries",
            "phone": "",
            "email": "",
            "consent": "on",
            "website": "",
        },
    )
    client.post(pack.url, factories.welcome_claim_form_data(present=present.pk))
    client.post(occurrence.event.url, factories.rsvp_form_data(occurrence=occurrence))

    for model in (BuddySignup, ActionRequest, WelcomePackClaim, EventRSVP):
        submission = model.objects.get()
        assert submission.consent_privacy_version == version, model.__name__
        assert submission.consent_text, model.__name__
        assert submission.consent_method == "online", model.__name__
