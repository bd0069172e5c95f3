"""Reads for buddy projects: the projects a user works with, and the ranked
candidates for a seeker (with what fits and what does not, in Dutch)."""

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


# The audiences that are an age band ("Jongeren (12–24 jaar)", "Ouderen"). A
# sign-up has no age: a seeker is taken to be in the age band of their own
# project, and a project without one is for every age.
AGE_BAND_AUDIENCES = ("young-people", "older-people")


@dataclass(frozen=True)
class Candidate:
    """A possible buddy for a seeker: how well they fit, why (``reasons``) and
    what does not fit (``mismatches``), in Dutch."""

    signup: BuddySignup
    score: int
    reasons: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)


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
    mismatches = []

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
    elif seeker.interests and buddy.interests:
        mismatches.append(_("geen gedeelde interesses"))

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
    elif seeker.availability and buddy.availability:
        mismatches.append(_("geen moment samen beschikbaar"))

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
    elif seeker.languages and buddy.languages:
        mismatches.append(
            _("geen gemeenschappelijke taal (%(seeker)s; %(buddy)s)")
            % {
                "seeker": _language_names(seeker),
                "buddy": _language_names(buddy),
            }
        )

    if seeker.wop_id == buddy.wop_id and _same_street(seeker, buddy):
        score += SAME_STREET_POINTS
        reasons.append(_("wonen in dezelfde straat"))
    elif seeker.wop_id == buddy.wop_id:
        score += SAME_WOP_POINTS
        reasons.append(_("wonen in dezelfde wijk"))
    else:
        mismatches.append(_("wonen in een andere wijk"))

    return Candidate(signup=buddy, score=score, reasons=reasons, mismatches=mismatches)


def _language_names(signup: BuddySignup) -> str:
    """``signup``'s languages in words, "another language" by its name if
    given."""
    labels = dict(Language.choices)
    other = signup.languages_other.strip()
    return _and_list(
        [
            other if code == Language.OTHER and other else str(labels.get(code, code))
            for code in signup.languages
        ]
    )


def _age_bands(project_ids) -> dict[int, set[str]]:
    """The age bands (``AGE_BAND_AUDIENCES``) of the projects ``project_ids``,
    by project id; a project without one is missing."""
    bands: dict[int, set[str]] = {}
    rows = BuddyProjectPage.objects.filter(
        pk__in=[pk for pk in project_ids if pk is not None],
        audiences__slug__in=AGE_BAND_AUDIENCES,
    ).values_list("pk", "audiences__slug")
    for pk, slug in rows:
        bands.setdefault(pk, set()).add(slug)
    return bands


def _within_age_band(pool: list[BuddySignup], seeker: BuddySignup) -> list:
    """``pool`` without the buddies of a project whose age band leaves the
    seeker out: one with an age band the seeker's own project does not
    share."""
    bands = _age_bands({seeker.project_id, *(buddy.project_id for buddy in pool)})
    seeker_band = bands.get(seeker.project_id, set())
    return [
        buddy
        for buddy in pool
        if buddy.project_id not in bands or bands[buddy.project_id] & seeker_band
    ]


def buddy_candidates_rank(*, seeker: BuddySignup, user=None) -> list[Candidate]:
    """The buddies who could match ``seeker``, best fit first.

    Candidates are available buddies (role buddy, status new or contacted,
    not anonymised) in the seeker's project; only when that project has none,
    the available buddies of the seeker's WOP in any project whose age band
    (if it has one) is that of the seeker's project. With ``user``, only
    buddies that user may see count. Equal scores: who signed up first.
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
        pool = _within_age_band(list(available.filter(wop_id=seeker.wop_id)), seeker)
    candidates = [_fit(seeker, buddy) for buddy in pool]
    candidates.sort(key=lambda c: (-c.score, c.signup.created_at, c.signup.pk))
    return candidates
