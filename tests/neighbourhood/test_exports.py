"""Admin exports: what residents typed never runs as a spreadsheet formula,
and an export holds only the user's WOPs' rows."""

import csv
import io

import pytest
from django.urls import reverse

from neighbourhood.actions.viewsets import action_request_viewset
from neighbourhood.buddies.viewsets import buddy_signup_viewset
from tests.factories import make_action_request, make_buddy_signup

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://kwaadwillig.example","Klik")'


def _csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_a_name_that_looks_like_a_formula_is_exported_as_text(
    client, volunteer, buddy_project
):
    make_buddy_signup(project=buddy_project, name=FORMULA, email="+31@example.org")
    client.force_login(volunteer)

    response = client.get(
        reverse(buddy_signup_viewset.get_url_name("index")), {"export": "csv"}
    )

    rows = _csv_rows(response)
    names = [row[0] for row in rows[1:]]
    assert names == ["'" + FORMULA]
    assert "'+31@example.org" in rows[1]


def test_an_ordinary_name_is_exported_unchanged(client, volunteer, buddy_project):
    make_buddy_signup(project=buddy_project, name="Hans de Vries")
    client.force_login(volunteer)

    response = client.get(
        reverse(buddy_signup_viewset.get_url_name("index")), {"export": "csv"}
    )

    assert [row[0] for row in _csv_rows(response)[1:]] == ["Hans de Vries"]


def test_action_requests_export_what_and_where(client, volunteer, wop, other_wop):
    make_action_request(wop=wop, name="Zeynep Yilmaz")
    make_action_request(wop=other_wop, name="Truus Jansen", recipient_street="Elders")
    client.force_login(volunteer)

    response = client.get(
        reverse(action_request_viewset.get_url_name("index")), {"export": "csv"}
    )

    header, *rows = _csv_rows(response)
    assert "Wat" in header and "Straat" in header
    assert len(rows) == 1
    assert "Bedankt!" in rows[0]
    assert "Maasstraat 12" in rows[0]


def test_downloading_a_list_is_logged_with_who_and_how_many(
    client, volunteer, buddy_project
):
    from neighbourhood.models import PersonalDataLog

    make_buddy_signup(project=buddy_project, name="Hans de Vries")
    make_buddy_signup(project=buddy_project, name="Truus Jansen")
    client.force_login(volunteer)

    client.get(reverse(buddy_signup_viewset.get_url_name("index")), {"export": "xlsx"})

    entry = PersonalDataLog.objects.get()
    assert entry.action == PersonalDataLog.Action.EXPORT
    assert entry.by == volunteer
    assert entry.subject_hint == "Lijst: aanmeldingen maatjesprojecten (2)"
    assert "Hans" not in str(entry.records)


# Every start a spreadsheet reads as a formula, through the volunteers' exports.
# Spelled out, not taken from the code: one dropped there must fail here.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_BODY = 'HYPERLINK("http://kwaadwillig.example","Klik")'


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_buddy_signup_export_writes_every_formula_start_as_text(
    client, volunteer, buddy_project, start
):
    make_buddy_signup(project=buddy_project, name=start + FORMULA_BODY)
    client.force_login(volunteer)

    response = client.get(
        reverse(buddy_signup_viewset.get_url_name("index")), {"export": "csv"}
    )

    assert [row[0] for row in _csv_rows(response)[1:]] == ["'" + start + FORMULA_BODY]


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_action_request_export_writes_every_formula_start_as_text(
    client, volunteer, wop, start
):
    make_action_request(
        wop=wop, recipient_street=start + FORMULA_BODY, recipient_house_number=""
    )
    client.force_login(volunteer)

    response = client.get(
        reverse(action_request_viewset.get_url_name("index")), {"export": "csv"}
    )

    header, row = _csv_rows(response)
    assert row[header.index("Straat")] == "'" + start + FORMULA_BODY
