"""What volunteers and coordinators read around the WOP review: the approve
button in the page's action menu, and one list of one's own pages in review
on the dashboard."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def street(wop):
    return factories.make_street(wop=wop, intro="Oude tekst.")


def _submit(client, page):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "streets": page.streets,
            "intro": "Nieuwe tekst.",
            "body": rich_text("<p></p>"),
            "contacts": inline_formset([]),
            "comments": inline_formset([]),
            "kitty_keeper": "",
            "go_live_at": "",
            "expire_at": "",
            "action-submit": "action-submit",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_reviewer_reads_approve_and_publish_once(client, wop, volunteer, street):
    client.force_login(volunteer)
    _submit(client, street)
    client.force_login(factories.make_wop_coordinator(wop, email="c@example.org"))

    page = _text(client.get(reverse("wagtailadmin_pages:edit", args=[street.pk])))

    assert "Goedkeuren en publiceren" in page
    assert "en publiceren en publiceren" not in page


def test_the_dashboard_lists_ones_own_pages_in_review_once(client, volunteer, street):
    client.force_login(volunteer)
    _submit(client, street)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Uw pagina’s ter controle" in dashboard
    assert "Jouw pagina’s en snippets in een workflow" not in dashboard
    assert "Jouw pagina's en snippets in een workflow" not in dashboard
