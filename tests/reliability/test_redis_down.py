"""Redis is only a cache: while it is down the site serves pages and takes
submissions (slower, uncached, without a rate limit), /health/ says the
cache is failing, and once Redis is back caching and the rate limit
resume by themselves."""

import statistics
import time

import pytest

from tests.reliability.stack.browser import Client, resident_values
from tests.reliability.stack.load import stored_emails
from tests.reliability.stack.production import RATE_LIMIT

pytestmark = pytest.mark.reliability


def submit_everything(stack, client: Client, emails: list) -> list:
    """One of every kind of public form; (form, status of the post, status of
    the page after it). The residents' e-mail addresses go into ``emails``."""
    demo = stack.demo()
    results = []
    for kind in ("buddy_projects", "welcome_packs", "events"):
        target = demo[kind][0]
        values = resident_values(postcode=target["postcode"])
        emails.append(values["email"])
        posted = client.submit(target["url"], values)
        after = client.get(posted.location) if posted.location else posted
        results.append((kind, posted.status, after.status))
    return results


def sign_up(stack, address: str, emails: list) -> int:
    project = stack.demo()["buddy_projects"][0]
    values = resident_values(postcode=project["postcode"])
    emails.append(values["email"])
    return Client(stack.url, address=address).submit(project["url"], values).status


def test_site_keeps_working_while_redis_is_down(stack):
    pages = stack.demo()["pages"]
    visitor = Client(stack.url)
    for path in pages:
        visitor.get(path)  # in the page cache now
    emails = []

    stack.redis.stop()
    try:
        down = [Client(stack.url).get(path) for path in pages * 2]
        posted = submit_everything(stack, Client(stack.url), emails)
        login = Client(stack.url).get("/account/login/")
        health = Client(stack.url).get("/health/")
        # One address, more posts than the limit: nothing to count them in.
        same_address = [
            sign_up(stack, "203.0.113.80", emails) for _ in range(RATE_LIMIT + 1)
        ]
    finally:
        stack.redis.start()

    statuses = [response.status for response in down]
    latency = statistics.median(response.elapsed for response in down) * 1000
    print(
        f"\nRedis down: {len(down)} page views, statuses {sorted(set(statuses))}, "
        f"p50 {latency:.0f} ms; forms (kind, post, page after): {posted}; "
        f"login page {login.status}; /health/ {health.status} {health.text}; "
        f"{RATE_LIMIT + 1} posts from one address: {same_address} (rate limit "
        "fails open)"
    )
    assert statuses == [200] * len(down)
    assert all(post == 302 and after == 200 for _, post, after in posted), posted
    assert login.status == 200
    # Still in rotation: the site works without Redis, only slower.
    assert health.status == 200 and '"cache": "failing"' in health.text
    assert same_address == [302] * (RATE_LIMIT + 1)
    assert stored_emails(stack, emails) == set(emails), "every thanked post stored"

    started = time.monotonic()
    recovered = stack.wait_healthy(timeout=30)
    visitor = Client(stack.url)
    visitor.get(pages[0])
    cached = Client(stack.url).get(pages[0])
    limited = [sign_up(stack, "203.0.113.81", []) for _ in range(RATE_LIMIT + 1)]
    print(
        f"Redis back: healthy after {recovered:.1f} s, page cache "
        f"{cached.headers.get('X-Wagtail-Cache')}, rate limit {limited} "
        f"({time.monotonic() - started:.1f} s)"
    )
    assert cached.headers.get("X-Wagtail-Cache") == "hit"
    assert limited == [302] * RATE_LIMIT + [429]
