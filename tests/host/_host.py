"""What the host-site test needs: the plugin's wheel, a fresh virtual
environment, a vanilla ``wagtail start`` site with exactly the README's lines
added, its server on a free port, and a small HTTP client that keeps cookies.

Every subprocess is bounded in time; every step prints what it cost, so the
CI log shows where the minutes go.
"""

import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.verbuurzamen.test_package import ROOT, not_source

INSTALL_SECTION = "## Add it to your own Wagtail site"
HOST_NAME = "hostsite"


@contextmanager
def step(name: str):
    started = time.monotonic()
    print(f"[host] {name} ...", flush=True)
    yield
    print(f"[host] {name}: {time.monotonic() - started:.1f}s", flush=True)


def host_env() -> dict:
    """This process's environment without what points at the example host
    (pytest-django's settings module, the test database, our paths)."""
    leaks = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH", "VIRTUAL_ENV"}
    return {name: value for name, value in os.environ.items() if name not in leaks}


def run(command: list, *, cwd: Path | None = None, timeout: int = 300) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=host_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    shown = " ".join(str(part)[:80] for part in command)
    assert done.returncode == 0, f"{shown}\n{done.stdout}\n{done.stderr}"
    return done.stdout


# The README's lines ------------------------------------------------------------


def readme_install_blocks(readme: str) -> list[str]:
    """The ```python blocks of the README's install section, in order: the
    lines for the host's settings and for its urls.py, then those two again
    for a host with django-allauth."""
    section = readme.split(INSTALL_SECTION, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```python\n(.*?)^```", section, re.S | re.M)
    assert len(blocks) >= 4, "the install section lacks settings and urls blocks"
    return blocks


def readme_home_page_tags(readme: str) -> list[str]:
    """The finders the install section says to put on the host's home page,
    as it spells them: "`{% load x_tags %}` `{% x_finder %}`"."""
    section = readme.split(INSTALL_SECTION, 1)[1].split("\n## ", 1)[0]
    pairs = re.findall(r"`(\{% load \w+ %\})`\s*`(\{% \w+ %\})`", section)
    assert pairs, "the install section names no template tags for the home page"
    return [" ".join(pair) for pair in pairs]


def as_written(blocks: list[str]) -> tuple[str, str]:
    """The settings and urls lines of a host without allauth."""
    return blocks[0], blocks[1]


def with_allauth(blocks: list[str]) -> tuple[str, str]:
    """The same, with the lines the README adds for django-allauth."""
    return blocks[0] + "\n" + blocks[2], blocks[1] + "\n" + blocks[3]


# The wheel, the environment and the host ---------------------------------------


def build_wheel(workdir: Path) -> Path:
    """The plugin's wheel, built with this environment's setuptools from a
    copy of the repository (setuptools keeps a build/ folder in its source)."""
    source = workdir / "source"
    shutil.copytree(ROOT, source, ignore=not_source)
    out = workdir / "wheel"
    run(
        [sys.executable, "-m", "pip", "wheel", source, "--no-deps"]
        + ["--no-build-isolation", "--disable-pip-version-check", "--quiet"]
        + ["--wheel-dir", out],
        timeout=300,
    )
    [wheel] = out.glob("*.whl")
    return wheel


def _constraints(venv: Path) -> Path:
    """The example host's pins as pip constraints (which take no extras)."""
    pins = (ROOT / "requirements.txt").read_text()
    constraints = venv.parent / "constraints.txt"
    constraints.write_text(re.sub(r"\[[\w,-]+\]", "", pins))
    return constraints


def _pip_install(python: Path, *requirements) -> None:
    run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
        + ["-c", _constraints(python.parent.parent), *requirements],
        timeout=900,
    )


def make_venv(workdir: Path, wheel: Path) -> Path:
    """A fresh virtual environment with the wheel and what it depends on, at
    the versions the example host pins."""
    venv = workdir / "venv"
    run([sys.executable, "-m", "venv", venv], timeout=120)
    python = venv / "bin" / "python"
    _pip_install(python, wheel)
    return python


def install_extra(python: Path, wheel: Path, extra: str) -> None:
    """The wheel's optional ``extra`` (its libraries) into the environment."""
    _pip_install(python, f"{wheel.name.split('-')[0]}[{extra}] @ {wheel.as_uri()}")


def cannot_import(python: Path, module: str) -> bool:
    probe = subprocess.run(
        [python, "-c", f"import {module}"],
        capture_output=True,
        timeout=60,
        env=host_env(),
    )
    return probe.returncode != 0


def make_host(
    workdir: Path, python: Path, settings: str, urls: str, home_tags: list[str]
) -> Path:
    """``wagtail start`` with the given lines appended to its settings and
    urls.py and the tags at the top of its home page's content, migrated."""
    host = workdir / "host"
    host.mkdir()
    run([python.parent / "wagtail", "start", HOST_NAME, host], timeout=120)
    for path, lines in (("settings/base.py", settings), ("urls.py", urls)):
        with (host / HOST_NAME / path).open("a") as file:
            file.write("\n\n" + lines)
    home_page = host / "home" / "templates" / "home" / "home_page.html"
    block = "{% block content %}"
    template = home_page.read_text()
    assert block in template
    home_page.write_text(template.replace(block, block + "\n".join(home_tags), 1))
    manage(python, host, "check", "--fail-level", "WARNING")
    manage(python, host, "migrate", "--no-input", timeout=600)
    return host


def manage(python: Path, host: Path, *args, timeout: int = 300) -> str:
    return run([python, "manage.py", *args], cwd=host, timeout=timeout)


def shell_json(python: Path, host: Path, script: Path) -> dict:
    """Runs ``script`` in the host's ``manage.py shell``; its last line of
    output is JSON."""
    out = manage(python, host, "shell", "-c", script.read_text())
    return json.loads(out.strip().splitlines()[-1])


# The server --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(python: Path, host: Path, log: Path):
    """The host's runserver on a free port of 127.0.0.1, up until the block
    ends. Yields its base URL."""
    port = free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [python, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=host,
            env=host_env(),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                urllib.request.urlopen(base + "/", timeout=5).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        print(f"[host] start the server: {time.monotonic() - started:.1f}s")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# The HTTP client ---------------------------------------------------------------


@dataclass
class Page:
    status: int
    url: str
    text: str

    def csrf_token(self) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.text)
        assert match, f"no CSRF token on {self.url}"
        return match.group(1)


class Browser:
    """Cookies kept, redirects followed (a post answered with a redirect is
    followed by a GET, as a browser does), every request bounded in time."""

    def __init__(self, base: str, log: Path):
        self.base = base
        self.log = log
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def get(self, path: str) -> Page:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict, *, page: Page) -> Page:
        """Posts ``data`` to ``path`` as the form on ``page`` would: with its
        CSRF token, and the page as referer."""
        fields = {"csrfmiddlewaretoken": page.csrf_token(), **data}
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": page.url}
        )
        return self._open(request)

    def _open(self, request) -> Page:
        try:
            with self.opener.open(request, timeout=30) as response:
                return Page(response.status, response.url, response.read().decode())
        except urllib.error.HTTPError as error:
            # A server error fails here, with the host's traceback from its log.
            assert error.code < 500, f"{error.code} at {error.url}\n{self.server_log()}"
            return Page(error.code, error.url, error.read().decode(errors="replace"))

    def server_log(self) -> str:
        return self.log.read_text()[-6000:]

    def path(self, url: str) -> str:
        return urllib.parse.urlsplit(url).path
