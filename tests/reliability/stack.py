"""The production shape, brought up for the reliability tests.

A private PostgreSQL cluster (initdb into a temporary directory, on a free
port) and a private redis-server, so a test may stop and start them without
touching the machine's shared services; on top of them ``bin/production
start --seed`` (the same script an operator runs): two gunicorn app servers,
the task worker and nginx round-robin in front, with the demo content.

What a test gets (the ``stack`` fixture in conftest.py):

- ``stack.url``: the site through nginx; ``stack.instances``: the two app
  servers directly (instance A and B).
- ``stack.postgres.stop()`` / ``.start()``, ``stack.redis.stop()`` /
  ``.start()``: the private services; ``stack.wait_healthy()`` afterwards.
- ``stack.query(sql, params)``: rows from the stack's database;
  ``stack.shell(code)``: Python run by ``manage.py shell`` with the site's
  own environment (its output is returned); ``stack.manage(*args)``.
- ``stack.smtp_port``: where the site sends e-mail (EMAIL_HOST 127.0.0.1,
  no TLS); nothing listens there unless a test starts a server.
- ``Client(stack.url)``: a resident's browser: keeps its cookies (the
  Secure ones too: this is plain http on loopback), fills in forms.

The stack counts the public-form rate limit (``RATE_LIMIT`` posts a minute)
per client address as the outer load balancer saw it (NUM_PROXIES=2: the
tests stand in for that balancer, nginx is the second proxy). Each
``Client`` sends an address of its own in X-Forwarded-For, so separate
clients are separate residents; give two clients the same ``address`` to
be one resident.
"""

from __future__ import annotations

import glob
import http.client
import itertools
import json
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

BASE_DIR = Path(__file__).resolve().parents[2]
RATE_LIMIT = 5
START_SECONDS = 300
HEALTH_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin_dir() -> Path | None:
    """The newest PostgreSQL server binaries (Debian keeps them out of PATH)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing_binaries() -> list[str]:
    """What the stack needs and this machine lacks. (nginx is installed by
    bin/production when missing and run as root.)"""
    missing = []
    if postgres_bin_dir() is None:
        missing.append("PostgreSQL server (initdb, pg_ctl)")
    for name in ("redis-server", "pg_dump", "pg_restore", "curl"):
        if shutil.which(name) is None:
            missing.append(name)
    if shutil.which("nginx") is None and not os.path.exists("/usr/sbin/nginx"):
        if os.geteuid() != 0 or shutil.which("apt-get") is None:
            missing.append("nginx")
    return missing


def _wait_for(check, *, timeout: float, what: str) -> float:
    """Poll ``check`` until it is true; seconds it took. TimeoutError after
    ``timeout``."""
    start = time.monotonic()
    while True:
        try:
            if check():
                return time.monotonic() - start
        except OSError:
            pass
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"{what} not within {timeout:.0f} s")
        time.sleep(0.2)


class PrivatePostgres:
    """A PostgreSQL cluster of our own. As root, the server runs as the
    ``postgres`` user, as PostgreSQL insists."""

    def __init__(self, directory: Path):
        self.bin = postgres_bin_dir()
        self.directory = directory
        self.data = directory / "data"
        self.log = directory / "postgres.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *args: str, timeout: float = 60) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(
            command,
            check=True,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def init(self) -> None:
        self.directory.mkdir(mode=0o700)
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-k {self.directory} -c max_connections=200 "
            # Throw-away data: no waiting for the disk (a stopped or killed
            # server still keeps every commit; only the OS crashing would not).
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
            "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self, *, mode: str = "immediate") -> None:
        """Stop the server; "immediate" is a crash as far as clients see."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def answers(self) -> bool:
        import psycopg

        try:
            psycopg.connect(self.url + "/postgres", connect_timeout=2).close()
            return True
        except psycopg.OperationalError:
            return False


