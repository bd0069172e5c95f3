"""Two app servers behind one load balancer behave as one site: a login on
one holds on the other, a page published on one is fresh on the other, and
the public-form rate limit counts across both."""

import uuid

import pytest

from tests.reliability.stack.browser import Client, resident_values
from tests.reliability.stack.production import RATE_LIMIT

pytestmark = pytest.mark.reliability

ADMIN = ("admin@verbuurzamen.nl", "IJsselkade-Beheer-2026")  # home/demo/data/site.json
PASSWORD = "Buren-2026-test"


def log_in(client: Client, email: str, password: str) -> None:
    response = client.submit(
        "/account/login/", {"login": email, "password": password}, having="password"
    )
    assert response.status == 302, response.text[:2000]


def test_login_on_instance_a_holds_on_instance_b(stack):
    email = f"buur-{uuid.uuid4().hex[:8]}@example.org"
    stack.shell(
        "from allauth.account.models import EmailAddress\n"
        "from home.models import User\n"
        f"user = User.objects.create_user(email='{email}', password='{PASSWORD}')\n"
        f"EmailAddress.objects.create(user=user, email='{email}', verified=True, "
        "primary=True)\n"
    )
    a, b = stack.instances
    browser = Client(a)
    log_in(browser, email, PASSWORD)

    on_b = browser.with_base(b).get("/account/email/")
    stranger_on_b = Client(b).get("/account/email/")

    print(
        f"\nlogged in on A; /account/email/ on B: {on_b.status}, stranger: "
        f"{stranger_on_b.status} → {stranger_on_b.location}"
    )
    assert on_b.status == 200
    assert email in on_b.text
    assert stranger_on_b.status == 302
    assert "/account/login/" in stranger_on_b.location


def test_page_published_on_a_is_fresh_on_b(stack):
    path = stack.demo()["pages"][0]
    marker = f"Vernieuwd {uuid.uuid4().hex[:8]}"
    page_id = stack.shell(
        "from wagtail.models import Page\n"
        "from home.models import User\n"
        f"page = [p for p in Page.objects.live() if p.url == '{path}'][0].specific\n"
        f"page.title = '{marker}'\n"
        "page.save_revision(user=User.objects.get(email='admin@verbuurzamen.nl'))\n"
        "print(page.pk)\n"
    ).split()[-1]
    a, b = stack.instances
    visitor_b = Client(b)
    visitor_b.get(path)
    before = visitor_b.get(path)
    assert before.status == 200
    assert before.headers.get("X-Wagtail-Cache") == "hit", "B should serve it cached"
    assert marker not in before.text, "a draft is not public"

    editor = Client(a)
    log_in(editor, *ADMIN)
    published = editor.submit(
        f"/beheer/bulk/wagtailcore/page/publish/?id={page_id}",
        having="csrfmiddlewaretoken",
    )
    assert published.status == 302, published.text[:2000]

    after = visitor_b.get(path)
    print(
        f"\n{path} on B before publishing on A: "
        f"{before.headers.get('X-Wagtail-Cache')}; right after: {after.status}, "
        f"{after.headers.get('X-Wagtail-Cache')}, new title shown: "
        f"{marker in after.text}"
    )
    assert after.status == 200
    assert marker in after.text


def test_rate_limit_counts_posts_on_both_instances(stack):
    project = stack.demo()["buddy_projects"][0]
    a, b = stack.instances
    address = "203.0.113.50"
    statuses = []
    for number in range(RATE_LIMIT + 3):
        instance = a if number % 2 == 0 else b
        # A fresh browser each time, the same address: only the count in the
        # shared cache can tell it is the same resident.
        resident = Client(instance, address=address)
        response = resident.submit(
            project["url"], resident_values(postcode=project["postcode"])
        )
        statuses.append((instance[-5:], response.status))

    print(f"\nposts from one address alternating A/B (limit {RATE_LIMIT}): {statuses}")
    accepted = [status for _, status in statuses[:RATE_LIMIT]]
    refused = [status for _, status in statuses[RATE_LIMIT:]]
    assert accepted == [302] * RATE_LIMIT
    assert refused == [429] * 3
