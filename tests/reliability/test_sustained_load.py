"""A minute of a busy day: residents browsing and filling in forms at once,
through the load balancer, at the highest rate this machine sustains —
without a single error."""

import os
import statistics
from collections import Counter

import pytest

from tests.reliability.stack.load import percentile, run_load, stored_emails

pytestmark = pytest.mark.reliability

SECONDS = float(os.environ.get("RELIABILITY_LOAD_SECONDS", "60"))
CLIENTS = int(os.environ.get("RELIABILITY_LOAD_CLIENTS", "8"))


def test_a_minute_of_mixed_load_without_errors(stack):
    stack.wait_healthy()

    outcomes = run_load(stack, seconds=SECONDS, clients=CLIENTS, post_share=0.25)

    latencies = [o.elapsed for o in outcomes]
    errors = [o for o in outcomes if o.status >= 500 or o.status == 0]
    posts = [o for o in outcomes if o.kind != "page"]
    thanked = [o.email for o in posts if o.thanks]
    kinds = Counter(o.kind for o in posts if o.thanks)
    not_thanked = Counter((o.kind, o.status) for o in posts if not o.thanks)
    stored = stored_emails(stack, thanked)
    print(
        f"\n{SECONDS:.0f} s, {CLIENTS} clients: {len(outcomes)} requests "
        f"({len(outcomes) / SECONDS:.1f}/s), errors {len(errors)}, "
        f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
        f"mean {statistics.fmean(latencies) * 1000:.0f} ms; posts {len(posts)}, "
        f"thanked {dict(kinds)}, other answers {dict(not_thanked)}; "
        f"{len(stored)} of {len(thanked)} thanked submissions stored"
    )
    assert errors == [], Counter(o.status for o in errors)
    assert len(thanked) > 0
    assert set(thanked) == stored
