"""Build the scale data set, step by step, timed (``manage.py seed_scale``)."""

import random
import time as clock
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Site

from events.models import EventIndexPage
from home.demo import content
from home.demo.scale.activities import events_create, occurrences_create
from home.demo.scale.submissions import submissions_create
from home.demo.scale.wops import (
    SLUG_PREFIX,
    volunteers_create,
    wop_pages_create,
    wops_create,
)
from neighbourhood.models import NeighbourhoodIndexPage, NeighbourhoodPage


@dataclass(frozen=True)
class ScaleOptions:
    wops: int = 50
    streets: int = 1000
    events: int = 20000
    submissions: int = 100000
    seed: int = 1
    force: bool = False


@dataclass
class ScaleSummary:
    """What was made, and how long each step took (seconds)."""

    counts: dict[str, int] = field(default_factory=dict)
    timings: list[tuple[str, float]] = field(default_factory=list)
    volunteers: list[tuple[str, str]] = field(default_factory=list)  # (WOP, e-mail)
    urls: dict[str, str] = field(default_factory=dict)
    run: int = 1

    @property
    def total_seconds(self) -> float:
        return sum(seconds for _label, seconds in self.timings)


@contextmanager
def _step(summary: ScaleSummary, label: str):
    """Time what runs inside, as one line of the summary."""
    started = clock.perf_counter()
    yield
    summary.timings.append((label, clock.perf_counter() - started))


@transaction.atomic
def scale_build(options: ScaleOptions) -> ScaleSummary:
    """Create the scale data set; refuses a second one unless ``force``."""
    if options.wops < 1:
        raise CommandError("Ask for at least one WOP.")
    existing_runs = NeighbourhoodPage.objects.filter(
        slug__startswith=SLUG_PREFIX
    ).values_list("slug", flat=True)
    runs = {slug[len(SLUG_PREFIX) :].split("-", 1)[0] for slug in existing_runs}
    if runs and not options.force:
        raise CommandError(
            "This database already has a scale data set; run with --force to "
            "add another one beside it."
        )
    run = max((int(r) for r in runs if r.isdigit()), default=0) + 1
    rng = random.Random(options.seed)
    summary = ScaleSummary(run=run)
    now = timezone.now()
    today = timezone.localdate()

    with _step(summary, "WOPs, groups and collections"):
        home = Site.objects.get(is_default_site=True).root_page
        index = NeighbourhoodIndexPage.objects.first() or home.add_child(
            instance=NeighbourhoodIndexPage(title="Wijken", slug="wijken")
        )
        city_calendar = EventIndexPage.objects.child_of(home).first()
        if city_calendar is None:
            city_calendar = home.add_child(
                instance=EventIndexPage(
                    title=content.CITY_CALENDAR_TITLE,
                    slug=content.CITY_CALENDAR_SLUG,
                    intro=content.CITY_CALENDAR_INTRO,
                )
            )
        wops = wops_create(index=index, count=options.wops, run=run, now=now)
    with _step(summary, "volunteers"):
        volunteers_create(wops=wops, run=run)
        summary.volunteers = [(w.page.title, w.volunteer.email) for w in wops]
    with _step(summary, "streets, calendars and action pages"):
        wop_pages_create(wops=wops, streets=options.streets, rng=rng, now=now)
    with _step(summary, "activities"):
        events = events_create(
            wops=wops,
            city_calendar=city_calendar,
            count=options.events,
            rng=rng,
            today=today,
            now=now,
        )
    with _step(summary, "activity dates"):
        occurrences = occurrences_create(events=events)
    with _step(summary, "submissions"):
        made = submissions_create(
            wops=wops,
            events=events,
            occurrences=occurrences,
            count=options.submissions,
            rng=rng,
            now=now,
        )
    with _step(summary, "statistics for the query planner"):
        # Bulk inserts leave the planner without statistics until autovacuum
        # comes round; a site that grew over years has them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    summary.counts = {
        "WOPs": len(wops),
        "street pages": options.streets,
        "activities": len(events),
        "activity dates": len(occurrences),
        **made,
    }
    first = wops[0]
    summary.urls = {
        "WOP": first.page.url,
        "calendar": first.calendar.url,
        "city calendar": city_calendar.url,
    }
    return summary
