"""The ``Counter`` that grows a page's items and counts the queries of its GET,
and what a page shows of what was added (``_counting``)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def _counting(*markers):
    """What a page shows of what was added: for each marker, how often it
    occurs in the page's HTML."""
    return lambda html: {marker: html.count(marker) for marker in markers}


class Counter:
    """Adds numbered items through ``add(start, count)`` and counts the queries
    of a GET of ``url`` (by ``client``, anonymous unless logged in).

    ``shown(html)`` (public pages) says how much of what was added the page
    shows, as ``{what: amount}``; each amount must be larger at 100 items
    than at 10."""

    def __init__(self, client, url, add, shown=None):
        self.client, self.url, self.add_items, self.added = client, url, add, 0
        self.shown = shown

    def grow_to(self, total):
        self.add_items(self.added, total - self.added)
        self.added = total

    def queries(self):
        first = self.client.get(self.url)
        assert first.status_code == 200, self.url
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(self.url)
        assert response.status_code == 200
        return len(captured), response.content.decode()