class PrivateRedis:
    """A redis-server of our own, without persistence (like the cache)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.directory.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            [
                "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.directory),
                "--logfile", str(self.directory / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _wait_for(self.answers, timeout=20, what="redis-server")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def answers(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")


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
        return _wait_for(self.healthy, timeout=timeout, what="a healthy stack")

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


# --- a resident's browser -----------------------------------------------------

_addresses = itertools.count(1)
_residents = itertools.count(1)


def resident_values(*, postcode: str) -> dict:
    """Valid answers to any public form of the demo, from a resident no
    form has seen yet (own name, phone, e-mail address and house number);
    fields a form does not have are ignored by it."""
    number = next(_residents)
    return {
        "name": f"Bewoner {number}",
        "phone": f"06{number:08d}",
        "email": f"bewoner{number}@example.org",
        "street": "Proefstraat",
        "house_number": str(number),
        "postcode": postcode,
        "contact_preference": "email",
        "consent": "on",
        "moved_in_on": (date.today() - timedelta(days=30)).isoformat(),
        "household_size": "2",
        "people": "1",
        "website": "",
    }


def next_address() -> str:
    """A client address of its own (TEST-NET-2, RFC 5737, then beyond)."""
    number = next(_addresses)
    return f"198.{18 + number // 65536}.{number // 256 % 256}.{number % 256}"


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    elapsed: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    @property
    def is_thanks(self) -> bool:
        """The redirect a resident gets once their submission is stored."""
        return self.status == 302 and self.location.rstrip("/").endswith(
            ("/bedankt", "/aangemeld")
        )


class Client:
    """One resident's browser, on one keep-alive connection."""

    def __init__(self, base_url: str, *, address: str | None = None, timeout=30):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.address = address or next_address()
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self._connection: http.client.HTTPConnection | None = None

    def with_base(self, base_url: str) -> Client:
        """The same browser (cookies, address) talking to another server."""
        other = Client(base_url, address=self.address, timeout=self.timeout)
        other.cookies = self.cookies
        return other

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def request(self, method: str, path: str, data=None) -> Response:
        headers = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-For": self.address,
            "Accept-Language": "nl",
            "User-Agent": "verbuurzamen-reliability-tests",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        for attempt in (1, 2):
            reused = self._connection is not None
            if not reused:
                self._connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout
                )
            try:
                self._connection.request(method, path, body=body, headers=headers)
                raw = self._connection.getresponse()
                payload = raw.read()
                break
            except (
                http.client.RemoteDisconnected,
                ConnectionResetError,
                BrokenPipeError,
            ):
                self.close()
                # A keep-alive connection the server had closed: once more,
                # as browsers do.
                if not reused or attempt == 2:
                    raise
            except Exception:
                self.close()
                raise
        if raw.getheader("Connection", "").lower() == "close":
            self.close()
        for header in raw.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(raw.status, raw.msg, payload, time.monotonic() - started)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data) -> Response:
        return self.request("POST", path, data)

    def submit(
        self, path: str, values: dict | None = None, *, having: str = "consent"
    ) -> Response:
        """Open ``path``, fill in its form (the one with a field ``having``;
        ``values`` over what is there) and post it, as a resident would."""
        page = self.get(path)
        if page.status != 200:
            return page
        form = Form.find(page.text, having=having)
        action = urljoin(path, form.action or path)
        return self.post(action, form.filled(values or {}))


class Form(HTMLParser):
    """The fields of a page's post form: the one with a field ``having``,
    else the biggest."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None
        self.action = ""
        self.values: dict[str, list[str]] = {}
        self.options: dict[str, list[str]] = {}
        self.checkboxes: dict[str, list[str]] = {}

    @classmethod
    def find(cls, html: str, *, having: str = "consent") -> Form:
        parser = cls()
        parser.feed(html)
        posts = [f for f in parser.forms if f["method"] == "post"]
        if not posts:
            raise AssertionError("no form on the page")
        chosen = next(
            (f for f in posts if having in f["checkboxes"] or having in f["values"]),
            max(posts, key=lambda f: len(f["values"]) + len(f["options"])),
        )
        parser.action = chosen["action"]
        parser.values = chosen["values"]
        parser.options = chosen["options"]
        parser.checkboxes = chosen["checkboxes"]
        return parser

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action") or "",
                "values": {},
                "options": {},
                "checkboxes": {},
            }
            self.forms.append(self._current)
            return
        if self._current is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("radio", "checkbox"):
                group = "options" if kind == "radio" else "checkboxes"
                self._current[group].setdefault(name, []).append(
                    attrs.get("value", "on")
                )
                if "checked" in attrs:
                    self._current["values"].setdefault(name, []).append(
                        attrs.get("value", "on")
                    )
            elif kind not in ("submit", "button", "file"):
                self._current["values"][name] = [attrs.get("value") or ""]
        elif tag == "select" and name:
            self._select = name
            self._current["options"][name] = []
        elif tag == "option" and self._select:
            self._current["options"][self._select].append(attrs.get("value", ""))
            if "selected" in attrs:
                self._current["values"][self._select] = [attrs.get("value", "")]
        elif tag == "textarea" and name:
            self._textarea = name
            self._current["values"][name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def filled(self, values: dict) -> dict[str, list[str]]:
        """What the browser posts: the form's own values (checked boxes
        only), every radio group and select without a choice on its first
        option, then ``values`` (a list for several checkboxes; None leaves
        a field out)."""
        data = {name: list(value) for name, value in self.values.items()}
        for name, options in self.options.items():
            if name not in data and options:
                data[name] = [next((o for o in options if o), options[0])]
        for name, value in values.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value if isinstance(value, list) else [str(value)]
        return data


# --- load -------------------------------------------------------------------


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
