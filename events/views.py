"""Public views of an activity: its page with the sign-up form, and the page
after signing up.

The page with the form is cached for anonymous visitors like any public page
(each gets their own CSRF token, see ``neighbourhood.page_cache``); a post,
the page for a logged-in member and the page after signing up never are.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from events.forms import RSVPForm, occurrence_when
from events.models import EventOccurrence, RSVPStatus, occurrence_bounds
from events.recurrence import occurrence_dates
from events.selectors import occurrences_upcoming
from events.services import RSVPNotPossible, rsvp_create
from neighbourhood.page_cache import public_unless_personal
from neighbourhood.privacy.selectors import privacy_statement_url
from neighbourhood.submissions.guard import (
    first_sending,
    public_form_refusal,
    refusal_status,
)
from neighbourhood.submissions.services import consent_record

# The thanks page reads this from the session: only what is not personal.
RSVP_SESSION_KEY = "events:rsvp"

# How many dates the sign-up form offers, and the page lists under "when".
DATES_OFFERED = 8
DATES_LISTED = 4


@public_unless_personal
def event_detail(request, *, page):
    """An activity's page, with its sign-up form when it needs one (route ""
    of the page)."""
    dates = _dates_ahead(request, page)
    context = {"next_dates": _next_dates(page, dates)}
    if not page.signup_required:
        return page.render(request, context_overrides=context)
    return _rsvp(request, page, context, dates=[o for o in dates if not o.is_cancelled])


def _rsvp(request, page, context, *, dates):
    form_kwargs = {
        "event": page,
        "dates": dates[:DATES_OFFERED],
        "wop": page.wop,
        "contact": page.organiser,
        "privacy_url": privacy_statement_url(request),
    }
    if request.method != "POST":
        form = RSVPForm(initial=RSVPForm.initial_for(request.user), **form_kwargs)
        return page.render(request, context_overrides={**context, "form": form})

    form = RSVPForm(request.POST, **form_kwargs)
    refusal = public_form_refusal(request, form)
    if refusal:
        response = page.render(
            request,
            context_overrides={
                **context,
                "form": form.unchecked_copy(),
                "refusal": refusal,
            },
        )
        response.status_code = refusal_status(refusal)
        return response
    if not form.is_valid():
        return page.render(request, context_overrides={**context, "form": form})

    with first_sending(request) as first:
        if not first:  # a double click or a resend: stored once
            return redirect(page.get_url(request) + page.reverse_subpage("rsvp_thanks"))
        try:
            rsvp = rsvp_create(
                occurrence=form.cleaned_data["occurrence"],
                wop=form.wop,
                data=form.submission_data(),
                consent=consent_record(
                    text=form.consent_text(), site=Site.find_for_request(request)
                ),
                cancel_url_for=lambda rsvp: request.build_absolute_uri(
                    reverse("neighbourhood:withdraw", args=[rsvp.token])
                ),
            )
        except RSVPNotPossible as refused:
            form.add_error("occurrence", str(refused))
            return page.render(request, context_overrides={**context, "form": form})

        # No name, phone or e-mail address in the session: what the thanks page
        # says is the same for everyone who signed up for this date.
        request.session[RSVP_SESSION_KEY] = {
            "event": page.pk,
            "date": rsvp.occurrence.date.isoformat(),
            "status": rsvp.status,
            "people": rsvp.people,
            "email_sent": bool(rsvp.email),
        }
        return redirect(page.get_url(request) + page.reverse_subpage("rsvp_thanks"))


@never_cache
def rsvp_thanks(request, *, page):
    """After signing up: a place or the waiting list, and what happens next
    (route "aangemeld/" of the page)."""
    rsvp = request.session.get(RSVP_SESSION_KEY) or {}
    occurrence = None
    if rsvp.get("event") == page.pk:
        occurrence = page.occurrences.filter(date=rsvp.get("date")).first()
    return page.render(
        request,
        template="events/rsvp_thanks.html",
        context_overrides={
            "signed_up": occurrence is not None,
            "waiting": rsvp.get("status") == RSVPStatus.WAITING,
            "people": rsvp.get("people", 1),
            "email_sent": rsvp.get("email_sent", False),
            "when": occurrence_when(occurrence) if occurrence else "",
        },
    )


def _dates_ahead(request, page) -> list[EventOccurrence]:
    """The activity's dates from now on, cancelled ones included, soonest
    first; the open ones carry ``confirmed_people``.

    In the editor's preview the dates come from the (unpublished) schedule,
    without sign-ups, so the editor sees what residents will see.
    """
    if getattr(request, "is_preview", False):
        return _dates_from_schedule(page)
    if page.pk is None:
        return []
    now = timezone.now()
    open_dates = list(occurrences_upcoming().filter(event=page)[:DATES_OFFERED])
    cancelled = page.occurrences.filter(is_cancelled=True, ends_at__gte=now)
    if len(open_dates) == DATES_OFFERED:
        cancelled = cancelled.filter(starts_at__lte=open_dates[-1].starts_at)
    return sorted([*open_dates, *cancelled], key=lambda o: (o.starts_at, o.pk))


def _dates_from_schedule(page) -> list[EventOccurrence]:
    now = timezone.now()
    exceptions = page.exception_dates()
    dates = []
    for day in occurrence_dates(page, exclude_exceptions=False):
        starts_at, ends_at = occurrence_bounds(page, day)
        if ends_at < now:
            continue
        occurrence = EventOccurrence(
            event=page,
            date=day,
            starts_at=starts_at,
            ends_at=ends_at,
            is_cancelled=day in exceptions,
        )
        occurrence.confirmed_people = 0
        dates.append(occurrence)
        if len(dates) == DATES_OFFERED:
            break
    return dates


def _next_dates(page, dates) -> list[dict]:
    """The first few dates, a cancelled one with its reason."""
    reasons = {exception.date: exception.reason for exception in page.exceptions.all()}
    return [
        {
            "when": occurrence_when(occurrence),
            "cancelled": occurrence.is_cancelled,
            "reason": reasons.get(occurrence.date, "")
            if occurrence.is_cancelled
            else "",
        }
        for occurrence in dates[:DATES_LISTED]
    ]
