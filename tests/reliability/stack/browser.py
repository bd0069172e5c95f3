"""A resident's browser for the reliability tests: a ``Client`` that keeps
its cookies and an address of its own, the ``Form`` it fills in, and fresh
residents' answers to the public forms."""

from __future__ import annotations

import http.client
import itertools
import time
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

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
