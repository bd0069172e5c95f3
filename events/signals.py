"""Occurrences follow the published activity.

Publishing happens in the editor, by the scheduler and from scripts;
Wagtail's ``page_published`` signal is the one place that sees every route.
"""

from wagtail.signals import page_published


def _event_published(sender, instance, **kwargs):
    from events.services import event_occurrences_sync

    event_occurrences_sync(event=instance)


def connect():
    from events.models import EventPage

    page_published.connect(
        _event_published, sender=EventPage, dispatch_uid="events_event_published"
    )
