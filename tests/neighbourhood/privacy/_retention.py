"""What the retention tests share: dating a record back, an RSVP for an event
that ended, a record as stored now, and running the command."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from events.models import EventOccurrence
from tests import factories


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def last_changed(record, days):
    """Set the record's last change ``days`` ago (``updated_at`` is automatic)."""
    type(record).objects.filter(pk=record.pk).update(updated_at=days_ago(days))
    return record


def rsvp_for_an_event_that_ended(wop, *, days, title):
    calendar = factories.make_event_index(parent=wop, title=f"Agenda {title}")
    event = factories.make_event(index=calendar, title=title, signup_required=True)
    occurrence = event.occurrences.get()
    EventOccurrence.objects.filter(pk=occurrence.pk).update(
        starts_at=days_ago(days) - timedelta(hours=2), ends_at=days_ago(days)
    )
    return factories.make_rsvp(occurrence=occurrence, name=f"Bezoeker {title}")


def fresh(record):
    return type(record).objects.get(pk=record.pk)


def run(*args) -> str:
    out = StringIO()
    call_command("enforce_retention", *args, stdout=out)
    return out.getvalue()
