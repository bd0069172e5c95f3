import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.utils import translation
from wagtail.models import Site

from tests import factories


def pytest_runtest_setup(item):
    """Tests marked ``postgres`` are skipped on SQLite before their fixtures
    run: a transactional database set up only to skip would be flushed
    afterwards, taking the site and home page the migrations made from the
    tests that follow on the same worker."""
    from django.db import connection

    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL: SQLite has no row locks and one writer at a time. "
            "Run with DATABASE_URL=postgres://…"
        )


@pytest.fixture(autouse=True)
def _dutch():
    """Each test starts in Dutch: a request in English (the language cookie)
    leaves its language active on the thread, for the next test too."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no rate-limit counts carried over."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def neighbourhood_index(db):
    return factories.make_neighbourhood_index()


@pytest.fixture
def wop(neighbourhood_index):
    return factories.make_wop(title="Schollevaar", areas=["2906", "2907"])


@pytest.fixture
def other_wop(neighbourhood_index):
    return factories.make_wop(title="Oostgaarde", areas=[("2903 AA", "2903 MZ")])


@pytest.fixture
def volunteer(wop):
    return factories.make_volunteer(wop, email="vrijwilliger@example.org")


@pytest.fixture
def coordinator(neighbourhood_index):
    return factories.make_coordinator(email="coordinator@example.org")


@pytest.fixture
def buddy_project(wop):
    """A buddy project of the WOP Schollevaar."""
    return factories.make_buddy_project(parent=wop)


@pytest.fixture
def city_buddy_project(home):
    """A city-wide buddy project: each sign-up goes to the WOP of its postcode."""
    return factories.make_buddy_project(
        parent=home, title="Jongerenmaatjes", slug="jongerenmaatjes"
    )


@pytest.fixture
def other_buddy_project(other_wop):
    """A buddy project of the WOP Oostgaarde."""
    return factories.make_buddy_project(
        parent=other_wop, title="Wandelmaatjes", slug="wandelmaatjes"
    )


@pytest.fixture
def other_volunteer(other_wop):
    """A volunteer of the WOP Oostgaarde."""
    return factories.make_volunteer(other_wop, email="oostgaarde@example.org")


def pytest_terminal_summary(terminalreporter):
    """The URL matrix's size (tests/neighbourhood/test_url_matrix.py), in the
    suite's output: its tests record it as properties of their reports, which
    reach this process from xdist's workers too."""
    size, tried = None, 0
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            for name, value in getattr(report, "user_properties", ()):
                if name == "url_matrix":
                    size = value
                elif name == "url_matrix_doors":
                    tried += value
    if size is not None:
        terminalreporter.write_line(f"URL matrix: {size}; {tried} requests made")


@pytest.fixture
def page_cache(settings):
    """The page cache on, and empty before and after the test."""
    settings.WAGTAIL_CACHE = True
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def public_site(home, settings):
    """The site's one public address: the default Wagtail Site on
    https://wijk.example.nl, while every other address the code could reach
    for says something else (the request's host ``testserver``, the admin's
    ``WAGTAILADMIN_BASE_URL``)."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "wijk.example.nl", 443
    site.save()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    return site
