"""The RSVP admin's URL names, and a date some days from today."""

from datetime import timedelta

from django.utils import timezone

from events.admin.viewsets import event_rsvp_viewset

RSVP_INDEX = event_rsvp_viewset.get_url_name("index")
RSVP_ADD = event_rsvp_viewset.get_url_name("add")
RSVP_EDIT = event_rsvp_viewset.get_url_name("edit")
RSVP_DELETE = event_rsvp_viewset.get_url_name("delete")


def _in_days(days):
    return timezone.localdate() + timedelta(days=days)
