"""Reading the tags in a page's head that a search engine or a shared link's
preview reads."""

from html.parser import HTMLParser


class _HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.icons = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, attrs.get("content", ""))
        elif tag == "link" and "icon" in (attrs.get("rel") or ""):
            self.icons.append(attrs["href"])


def head_tags(response) -> tuple[dict, list]:
    """The page's meta tags by name or property, and its icons' links."""
    parser = _HeadTags()
    parser.feed(response.content.decode())
    return parser.meta, parser.icons


def assert_shareable(response, *, title: str) -> dict:
    """The tags every public page has; returns them all."""
    assert response.status_code == 200
    meta, _icons = head_tags(response)
    assert meta["description"]
    assert meta["og:title"] == title
    assert meta["og:description"] == meta["description"]
    assert meta["og:url"].startswith(("http://", "https://"))
    assert meta["og:url"].endswith(response.wsgi_request.path)
    assert meta["twitter:card"] in ("summary", "summary_large_image")
    return meta
