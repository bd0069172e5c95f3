"""Redis as a cache the site can do without (verbuurzamen.cache)."""

import logging

import pytest

from verbuurzamen import cache as resilient


@pytest.fixture
def unreachable():
    """A ResilientRedisCache pointed at a port where nothing listens."""
    resilient._last_warning = 0.0
    return resilient.ResilientRedisCache("redis://127.0.0.1:1/0", {})


def test_reads_from_an_unreachable_redis_are_misses(unreachable):
    assert unreachable.get("page", "fallback") == "fallback"
    assert unreachable.get_many(["a", "b"]) == {}
    assert unreachable.has_key("page") is False
    assert "page" not in unreachable


def test_writes_to_an_unreachable_redis_are_dropped_without_an_error(unreachable):
    unreachable.set("page", "content")
    unreachable.delete_many(["a"])

    assert unreachable.delete("page") is False
    assert unreachable.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert unreachable.clear() is False
    assert unreachable.get_or_set("page", "fresh") == "fresh"


def test_adding_to_an_unreachable_redis_answers_as_for_a_new_key(unreachable):
    """Code asking "is this the first time?" goes ahead: work is done twice
    at worst, never dropped."""
    assert unreachable.add("sent-form:1", "sending") is True
    assert unreachable.add("sent-form:1", "sending") is True


def test_counting_in_an_unreachable_redis_is_a_missing_key(unreachable):
    with pytest.raises(ValueError):
        unreachable.incr("count")


def test_an_outage_is_logged_once_not_on_every_call(unreachable, caplog):
    caplog.set_level(logging.WARNING, logger="verbuurzamen.cache")

    for _attempt in range(5):
        unreachable.get("page")

    warnings = [r for r in caplog.records if r.name == "verbuurzamen.cache"]
    assert len(warnings) == 1
    assert "Redis cache unreachable" in warnings[0].getMessage()
