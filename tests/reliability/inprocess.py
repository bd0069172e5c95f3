"""Helpers for the reliability tests that run inside the test process: many
residents at once, a browser that posts the real forms, a mail server on
loopback that can be slow, down or counted.

A plain module (not a conftest): the tests import what they use.
"""

import html
import re
import socket
import socketserver
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from http.cookiejar import CookieJar

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connection

# The live server listens with a backlog of 10; a burst of residents at once
# would be reset by the kernel before Django sees them. gunicorn, in
# production, listens with 2048.
WSGIServer.request_queue_size = 128


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL: SQLite has one writer at a time and no row locks, "
            "so nothing happens at the same moment. Run with "
            "DATABASE_URL=postgres://…"
        )


def at_once(jobs, *, timeout: float = 60) -> tuple[list, list]:
    """Run each job in its own thread, all released at the same moment by a
    barrier; return what they returned and what they raised."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [], []

    def run(job):
        try:
            barrier.wait(timeout=30)
            results.append(job())
        except Exception as error:  # inspected by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results, errors


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def free_port() -> int:
    """A loopback port nobody listens on (for a mail server that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# A browser ---------------------------------------------------------------------


@dataclass
class Response:
    status: int
    body: str
    location: str = ""

    @property
    def text(self) -> str:
        """The page as a resident reads it: no tags, single spaces."""
        without_tags = re.sub(r"<[^>]+>", " ", self.body)
        return " ".join(html.unescape(without_tags).split())


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One resident's browser against a live server: its own cookies, the
    CSRF token of the form it loaded, no JavaScript, redirects not followed."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirects()
        )

    def _open(self, request) -> Response:
        try:
            with self.opener.open(request, timeout=60) as reply:
                return Response(reply.status, reply.read().decode())
        except urllib.error.HTTPError as reply:
            return Response(
                reply.code, reply.read().decode(), reply.headers.get("Location", "")
            )

    def get(self, path: str) -> Response:
        return self._open(urllib.request.Request(self.base_url + path))

    def post(self, path: str, data: dict) -> Response:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            headers={"Referer": self.base_url + path},
        )
        return self._open(request)

    def load_form(self, path: str, data: dict) -> dict:
        """Open the page with the form and fill it in: ``data`` plus the CSRF
        token the page carries, as the browser would send it."""
        page = self.get(path)
        assert page.status == 200, page.status
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        assert token, "no CSRF token in the form"
        return {**data, "csrfmiddlewaretoken": token.group(1)}


# A mail server -------------------------------------------------------------------


@dataclass
class Delivered:
    recipients: list[str]
    data: bytes


@dataclass
class SmtpSink:
    """An SMTP server on loopback that keeps every message it accepted.

    ``hold_next()`` makes the next conversation wait at its DATA command, as a
    slow mail server does, until ``release()`` or until the sender goes away:
    a message is only counted once the server said it accepted it.
    """

    port: int = 0
    delivered: list[Delivered] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _hold: threading.Event = field(default_factory=threading.Event)
    held: threading.Event = field(default_factory=threading.Event)
    _release: threading.Event = field(default_factory=threading.Event)

    def start(self) -> "SmtpSink":
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                try:
                    sink._converse(self.rfile, self.wfile)
                except OSError:  # the sender went away (killed): nothing accepted
                    pass

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer(
            ("127.0.0.1", self.port), Handler
        )
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()

    def hold_next(self) -> None:
        self._release.clear()
        self.held.clear()
        self._hold.set()

    def release(self) -> None:
        self._release.set()

    def per_recipient(self) -> Counter:
        with self._lock:
            return Counter(
                address for message in self.delivered for address in message.recipients
            )

    def count(self) -> int:
        with self._lock:
            return len(self.delivered)

    def _converse(self, rfile, wfile) -> None:
        def reply(line: str) -> None:
            wfile.write(line.encode() + b"\r\n")
            wfile.flush()

        reply("220 sink ESMTP")
        recipients: list[str] = []
        while line := rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                reply("250 OK")
            elif verb == "DATA":
                if self._hold.is_set():
                    self._hold.clear()
                    self.held.set()
                    while not self._release.wait(0.1):
                        pass
                reply("354 go ahead")
                data = self._read_data(rfile)
                if data is None:
                    return
                reply("250 accepted")
                with self._lock:
                    self.delivered.append(Delivered(recipients, data))
            elif verb == "QUIT":
                reply("221 bye")
                return
            else:  # RSET, NOOP
                reply("250 OK")

    @staticmethod
    def _read_data(rfile) -> bytes | None:
        lines = []
        while line := rfile.readline():
            if line in (b".\r\n", b".\n"):
                return b"".join(lines)
            lines.append(line[1:] if line.startswith(b"..") else line)
        return None  # the sender went away before the end: not accepted


def wait_for(condition, *, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
