"""Load on the reliability stack: many residents browsing and filling in
the public forms at once (``run_load``), and the figures read from it."""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass
from urllib.parse import urljoin

from tests.reliability.stack.browser import Client, Form, Response, resident_values
from tests.reliability.stack.production import Stack


@dataclass
class Outcome:
    """One request of a load run."""

    started: float  # seconds since the run started
    elapsed: float
    status: int  # 0: no answer at all
    kind: str  # "page", or the form's kind for a post
    thanks: bool = False
    email: str = ""
    body: bytes = b""


def run_load(
    stack: Stack,
    *,
    seconds: float,
    clients: int,
    post_share: float,
    during=None,
) -> list[Outcome]:
    """``clients`` residents at once for ``seconds``, each browsing the demo
    pages and, ``post_share`` of the time, filling in one of its public forms
    (buddy sign-up, welcome-pack claim, RSVP) with a fresh identity and
    address. ``during(elapsed)`` is called from the main thread about ten
    times a second (to break things on a schedule)."""
    import random
    import threading

    demo = stack.demo()
    targets = [
        (kind, target)
        for kind in ("buddy_projects", "welcome_packs", "events")
        for target in demo[kind]
    ]
    pages = demo["pages"] + [target["url"] for _, target in targets]
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    start = time.monotonic()
    stop = threading.Event()

    def answered(began: float, response: Response, kind: str, **more) -> Outcome:
        # Bodies are kept of error pages only: the tests read those.
        body = response.body if response.status >= 500 else b""
        return Outcome(
            began, response.elapsed, response.status, kind, body=body, **more
        )

    def record(outcome: Outcome) -> None:
        with lock:
            outcomes.append(outcome)

    def resident(seed: int) -> None:
        rng = random.Random(seed)
        client = Client(stack.url)
        while not stop.is_set():
            began = time.monotonic() - start
            try:
                if rng.random() >= post_share:
                    response = client.get(rng.choice(pages))
                    record(answered(began, response, "page"))
                    continue
                kind, target = rng.choice(targets)
                # A new resident: own cookies, own address.
                client.close()
                client = Client(stack.url)
                values = resident_values(postcode=target["postcode"])
                page = client.get(target["url"])
                record(answered(began, page, "page"))
                if page.status != 200:
                    continue
                form = Form.find(page.text)
                posted_at = time.monotonic() - start
                response = client.post(
                    urljoin(target["url"], form.action or target["url"]),
                    form.filled(values),
                )
                record(
                    answered(
                        posted_at,
                        response,
                        kind,
                        thanks=response.is_thanks,
                        email=values["email"],
                    )
                )
            except (OSError, http.client.HTTPException) as error:
                record(Outcome(began, 0.0, 0, f"no answer: {error!r}"))
                client.close()
                time.sleep(0.1)

    threads = [
        threading.Thread(target=resident, args=(number,), daemon=True)
        for number in range(clients)
    ]
    for thread in threads:
        thread.start()
    try:
        while (elapsed := time.monotonic() - start) < seconds:
            if during is not None:
                during(elapsed)
            time.sleep(0.1)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    return sorted(outcomes, key=lambda outcome: outcome.started)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def stored_emails(stack: Stack, emails: list[str]) -> set[str]:
    """Which of ``emails`` are on a submission in the stack's database."""
    found = set()
    for table in (
        "neighbourhood_buddysignup",
        "welcome_pack_welcomepackclaim",
        "events_eventrsvp",
    ):
        rows = stack.query(
            f'SELECT email FROM "{table}" WHERE email = ANY(%s)', [list(emails)]
        )
        found.update(email for (email,) in rows)
    return found
