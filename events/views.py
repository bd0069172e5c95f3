"""Public views of an activity: its page with the sign-up form, and the page
after signing up.

The page with the form is cached for anonymous visitors like any public page
(each gets their own CSRF token, see ``neighbourhood.page_cache``); a post,
the page for a logged-in member and the page after signing up never are.
"""

from django.utils import timezone
from django.views.decorators.cache import never_cache

from events.forms import RSVPForm, occurrence_when
from events.models import EventOccurrence, RSVPStatus, occurrence_bounds
from events.recurrence import occurrence_dates
from events.selectors import occurrences_upcoming
from events.services import RSVPNotPossible, rsvp_create
from neighbourhood.page_cache import public_unless_personal
from neighbourhood.submissions.flow import PublicFormFlow

# How many dates the sign-up form offers, and the page lists under "when".
DATES_OFFERED = 8
DATES_LISTED = 4


class RSVPFlow(PublicFormFlow):
    """Signing up for one of an activity's dates on its page."""

    form_class = RSVPForm
    # The thanks page reads this from the session: only what is not personal.
    session_key = "events:rsvp"
    thanks_route = "rsvp_thanks"
    thanks_template = "events/rsvp_thanks.html"
    refusals = (RSVPNotPossible,)

    def __init__(self, request, page, *, context=None, dates=()):
        super().__init__(request, page)
        self.page_context = context or {}
        self.dates = dates

    def get_form_kwargs(self) -> dict:
        return {
            **super().get_form_kwargs(),
            "event": self.page,
            "dates": self.dates[:DATES_OFFERED],
            "wop": self.page.wop,
            "contact": self.page.organiser,
        }

    def get_context(self) -> dict:
        return self.page_context

    def store(self, form, consent):
        return rsvp_create(
            occurrence=form.cleaned_data["occurrence"],
            wop=form.wop,
            data=form.submission_data(),
            consent=consent,
            withdraw_url_for=self.withdraw_url_for,
        )

    def refused(self, form, refused):
        form.add_error("occurrence", str(refused))
        return self.render(form)

    def session_data(self, form, stored) -> dict:
        # No name, phone or e-mail address: what the thanks page says is the
        # same for everyone who signed up for this date.
        return {
            "date": stored.occurrence.date.isoformat(),
            "status": stored.status,
            "people": stored.people,
            "email_sent": bool(stored.email),
        }

    def thanks_context(self, kept):
        rsvp = kept or {}
        occurrence = None
        if kept is not None:
            occurrence = self.page.occurrences.filter(date=rsvp.get("date")).first()
        return {
            "signed_up": occurrence is not None,
            "waiting": rsvp.get("status") == RSVPStatus.WAITING,
            "people": rsvp.get("people", 1),
            "email_sent": rsvp.get("email_sent", False),
            "when": occurrence_when(occurrence) if occurrence else "",
        }


@public_unless_personal
def event_detail(request, *, page):
    """An activity's page, with its sign-up form when it needs one (route ""
    of the page)."""
    dates = _dates_ahead(request, page)
    context = {"next_dates": _next_dates(page, dates)}
    if not page.signup_required:
        return page.render(request, context_overrides=context)
    open_dates = [o for o in dates if not o.is_cancelled]
    return RSVPFlow(request, page, context=context, dates=open_dates).form_page()


@never_cache
def rsvp_thanks(request, *, page):
    """After signing up: a place or the waiting list, and what happens next
    (route "aangemeld/" of the page)."""
    return RSVPFlow(request, page).thanks_page()


def _dates_ahead(request, page) -> list[EventOccurrence]:
    """The activity's dates from now on, cancelled ones included, soonest
    first; the open ones carry ``confirmed_people`` and ``waiting_people``.

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
        occurrence.confirmed_people = occurrence.waiting_people = 0
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
