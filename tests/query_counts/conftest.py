"""Query counting (issue 9): image renditions come from the database, never
the cache."""

import pytest


@pytest.fixture(autouse=True)
def _renditions_uncached(settings):
    """Renditions from the database, never the cache: a page that shows N
    images without prefetching their renditions makes N queries here."""
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
