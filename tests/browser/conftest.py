"""The browser tests: Debian's Chromium, driven by Playwright, against the
demo site served on loopback by a server of its own.

Once per test session (per worker), a fresh SQLite database is migrated and
seeded with the demo, and ``runserver`` serves it with the settings
``verbuurzamen.settings.browser``: e-mail is written to files the tests read
with ``mails``. The tests go through the site the way a person would, so they
share the seeded data; each journey uses addresses and names of its own.

Without Chromium the tests are skipped, except under ``CI=true``, where
``bin/test`` installs it and its absence is an error.
"""

import email
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from email import policy
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BASE_DIR = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = BASE_DIR / "docs" / "screenshots"
# The demo logins (home/demo/data/site.json and wops.json).
COORDINATOR = ("coordinator@verbuurzamen.nl", "Koffie-met-de-buren-2026")
VOLUNTEER_SCHOLLEVAAR = (
    "vrijwilliger.schollevaar@verbuurzamen.nl",
    "Zwaaitegel-Capelle-2026",
)
SERVER_START_SECONDS = 120


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class DemoServer:
    url: str
    mail_dir: Path

    def mails(self, to: str | None = None) -> list[email.message.EmailMessage]:
        """The e-mail the site sent so far, oldest first; only those to ``to``
        when given."""
        messages = []
        for path in sorted(self.mail_dir.glob("*.log"), key=os.path.getmtime):
            # The file backend writes each message followed by a line of dashes.
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if raw.strip():
                    messages.append(
                        email.message_from_bytes(raw.lstrip(), policy=policy.default)
                    )
        if to is not None:
            messages = [m for m in messages if to in m.get("To", "")]
        return messages


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The demo site, seeded and served on a free loopback port."""
    work = tmp_path_factory.mktemp("demo-site")
    mail_dir = work / "mail"
    mail_dir.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "verbuurzamen.settings.browser",
        "DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "VERBUURZAMEN_MAIL_DIR": str(mail_dir),
        "PYTHONUNBUFFERED": "1",
    }
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    # The seed puts the demo's Site, and with it every link in its e-mail,
    # on the address it is served on.
    for command in (["migrate", "--noinput"], ["seed_demo", "--address", url]):
        subprocess.run(
            manage + command,
            env=env,
            cwd=BASE_DIR,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=SERVER_START_SECONDS,
        )
    log = (work / "server.log").open("w")
    server = subprocess.Popen(
        manage + ["runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=5).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(
                    "The demo server did not start:\n"
                    + (work / "server.log").read_text()
                )
            time.sleep(0.3)
    yield DemoServer(url=url, mail_dir=mail_dir)
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


# Module scope, not session: Playwright's sync API keeps an event loop running
# while it is open, and Django refuses database work under a running loop, so
# it must be closed before a worker moves on to the other tests.
@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, headless; never a browser Playwright downloads."""
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; bin/test installs it under CI.")
        pytest.skip(f"{CHROMIUM} is not installed (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, demo_server):
    """A fresh browser tab (own cookies) at desktop size, Dutch first."""
    context = chromium.new_context(
        base_url=demo_server.url,
        viewport={"width": 1280, "height": 900},
        locale="nl-NL",
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def new_page(chromium, demo_server):
    """Makes more tabs with cookies of their own (a second person), with
    ``javascript=False`` or a phone's ``viewport`` when asked."""
    contexts = []

    def make(*, javascript=True, viewport=None):
        context = chromium.new_context(
            base_url=demo_server.url,
            viewport=viewport or {"width": 1280, "height": 900},
            locale="nl-NL",
            java_script_enabled=javascript,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def log_in(page, login: tuple[str, str]) -> None:
    """Log in through the site's own login page, as a person does."""
    address, password = login
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(address)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def axe_check(page, name: str) -> list[str]:
    """Run axe-core on the page: fails on any serious or critical violation;
    returns (and prints) the moderate and minor ones, for the test to list."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = results.response["violations"]
    severe = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not severe, f"{name}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in severe
    )
    lesser = [f"{v['id']} ({v['impact']})" for v in violations]
    if lesser:
        print(f"axe, {name}: {', '.join(lesser)}")
    return lesser


def screenshot(page, name: str) -> Path:
    """A full-page screenshot for the README, in docs/screenshots/."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_list(page, name: str) -> list[str]:
    """Run axe-core on a page whose markup is not ours (Wagtail's admin):
    list every violation, fail on none."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    found = [f"{v['id']} ({v['impact']})" for v in violations]
    if found:
        print(f"axe, {name} (not ours, listed only): {', '.join(found)}")
    return found


def screenshots(page, name: str) -> None:
    """Full-page screenshots at desktop and phone width: ``<name>-desktop``
    and ``<name>-phone``; the tab is back at its own size afterwards."""
    size = page.viewport_size
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(size)
