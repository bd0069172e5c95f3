"""What every seeded submission shares: its consent, given on the day it
came in, and who registered it."""

from home.models import User
from neighbourhood.models import ConsentMethod
from neighbourhood.submissions.services import consent_record


def consent_as_given(*, text: str, data, came_in) -> dict:
    """The consent as given when the submission came in, ``days_ago``."""
    return consent_record(text=text, method=data.consent_method) | {
        "consent_at": came_in
    }


def registered_by_for(*, data, volunteer: User | None) -> User | None:
    """Consent given verbally or on paper: registered by the WOP's volunteer."""
    return volunteer if data.consent_method != ConsentMethod.ONLINE else None
