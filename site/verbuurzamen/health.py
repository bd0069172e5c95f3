"""Health checks for load balancers and monitoring.

``/health/`` checks the database and the cache. Without the database
nothing works: 503, and a load balancer takes the app server out of
rotation. Without the cache (Redis) the site still serves and stores
everything, only slower (see verbuurzamen.cache): 200, "degraded" — taking
every app server out because the shared Redis is down would stop a site that
works. ``/health/live/`` touches nothing: the process is up (and, in the
benchmark, the fastest page this project can serve on the machine).
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
    if not checks["database"]:
        status = "unavailable"
    elif not checks["cache"]:
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {
            "status": status,
            "checks": {name: "ok" if ok else "failing" for name, ok in checks.items()},
        },
        status=503 if status == "unavailable" else 200,
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
