"""The kinds of submission a resident can withdraw with their private link.

One withdraw link works for every kind: each submission model registers
here, and ``find_by_token`` looks a token up in all of them. An app with a
submission model of its own registers it in its ``AppConfig.ready()``::

    from neighbourhood import submissions
    submissions.register(EventRSVP, describe=..., withdraw=rsvp_cancel)

``withdraw`` is what withdrawing does for that kind (default: mark it
withdrawn and anonymise it); a kind whose withdrawal frees a place, such as
an RSVP, passes its own.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from neighbourhood.models import ActionRequest, BuddySignup, Submission
from neighbourhood.services import submission_withdraw


@dataclass(frozen=True)
class SubmissionKind:
    model: type[Submission]
    # What the resident signed up for, in a few words: "maatjesproject ‘X’".
    describe: Callable[[Submission], str]
    # Called as withdraw(submission=..., by=...).
    withdraw: Callable[..., Submission]


_kinds: dict[type[Submission], SubmissionKind] = {}


def register(
    model: type[Submission], *, describe=None, withdraw=None
) -> type[Submission]:
    """Make ``model``'s submissions withdrawable by their token."""
    _kinds[model] = SubmissionKind(
        model=model,
        describe=describe or (lambda s: str(model._meta.verbose_name)),
        withdraw=withdraw or submission_withdraw,
    )
    return model


def registered_models() -> list[type[Submission]]:
    return list(_kinds)


def find_by_token(token: str) -> Submission | None:
    """The submission whose private withdraw token this is, of any kind."""
    for model in _kinds:
        submission = model.objects.filter(token=token).first()
        if submission is not None:
            return submission
    return None


def describe(submission: Submission) -> str:
    """What ``submission`` was for, for the resident withdrawing it."""
    return _kinds[type(submission)].describe(submission)


def withdraw(submission: Submission, *, by=None) -> Submission:
    """Withdraw ``submission`` the way its kind needs."""
    return _kinds[type(submission)].withdraw(submission=submission, by=by)


def _describe_buddy_signup(signup: BuddySignup) -> str:
    if signup.project is None:
        return str(_("een maatjesproject"))
    return _("het maatjesproject ‘%(title)s’") % {"title": signup.project.title}


def _describe_action_request(request: ActionRequest) -> str:
    return _("uw aanvraag (%(kind)s)") % {"kind": request.get_kind_display().lower()}


register(BuddySignup, describe=_describe_buddy_signup)
register(ActionRequest, describe=_describe_action_request)
