"""Health checks for load balancers and monitoring.

``/health/`` answers 200 only when the database and the cache answer; a load
balancer takes an app server out of rotation on a 503. ``/health/live/``
touches nothing: the process is up (and, in the benchmark, the fastest page
this project can serve on the machine).
"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def live(request):
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request):
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    healthy = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "checks": {name: "ok" if ok else "failing" for name, ok in checks.items()},
        },
        status=200 if healthy else 503,
    )


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("health check: the database does not answer", exc_info=True)
        return False


def _cache_answers() -> bool:
    try:
        cache.set("health-check", "ok", 10)
        return cache.get("health-check") == "ok"
    except Exception:
        logger.warning("health check: the cache does not answer", exc_info=True)
        return False
