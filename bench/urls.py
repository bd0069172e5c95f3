"""The benchmark's view of the data: which pages to load, who logs in, and
how many queries each page makes (``bench/run`` calls this).

Run with the settings and environment the benchmarked server has, so the
database, the caches and the SECRET_KEY (sessions) are the same:

    python bench/urls.py has-scale-set           exit 0 when seed_scale ran
    python bench/urls.py discover OUT.json       pages and admin session cookies
    python bench/urls.py queries URLS.json OUT.json   queries per request

Query counts are taken in this process with Django's test client and
``CaptureQueriesContext``, not on the server: the same code and settings,
counted the only way Django allows. The count is of the second request, as
the load after the warm-up sees it (with the page cache on: a hit).
"""

import json
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
BENCH_COORDINATOR = "bench-coordinator@example.org"

# (key, label) in table order; "bare" must come first: it is the ceiling.
PAGES = (
    ("bare", "bare view /health/live/"),
    ("home", "home page"),
    ("wop", "WOP page"),
    ("street", "street page"),
    ("city_calendar", "city-wide calendar"),
    ("wop_calendar", "WOP calendar"),
    ("event", "event page (sign-up form)"),
    ("buddy", "buddy project page"),
    ("welcome_pack", "welcome pack page"),
    ("admin_volunteer", "admin RSVP list, volunteer"),
    ("admin_coordinator", "admin RSVP list, coordinator"),
)


def _setup() -> None:
    sys.path[:0] = [str(BASE_DIR), str(BASE_DIR / "site")]
    import django

    django.setup()


def has_scale_set() -> bool:
    from home.demo.scale.wops import SLUG_PREFIX
    from neighbourhood.models import NeighbourhoodPage

    return NeighbourhoodPage.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def discover() -> dict:
    """The pages to measure, chosen for realistic content: the scale WOP with
    the most activities to come, its busiest activity that takes sign-ups,
    a street with a kitty; and a session for one of its volunteers and for
    a city-wide coordinator (who sees every WOP's submissions)."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from events.admin.viewsets import event_rsvp_viewset
    from events.models import EventIndexPage, EventOccurrence, EventPage
    from home.demo.scale.wops import SLUG_PREFIX
    from home.models import HomePage
    from neighbourhood.models import BuddyProjectPage, NeighbourhoodPage, StreetPage
    from welcome_pack.models import WelcomePackPage

    now = timezone.now()
    upcoming = Q(
        occurrences__ends_at__gte=now,
        occurrences__is_cancelled=False,
    )
    scale_wops = NeighbourhoodPage.objects.live().filter(slug__startswith=SLUG_PREFIX)
    busiest = (
        EventOccurrence.objects.filter(
            wop__in=scale_wops, ends_at__gte=now, is_cancelled=False
        )
        .values("wop")
        .annotate(upcoming=Count("pk"))
        .order_by("-upcoming", "wop")
        .first()
    )
    wop = (
        scale_wops.get(pk=busiest["wop"])
        if busiest
        else scale_wops.order_by("path").first()
    )
    if wop is None:
        raise SystemExit("No scale data set: run manage.py seed_scale first.")
    in_wop = {"path__startswith": wop.path}
    event = (
        EventPage.objects.live()
        .filter(signup_required=True, **in_wop)
        .annotate(upcoming=Count("occurrences", filter=upcoming))
        .filter(upcoming__gt=0)
        .order_by("-upcoming", "path")
        .first()
    )
    street = (
        StreetPage.objects.live().child_of(wop).order_by("-has_kitty", "path").first()
    )
    home = HomePage.objects.live().first()
    urls = {
        "bare": "/health/live/",
        "home": home.url,
        "wop": wop.url,
        "street": street.url,
        "city_calendar": EventIndexPage.objects.live().child_of(home).first().url,
        "wop_calendar": EventIndexPage.objects.live().child_of(wop).first().url,
        "event": event.url if event else None,
        "buddy": BuddyProjectPage.objects.live().child_of(wop).first().url,
        "welcome_pack": WelcomePackPage.objects.live().child_of(wop).first().url,
    }
    admin_list = _reverse(event_rsvp_viewset.get_url_name("index"))
    volunteer = _volunteer_of(wop)
    coordinator = _bench_coordinator()
    return {
        "wop": wop.title,
        "event_title": event.title if event else None,
        "urls": urls | {"admin_volunteer": admin_list, "admin_coordinator": admin_list},
        "cookies": {
            "admin_volunteer": _session_cookie(volunteer),
            "admin_coordinator": _session_cookie(coordinator),
        },
        "users": {
            "admin_volunteer": volunteer.email,
            "admin_coordinator": coordinator.email,
        },
    }


def _reverse(name: str) -> str:
    from django.urls import reverse

    return reverse(name)


def _volunteer_of(wop):
    from home.models import User
    from neighbourhood.scoping.access import wop_group

    volunteer = (
        User.objects.filter(groups=wop_group(wop), is_active=True)
        .order_by("pk")
        .first()
    )
    if volunteer is None:
        raise SystemExit(f"WOP {wop.title} has no volunteer to log in.")
    return volunteer


def _bench_coordinator():
    """A city-wide coordinator of the benchmark's own (made once, in the
    benchmark database only)."""
    from django.contrib.auth.models import Group

    from home.models import User
    from neighbourhood.models import COORDINATORS_GROUP

    user, _created = User.objects.get_or_create(
        email=BENCH_COORDINATOR,
        defaults={"first_name": "Benchmark", "last_name": "Coördinator"},
    )
    user.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    return user


def _session_cookie(user) -> str:
    """A ``Cookie`` header value for a fresh session of ``user``, stored
    where the server keeps sessions."""
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def count_queries(found: dict) -> dict:
    """Per page: status, size and queries of the second request (the first
    warms the caches, as wrk's warm-up does)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = {}
    for key, url in found["urls"].items():
        if url is None:
            continue
        cookie = found["cookies"].get(key)
        extra = {"HTTP_COOKIE": cookie} if cookie else {}
        # The second request, as wrk measures after its warm-up: the first
        # fills the page cache and the caches of Wagtail's site and settings.
        runs = 2
        try:
            for _ in range(runs):
                # A fresh client each time: like wrk, no cookies carried over.
                client = Client(HTTP_HOST=HOST)
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url, **extra)
        except Exception as error:  # the table still shows the other pages
            print(f"bench: {url} failed: {error!r}", file=sys.stderr)
            results[key] = {"status": f"error: {error!r}"[:200]}
            continue
        results[key] = {
            "status": response.status_code,
            "queries": len(queries),
            "bytes": len(response.content),
            "has_form": b"<form" in response.content
            and b'name="csrfmiddlewaretoken"' in response.content,
        }
    return results


def main(argv: list[str]) -> int:
    _setup()
    command = argv[1] if len(argv) > 1 else ""
    if command == "has-scale-set":
        return 0 if has_scale_set() else 1
    if command == "discover":
        Path(argv[2]).write_text(json.dumps(discover(), indent=2))
        return 0
    if command == "queries":
        found = json.loads(Path(argv[2]).read_text())
        Path(argv[3]).write_text(json.dumps(count_queries(found), indent=2))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
