"""The buddy sign-up as a kind of submission (``neighbourhood.submissions.
registry``), registered in ``NeighbourhoodConfig.ready()``: what it was for,
when it ended, and the matches that hold a person through their sign-up."""

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from neighbourhood.buddies.services import buddy_signup_status_change
from neighbourhood.models import BuddyMatch, BuddySignup, BuddySignupStatus
from neighbourhood.models.buddies import MATCHABLE_STATUSES
from neighbourhood.privacy.services import field_display
from neighbourhood.submissions import registry
from neighbourhood.submissions.services import log_entries_scrub


def buddy_signup_describe(signup: BuddySignup) -> str:
    if signup.project is None:
        return str(_("een maatjesproject"))
    return _("het maatjesproject ‘%(title)s’") % {"title": signup.project.title}


def buddy_signups_ended_before(queryset: QuerySet, moment: datetime) -> QuerySet:
    """Ended sign-ups (a match stopped) from their last change on; sign-ups
    never matched a set time after their last change. A matched one runs
    until its match stops."""
    never_matched = moment - registry.retention_periods().unmatched_signup
    return queryset.filter(
        Q(status=BuddySignupStatus.ENDED, updated_at__lt=moment)
        | Q(status__in=MATCHABLE_STATUSES, updated_at__lt=never_matched)
    )


def buddy_matches_find(signups: list[BuddySignup], wops) -> list[BuddyMatch]:
    """The matches of ``signups`` in ``wops``, oldest first."""
    ids = [signup.pk for signup in signups]
    return list(
        BuddyMatch.objects.filter(wop__in=wops)
        .filter(Q(seeker_id__in=ids) | Q(buddy_id__in=ids))
        .select_related("wop")
        .order_by("started_on", "pk")
    )


def buddy_match_export(match: BuddyMatch, submissions) -> dict:
    """A match as the person in it may receive it: their side, not the other
    person."""
    signup_ids = {row.pk for row in submissions if isinstance(row, BuddySignup)}
    fields = ("started_on", "follow_up_outcome", "follow_up_note", "ended_on")
    return {
        "soort": str(BuddyMatch._meta.verbose_name),
        "nummer": match.pk,
        "wijk": match.wop.title,
        # Which side they are on; the other person is not theirs to receive.
        "rol": str(
            BuddyMatch._meta.get_field(
                "seeker" if match.seeker_id in signup_ids else "buddy"
            ).verbose_name
        ),
        "gegevens": {
            str(BuddyMatch._meta.get_field(name).verbose_name): field_display(
                match, BuddyMatch._meta.get_field(name)
            )
            for name in fields
        },
    }


def buddy_match_end(match: BuddyMatch, *, by=None) -> None:
    """One of the two has left: the match has ended, for the other one too
    (as when a follow-up records it ended), and the notes may name them."""
    if match.ended_on is None:
        match.ended_on = timezone.localdate()
        for signup in BuddySignup.objects.filter(
            pk__in=[match.seeker_id, match.buddy_id],
            status=BuddySignupStatus.MATCHED,
            anonymised_at__isnull=True,
        ):
            buddy_signup_status_change(
                signup=signup, status=BuddySignupStatus.ENDED, by=by
            )
    match.follow_up_note = ""
    match.save(update_fields=["follow_up_note", "ended_on"])


def buddy_matches_scrub(signups) -> list[BuddyMatch]:
    """The volunteers' notes on the matches of ``signups`` may name either
    person: blanked, with their history."""
    matches = list(
        BuddyMatch.objects.filter(Q(seeker__in=signups) | Q(buddy__in=signups))
    )
    for match in matches:
        if match.follow_up_note:
            match.follow_up_note = ""
            match.save(update_fields=["follow_up_note"])
    log_entries_scrub(instances=matches)
    return matches


def register_kind() -> None:
    registry.register(
        BuddySignup,
        describe=buddy_signup_describe,
        ended_before=buddy_signups_ended_before,
        linked=registry.LinkedRecords(
            model=BuddyMatch,
            find=buddy_matches_find,
            export=buddy_match_export,
            end=buddy_match_end,
            scrub=buddy_matches_scrub,
        ),
    )
