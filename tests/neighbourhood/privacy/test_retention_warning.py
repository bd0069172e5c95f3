"""The retention rule tells the volunteers once before an unhandled request
or claim is erased."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import formats, timezone

from neighbourhood.models import (
    ActionStatus,
)
from neighbourhood.privacy.retention import retention_enforce
from tests import factories
from tests.neighbourhood.privacy._retention import (
    fresh,
    run,
)
from tests.neighbourhood.privacy.personal_data import (
    personal_data_left,
)
from welcome_pack.models import ClaimStatus

# The volunteers are told before an unhandled request goes ---------------------


def warnings_sent(mailoutbox):
    # The mail itself: at 0 days the outbox keeps no sent mail.
    return [mail for mail in mailoutbox if mail.subject.startswith("Oude aanvragen")]


@pytest.fixture
def unhandled(wop, volunteer):
    """A card request and a claim (with a present) nobody handled, which end
    ten days from now."""
    present = factories.make_present(wop=wop, stock=4)
    request = factories.make_action_request(wop=wop, name="Zeynep Yilmaz")
    claim = factories.make_claim(wop=wop, name="Patricia Jansen", present=present)
    almost = timezone.now() - relativedelta(months=6) + timedelta(days=10)
    for record in (request, claim):
        type(record).objects.filter(pk=record.pk).update(updated_at=almost)
    return {"request": request, "claim": claim, "present": present}


def test_volunteers_are_told_once_before_unhandled_ones_are_erased(
    unhandled, volunteer, settings, mailoutbox
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 0
    now = timezone.now()
    on = timezone.localdate() + timedelta(days=14)

    run()
    run()
    retention_enforce(now=now + timedelta(days=13))

    (warning,) = warnings_sent(mailoutbox)
    assert warning.to == [volunteer.email]
    assert warning.subject == (
        f"Oude aanvragen worden gewist op {formats.date_format(on, 'j F Y')}"
    )
    assert "1 aanvraag buurtactie" in warning.body
    assert "1 aanvraag welkomstpakket" in warning.body
    assert "Schollevaar" in warning.body
    for secret in ("Zeynep", "Patricia", "06-"):
        assert secret not in warning.body
    # Not yet: the volunteers have until the date they were given.
    assert personal_data_left(unhandled["request"])
    assert personal_data_left(unhandled["claim"])

    retention_enforce(now=now + timedelta(days=14, minutes=1))

    assert personal_data_left(unhandled["request"]) == {}
    assert personal_data_left(unhandled["claim"]) == {}
    # Withdrawn: off the volunteers' lists, the present back in stock.
    assert fresh(unhandled["request"]).status == ActionStatus.WITHDRAWN
    assert fresh(unhandled["claim"]).status == ClaimStatus.WITHDRAWN
    unhandled["present"].refresh_from_db()
    assert unhandled["present"].stock == 5
    assert len(warnings_sent(mailoutbox)) == 1


def test_a_request_handled_after_the_warning_is_kept(unhandled, volunteer, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 0
    run()
    request = fresh(unhandled["request"])
    request.status = ActionStatus.APPROVED
    request.save()

    retention_enforce(now=timezone.now() + timedelta(days=15))

    assert fresh(request).name == "Zeynep Yilmaz"
