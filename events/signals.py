"""Occurrences follow the published activity.

Publishing happens in the editor, by the scheduler and from scripts;
Wagtail's ``page_published`` signal is the one place that sees every route,
and ``post_page_move`` the one that sees every move.
"""

from wagtail.signals import page_published, post_page_move

from events.models import EventPage
from events.services import event_occurrences_sync


def _event_published(sender, instance, **kwargs):
    event_occurrences_sync(event=instance)


def _event_moved(sender, instance, **kwargs):
    """An activity moved to another WOP's calendar takes its dates along."""
    event = EventPage.objects.filter(pk=instance.pk).live().first()
    if event is not None:
        event_occurrences_sync(event=event)


def connect():
    page_published.connect(
        _event_published, sender=EventPage, dispatch_uid="events_event_published"
    )
    post_page_move.connect(
        _event_moved, sender=EventPage, dispatch_uid="events_event_moved"
    )
