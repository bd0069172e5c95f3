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
    wop_reviewers,
)
from neighbourhood.services.actions import (
    TileAlreadyRequested,
    TransitionNotAllowed,
    action_request_create,
    action_request_transition,
    earlier_tile_request,
    tiles_in_stock,
    treats_left_this_month,
)
from neighbourhood.services.buddies import (
    NotMatchable,
    buddy_signup_create,
    buddy_signup_duplicate,
    buddy_signup_matchable,
    buddy_signup_status_change,
    match_confirm,
    match_follow_up_record,
)
from neighbourhood.services.outbox import email_enqueue, outbox_send, outbox_send_due
from neighbourhood.services.submissions import (
    consent_record,
    submission_anonymise,
    submission_withdraw,
    submission_withdraw_url,
    wop_staff_emails,
)

__all__ = [
    "TileAlreadyRequested",
    "TransitionNotAllowed",
    "action_request_create",
    "action_request_transition",
    "earlier_tile_request",
    "tiles_in_stock",
    "treats_left_this_month",
    "NotMatchable",
    "buddy_signup_matchable",
    "COORDINATORS_GROUP",
    "VOLUNTEERS_GROUP_PREFIX",
    "buddy_signup_create",
    "buddy_signup_duplicate",
    "buddy_signup_status_change",
    "consent_record",
    "coordinators_sync",
    "email_enqueue",
    "match_confirm",
    "match_follow_up_record",
    "outbox_send",
    "outbox_send_due",
    "submission_anonymise",
    "submission_withdraw",
    "submission_withdraw_url",
    "wop_access_repair",
    "wop_access_sync",
    "shared_collection",
    "wop_collection_sync",
    "wop_group",
    "wop_reviewers",
    "wop_staff_emails",
]
