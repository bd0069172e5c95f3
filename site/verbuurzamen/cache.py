"""Redis as a cache the site can do without.

Django's RedisCache raises ConnectionError on every call while Redis is
unreachable, and the cache is asked on nearly every request (Wagtail's site
lookup, sessions, the page cache, the rate limit), so an outage of the cache
would take the whole site down. ``ResilientRedisCache`` turns an unreachable
Redis into a cache that holds nothing: reads miss, writes are dropped, and a
warning is logged (at most once per ``WARN_EVERY_SECONDS`` per process).
``add()`` answers True, as for a key that was new: code that uses it as a
"first time?" check or a lock goes ahead rather than dropping work, so a
resident's form is stored, never skipped as "sent before"
(``neighbourhood.submissions.guard.first_sending``).

What that means while Redis is down:

- pages are rendered for every visitor (slower, still correct);
- sessions (``cached_db``) are read from and written to the database only;
- the public-form rate limit (``neighbourhood.submissions.guard``) counts nothing, so it
  lets every post through ("fails open"): refusing every resident because
  the counter is gone would be worse than a minute without a limit;
- ``/health/`` reports the cache as failing, "degraded" but 200: the app
  server stays in the load balancer's rotation;
- a page published meanwhile cannot clear the page cache; Redis restarted
  without persistence (as configured) is empty anyway.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (ConnectionError, TimeoutError)
WARN_EVERY_SECONDS = 30
_last_warning = 0.0


def _warn(operation: str, error: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= WARN_EVERY_SECONDS:
        _last_warning = now
        logger.warning(
            "Redis cache unreachable (%s: %s); serving without cache", operation, error
        )


def _or_else(fallback):
    """``RedisCache``'s method, answering ``fallback(*its arguments)`` while
    Redis cannot be reached."""

    def wrap(method):
        @functools.wraps(method)
        def wrapped(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                _warn(method.__name__, error)
                return fallback(*args, **kwargs)

        return wrapped

    return wrap


def _missing_key(key, *args, **kwargs):
    # What the cache API says for a key it does not hold.
    raise ValueError(f"Key '{key}' not found")


def _default(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


class ResilientRedisCache(RedisCache):
    """RedisCache whose calls behave as an empty cache while Redis cannot be
    reached."""

    add = _or_else(lambda *args, **kwargs: True)(RedisCache.add)
    get = _or_else(_default)(RedisCache.get)
    set = _or_else(_nothing)(RedisCache.set)
    touch = _or_else(_false)(RedisCache.touch)
    delete = _or_else(_false)(RedisCache.delete)
    get_many = _or_else(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _or_else(_false)(RedisCache.has_key)
    incr = _or_else(_missing_key)(RedisCache.incr)
    set_many = _or_else(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    delete_many = _or_else(_nothing)(RedisCache.delete_many)
    clear = _or_else(_false)(RedisCache.clear)
