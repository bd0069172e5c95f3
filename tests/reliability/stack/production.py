"""``bin/production start --seed`` on the private services: the stack a
reliability test gets (``running_stack``, ``Stack``) and the settings it
runs with."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.stack.browser import Client
from tests.reliability.stack.servers import (
    PrivatePostgres,
    PrivateRedis,
    free_port,
    wait_for,
)

BASE_DIR = Path(__file__).resolve().parents[3]
RATE_LIMIT = 5
START_SECONDS = 300
HEALTH_SECONDS = 60


@dataclass
class Stack:
    url: str
    instances: list[str]
    run_dir: Path
    postgres: PrivatePostgres
    redis: PrivateRedis
    database_url: str
    smtp_port: int
    env: dict[str, str] = field(repr=False)
    _demo: dict | None = field(default=None, repr=False)

    def manage(self, *args: str, timeout: float = 120) -> str:
        """``manage.py`` with the site's environment; its output."""
        result = subprocess.run(
            [str(BASE_DIR / "bin" / "production"), "manage", *args],
            env=self.env,
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise AssertionError(f"manage.py {args[0]} failed:\n{result.stderr}")
        return result.stdout

    def shell(self, code: str, timeout: float = 120) -> str:
        return self.manage("shell", "--no-imports", "-c", code, timeout=timeout)

    def query(self, sql: str, params=()) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.database_url, connect_timeout=5) as connection:
            return connection.execute(sql, params).fetchall()

    def count(self, table: str) -> int:
        return self.query(f'SELECT count(*) FROM "{table}"')[0][0]

    def healthy(self) -> bool:
        for url in [*self.instances, self.url]:
            if Client(url).get("/health/").status != 200:
                return False
        return True

    def wait_healthy(self, timeout: float = HEALTH_SECONDS) -> float:
        """Seconds until every app server and nginx pass /health/."""
        return wait_for(self.healthy, timeout=timeout, what="a healthy stack")

    def demo(self) -> dict:
        """Where the demo's public forms and pages are: ``buddy_projects``,
        ``welcome_packs`` and ``events`` (each ``{"url", "postcode"}``: a
        postcode in its WOP) and ``pages`` to browse."""
        if self._demo is None:
            output = self.shell(DEMO_TARGETS)
            self._demo = json.loads(output.strip().splitlines()[-1])
        return self._demo

    def log(self, name: str) -> str:
        path = self.run_dir / "logs" / name
        return path.read_text(errors="replace") if path.exists() else ""


DEMO_TARGETS = """
import json
from django.utils import timezone
from events.models import EventIndexPage, EventPage
from neighbourhood.models import BuddyProjectPage, NeighbourhoodPage, StreetPage
from welcome_pack.models import WelcomePackPage
from wagtail.models import Page

def postcode(wop):
    area = wop.postcode_areas.order_by("first").first()
    return area.first if area else ""

def target(page, wop):
    return {"url": page.url, "postcode": postcode(wop)}

today = timezone.localdate()
out = {
    "buddy_projects": [
        target(page, page.wop) for page in BuddyProjectPage.objects.live()
        if page.is_open and page.wop is not None
    ],
    "welcome_packs": [
        target(page, page.wop) for page in WelcomePackPage.objects.live()
    ],
    "events": [
        target(page, page.wop) for page in EventPage.objects.live()
        if page.signup_required and page.wop is not None
        and page.occurrences.filter(date__gt=today).exists()
    ],
    "pages": [
        page.url for model in (NeighbourhoodPage, StreetPage, EventIndexPage)
        for page in model.objects.live()
    ] + ["/"],
}
print(json.dumps(out))
"""


def _stack_env(run_dir, postgres, redis, ports, smtp_port) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        # Nothing of the test run's own settings leaks into the site's.
        if not name.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PYTEST"))
    }
    env.update(
        PORT=str(ports[0]),
        APP_PORTS=" ".join(str(port) for port in ports[1:]),
        RUN_DIR=str(run_dir),
        DATABASE_URL=f"{postgres.url}/verbuurzamen",
        REDIS_URL=redis.url,
        PUBLIC_FORM_RATE_LIMIT=str(RATE_LIMIT),
        NUM_PROXIES="2",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_USE_TLS="false",
        PAGE_CACHE="true",
        MEDIA_ROOT=str(run_dir / "media"),
        START_TIMEOUT=str(START_SECONDS),
    )
    return env


class running_stack:
    """Context manager: the whole stack up on entry, all of it down on exit
    (also when starting failed half-way)."""

    def __init__(self):
        self.base = Path(tempfile.mkdtemp(prefix="verbuurzamen-stack-"))
        self.base.chmod(0o755)  # the postgres user must reach its directory
        self.postgres = PrivatePostgres(self.base / "postgres")
        self.redis = PrivateRedis(self.base / "redis")
        self.run_dir = self.base / "run"
        self.ports = [free_port(), free_port(), free_port()]
        self.smtp_port = free_port()
        self.env = _stack_env(
            self.run_dir, self.postgres, self.redis, self.ports, self.smtp_port
        )
        self.started_script = False

    def __enter__(self) -> Stack:
        try:
            return self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def _start(self) -> Stack:
        started = time.monotonic()
        self.postgres.init()
        self.postgres.start()
        self.redis.start()
        output = self.base / "bin-production.log"
        self.started_script = True
        with output.open("w") as out:
            result = subprocess.run(
                [str(BASE_DIR / "bin" / "production"), "start", "--seed"],
                env=self.env,
                cwd=BASE_DIR,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=START_SECONDS + 60,
            )
        if result.returncode:
            raise RuntimeError(
                "bin/production start failed:\n" + output.read_text()[-4000:]
            )
        env = dict(self.env)
        for line in (self.run_dir / "env").read_text().splitlines():
            name, _, value = shlex.split(line)[0].partition("=")
            env[name] = value
        stack = Stack(
            url=f"http://127.0.0.1:{self.ports[0]}",
            instances=[f"http://127.0.0.1:{port}" for port in self.ports[1:]],
            run_dir=self.run_dir,
            postgres=self.postgres,
            redis=self.redis,
            database_url=env["DATABASE_URL"],
            smtp_port=self.smtp_port,
            env=self.env,
        )
        print(f"\nstack up in {time.monotonic() - started:.0f} s: {stack.url}")
        return stack

    def __exit__(self, *exc_info) -> None:
        try:
            if self.started_script:
                subprocess.run(
                    [str(BASE_DIR / "bin" / "production"), "stop"],
                    env=self.env,
                    cwd=BASE_DIR,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=120,
                )
        finally:
            self.redis.stop()
            try:
                if (self.postgres.data / "postmaster.pid").exists():
                    self.postgres.stop()
            finally:
                shutil.rmtree(self.base, ignore_errors=True)
