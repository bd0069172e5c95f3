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
(``neighbourhood.guard.first_sending``).

What that means while Redis is down:

- pages are rendered for every visitor (slower, still correct);
- sessions (``cached_db``) are read from and written to the database only;
- the public-form rate limit (``neighbourhood.guard``) counts nothing, so it
  lets every post through ("fails open"): refusing every resident because
  the counter is gone would be worse than a minute without a limit;
- ``/health/`` reports the cache as failing, "degraded" but 200: the app
  server stays in the load balancer's rotation;
- a page published meanwhile cannot clear the page cache; Redis restarted
  without persistence (as configured) is empty anyway.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (ConnectionError, TimeoutError)
WARN_EVERY_SECONDS = 30


class ResilientRedisCache(RedisCache):
    """RedisCache whose calls behave as an empty cache while Redis cannot be
    reached."""

    _last_warning = 0.0

    def _unreachable(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning >= WARN_EVERY_SECONDS:
            ResilientRedisCache._last_warning = now
            logger.warning(
                "Redis cache unreachable (%s: %s); serving without cache",
                operation,
                error,
            )

    def add(self, key, *args, **kwargs):
        try:
            return super().add(key, *args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable("add", error)
            return True

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            self._unreachable("get", error)
            return default

    def set(self, key, *args, **kwargs):
        try:
            return super().set(key, *args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable("set", error)

    def touch(self, key, *args, **kwargs):
        try:
            return super().touch(key, *args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            self._unreachable("delete", error)
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            self._unreachable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            self._unreachable("has_key", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._unreachable("incr", error)
            # What the cache API says for a key it does not hold.
            raise ValueError(f"Key '{key}' not found") from error

    def set_many(self, data, *args, **kwargs):
        try:
            return super().set_many(data, *args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable("set_many", error)
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except UNREACHABLE as error:
            self._unreachable("delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except UNREACHABLE as error:
            self._unreachable("clear", error)
            return False
