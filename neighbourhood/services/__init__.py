"""Writes that span models, send mail or are called from more than one place."""

from neighbourhood.services.access import (
    COORDINATORS_GROUP,
    VOLUNTEERS_GROUP_PREFIX,
    coordinators_sync,
    shared_collection,
    wop_access_repair,
    wop_access_sync,
    wop_collection_sync,
    wop_group,
    wop_private_collection_sync,
    wop_reviewers,
)
from neighbourhood.services.submissions import (
    consent_record,
    submission_anonymise,
    submission_withdraw,
    submission_withdraw_url,
    wop_staff_emails,
)

__all__ = [
    "COORDINATORS_GROUP",
    "VOLUNTEERS_GROUP_PREFIX",
    "consent_record",
    "coordinators_sync",
    "submission_anonymise",
    "submission_withdraw",
    "submission_withdraw_url",
    "wop_access_repair",
    "wop_access_sync",
    "shared_collection",
    "wop_collection_sync",
    "wop_group",
    "wop_private_collection_sync",
    "wop_reviewers",
    "wop_staff_emails",
]
