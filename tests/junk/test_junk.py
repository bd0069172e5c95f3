"""Generated junk on every query-string filter and in every form field of
every public page type never gives a server error: each value a page cannot
use gets a message, or is left out.

One small site per test (tests/junk/conftest.py); the examples pick a page
of it each, so the whole runs in well under a minute.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.junk._strategies import TRICKY, form_fields, junk_value

PAGES_WITH_FILTERS = [
    "wop",
    "street",
    "city calendar",
    "wop calendar",
    "month poster",
    "neighbourhood finder",
    "welcome pack finder",
]
PAGES_WITH_FORMS = [
    "buddy project",
    "city buddy project",
    "event",
    "card",
    "treat",
    "wave tile",
    "welcome pack",
]
# The tricks most likely to reach past a form's first checks.
FORM_TRICKS = ["9999-12-31", "99999999", "9" * 40, "1e309", "-1", "0", "\x00"]
FORM_TRICKS += ["a\x00b", "x" * 5000, "١٢", "<script>alert(1)</script>"]

bounded = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@bounded
@given(data=st.data())
def test_junk_on_the_query_string_gives_no_server_error(client, junk_site, data):
    name = data.draw(st.sampled_from(PAGES_WITH_FILTERS), label="page")
    url, filters, _post = junk_site[name]
    # What the page reads, and names it does not know.
    names = st.sampled_from([*filters, "q", "utm_source"])
    query = data.draw(st.dictionaries(names, junk_value, max_size=4), label="query")

    response = client.get(url, query)

    assert response.status_code < 500, (name, query)


@bounded
@given(data=st.data())
def test_junk_in_any_form_field_gives_no_server_error(client, junk_site, data):
    name = data.draw(st.sampled_from(PAGES_WITH_FORMS), label="page")
    url, _filters, valid = junk_site[name]
    fields = sorted(field for field in valid if field != "website")
    # A few answers junk, the rest as a resident fills them in: the junk
    # reaches every check behind the first.
    changes = data.draw(
        st.dictionaries(st.sampled_from(fields), junk_value, min_size=1, max_size=4),
        label="changes",
    )

    response = client.post(url, {**valid, **changes})

    assert response.status_code < 500, (name, changes)


def test_each_known_trick_on_every_filter_gives_no_server_error(client, junk_site):
    for name in PAGES_WITH_FILTERS:
        url, filters, _post = junk_site[name]
        for value in TRICKY:
            response = client.get(url, {name: value for name in filters})

            assert response.status_code < 500, (name, value)


def test_each_known_trick_in_every_form_field_gives_no_server_error(client, junk_site):
    for name in PAGES_WITH_FORMS:
        url, _filters, valid = junk_site[name]
        for value in FORM_TRICKS:
            junk = {field: value for field in valid if field != "website"}
            response = client.post(url, {**valid, **junk})

            assert response.status_code < 500, (name, value)


def test_the_junk_reaches_every_field_of_every_form(client, junk_site):
    """The valid sending names every field its page's form has, so a field
    added later gets junk too."""
    for name in PAGES_WITH_FORMS:
        url, _filters, valid = junk_site[name]

        assert form_fields(client.get(url).content.decode()) <= set(valid), name
