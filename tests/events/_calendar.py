"""Helpers for the calendar tests: dates from today, the titles listed, audiences."""

import re
from datetime import date, timedelta

from django.utils import timezone

from neighbourhood.models import Audience
from tests.factories import make_event


def _in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def _titles(response) -> list[str]:
    """The activity titles listed, in order."""
    html = response.content.decode()
    return re.findall(r'class="occurrence__title"><a href="[^"]*">([^<]*)</a>', html)


def _audiences(*slugs) -> list[Audience]:
    return list(Audience.objects.filter(slug__in=slugs))


def _daily_event(calendar, *, title, days, **kwargs):
    return make_event(
        index=calendar,
        title=title,
        repeat="weekly",
        weekdays=list(range(7)),
        start_date=_in_days(1),
        repeat_until=_in_days(days),
        **kwargs,
    )
