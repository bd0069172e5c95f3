"""One permission policy per WOP-owned model.

Every admin view of a model (its viewset's views, the queue's handle and
print views, the attendance views) must answer "may this volunteer do this?"
alike, so they all ask the same policy instance.
"""

from django.urls import URLPattern, URLResolver, get_resolver

from neighbourhood.models import BuddyMatch, BuddySignup, WopOwned
from neighbourhood.scoping.permissions import policy_for


def _views(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view = pattern.callback
            if hasattr(view, "view_class"):
                yield pattern, view


def _policies_of(view):
    """The policy a view is built with and the one its class declares."""
    for policy in (
        view.view_initkwargs.get("permission_policy"),
        getattr(view.view_class, "permission_policy", None),
    ):
        if isinstance(getattr(policy, "model", None), type):
            yield policy


def test_every_admin_view_of_a_wop_owned_model_uses_its_models_one_policy():
    checked = set()
    for pattern, view in _views(get_resolver().url_patterns):
        for policy in _policies_of(view):
            if issubclass(policy.model, WopOwned):
                assert policy is policy_for(policy.model), pattern.name
                checked.add(policy.model._meta.label)

    assert {
        "neighbourhood.BuddySignup",
        "neighbourhood.BuddyMatch",
        "neighbourhood.ActionRequest",
        "events.EventRSVP",
        "welcome_pack.WelcomePackClaim",
    } <= checked


def test_policy_for_gives_one_instance_per_model():
    assert policy_for(BuddySignup) is policy_for(BuddySignup)
    assert policy_for(BuddySignup) is not policy_for(BuddyMatch)
    assert policy_for(BuddySignup).model is BuddySignup
