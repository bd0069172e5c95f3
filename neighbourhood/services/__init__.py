"""Writes that span models, send mail or are called from more than one place."""

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
    buddy_signup_repeated,
    buddy_signup_status_change,
    match_confirm,
    match_follow_up_record,
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
    "buddy_signup_create",
    "buddy_signup_duplicate",
    "buddy_signup_repeated",
    "buddy_signup_status_change",
    "match_confirm",
    "match_follow_up_record",
]
