"""Reads for buddy projects: the projects a user works with, and the ranked
candidates for a seeker (with the reasons, in Dutch)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from neighbourhood.models import (
    BuddyProjectPage,
    BuddyRole,
    BuddySignup,
    Interest,
    Language,
)
from neighbourhood.models.buddies import MATCHABLE_STATUSES
from neighbourhood.scoping.permissions import queryset_for_user


def buddy_projects_for_user(*, user, open_only: bool = True):
    """The buddy projects ``user`` works with: those in the user's WOPs and the
    city-wide ones, in tree order.

    ``open_only``: only live projects open for sign-ups, the ones a volunteer
    may register a resident for.
    """
    projects = queryset_for_user(BuddyProjectPage.objects.all(), user)
    if open_only:
        projects = projects.live().filter(is_open=True)
    return projects.order_by("path")


# Points per kind of fit. Shared moments count up to a cap, so that someone
# who is free all week does not win on that alone.
SHARED_INTEREST_POINTS = 3
SHARED_MOMENT_POINTS = 1
SHARED_MOMENTS_CAP = 4
SHARED_LANGUAGE_POINTS = 2
SAME_STREET_POINTS = 3
SAME_WOP_POINTS = 1


@dataclass(frozen=True)
class Candidate:
    """A possible buddy for a seeker: how well they fit, and why (in Dutch)."""

    signup: BuddySignup
    score: int
    reasons: list[str] = field(default_factory=list)


def choice_labels(codes, choices) -> list[str]:
    """The labels of ``codes`` in ``choices``, in the order of ``codes``."""
    labels = dict(choices)
    return [str(labels[code]) for code in codes if code in labels]


def _and_list(items: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s en %(last)s") % {
        "first": ", ".join(items[:-1]),
        "last": items[-1],
    }


def _same_street(seeker: BuddySignup, buddy: BuddySignup) -> bool:
    street = seeker.street.strip().lower()
    return bool(street) and street == buddy.street.strip().lower()


def _fit(seeker: BuddySignup, buddy: BuddySignup) -> Candidate:
    score = 0
    reasons = []

    interests = [code for code in seeker.interests if code in buddy.interests]
    if interests:
        score += SHARED_INTEREST_POINTS * len(interests)
        names = [name.lower() for name in choice_labels(interests, Interest.choices)]
        reasons.append(
            ngettext(
                "%(count)d gedeelde interesse: %(names)s",
                "%(count)d gedeelde interesses: %(names)s",
                len(interests),
            )
            % {"count": len(interests), "names": ", ".join(names)}
        )

    moments = [code for code in seeker.availability if code in buddy.availability]
    if moments:
        score += SHARED_MOMENT_POINTS * min(len(moments), SHARED_MOMENTS_CAP)
        reasons.append(
            ngettext(
                "%(count)d moment samen beschikbaar",
                "%(count)d momenten samen beschikbaar",
                len(moments),
            )
            % {"count": len(moments)}
        )

    # "Another language" says nothing about which one, so it is no match.
    languages = [
        code
        for code in seeker.languages
        if code in buddy.languages and code != Language.OTHER
    ]
    if languages:
        score += SHARED_LANGUAGE_POINTS
        reasons.append(
            _("spreken allebei %(languages)s")
            % {"languages": _and_list(choice_labels(languages, Language.choices))}
        )

    if seeker.wop_id == buddy.wop_id and _same_street(seeker, buddy):
        score += SAME_STREET_POINTS
        reasons.append(_("wonen in dezelfde straat"))
    elif seeker.wop_id == buddy.wop_id:
        score += SAME_WOP_POINTS
        reasons.append(_("wonen in dezelfde wijk"))

    return Candidate(signup=buddy, score=score, reasons=reasons)


def buddy_candidates_rank(*, seeker: BuddySignup, user=None) -> list[Candidate]:
    """The buddies who could match ``seeker``, best fit first.

    Candidates are available buddies (role buddy, status new or contacted,
    not anonymised) in the seeker's project; only when that project has none,
    the available buddies of the seeker's WOP in any project. With ``user``,
    only buddies that user may see count. Equal scores: who signed up first.
    """
    available = (
        BuddySignup.objects.active()
        .filter(
            role=BuddyRole.BUDDY,
            status__in=MATCHABLE_STATUSES,
        )
        .exclude(pk=seeker.pk)
    )
    if user is not None:
        available = available.for_user(user)
    pool = list(available.filter(project_id=seeker.project_id))
    if not pool:
        pool = list(available.filter(wop_id=seeker.wop_id))
    candidates = [_fit(seeker, buddy) for buddy in pool]
    candidates.sort(key=lambda c: (-c.score, c.signup.created_at, c.signup.pk))
    return candidates
