"""PostgreSQL stops in the middle of the day: while it is gone residents get
a static page in Dutch (never a stack trace), the site comes back by itself
when the database does, and every submission that got "thank you" is
stored."""

import threading

import pytest

from tests.reliability.stack.load import percentile, run_load, stored_emails

pytestmark = pytest.mark.reliability

WARM_UP, OUTAGE, AFTER = 4.0, 5.0, 10.0
DUTCH_ERROR_PAGES = (b"Er ging iets mis", b"De website is even niet bereikbaar")


def test_site_survives_a_postgres_restart_under_load(stack):
    events = {}
    breaking = threading.Lock()

    def outage(elapsed: float) -> None:
        with breaking:
            if "stopped" not in events and elapsed >= WARM_UP:
                stack.postgres.stop(mode="immediate")
                events["stopped"] = elapsed
            elif "started" not in events and elapsed >= WARM_UP + OUTAGE:
                stack.postgres.start()
                events["started"] = elapsed

    outcomes = run_load(
        stack, seconds=WARM_UP + OUTAGE + AFTER, clients=6, post_share=0.4,
        during=outage,
    )  # fmt: skip

    stopped, started = events["stopped"], events["started"]
    during = [o for o in outcomes if stopped <= o.started < started]
    failed = [o for o in outcomes if o.status >= 500 or o.status == 0]
    first_ok_after = min(
        (o.started for o in outcomes if o.started >= started and o.status < 500),
        default=None,
    )
    last_failure = max((o.started for o in failed), default=0.0)
    tail = [o for o in outcomes if o.started >= started + AFTER / 2]
    thanked = [o.email for o in outcomes if o.thanks]
    stored = stored_emails(stack, thanked)
    statuses = sorted({o.status for o in outcomes})
    print(
        f"\nPostgreSQL down {stopped:.1f}–{started:.1f} s of "
        f"{WARM_UP + OUTAGE + AFTER:.0f} s: {len(outcomes)} requests, "
        f"{len(during)} during the outage, "
        f"{len(failed)} answered with an error page, statuses {statuses}; "
        f"last error at {last_failure:.1f} s (recovered "
        f"{max(0.0, last_failure - started):.1f} s after the restart; first success "
        f"after it at {first_ok_after or 0:.1f} s); p50 "
        f"{percentile([o.elapsed for o in outcomes], 0.5) * 1000:.0f} ms; "
        f"{len(thanked)} submissions thanked, {len(stored)} of them stored"
    )

    assert failed, "the outage should have been noticed by some requests"
    assert all(o.status in (500, 503) for o in failed), {o.kind for o in failed}
    for outcome in failed:
        assert any(text in outcome.body for text in DUTCH_ERROR_PAGES), outcome.body[
            :500
        ]
        assert b"Traceback" not in outcome.body
        assert b"OperationalError" not in outcome.body
    assert tail and all(o.status < 500 for o in tail), "the site came back by itself"
    assert thanked
    assert set(thanked) == stored
    stack.wait_healthy()
