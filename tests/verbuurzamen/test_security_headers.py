"""The Content-Security-Policy: strict with a nonce on public pages, also when
they come from the page cache; looser for Wagtail's admin; error pages keep
their style. (HSTS and the other production headers: test_production.py.)"""

import re

from django.http import HttpResponse
from django.test import Client
from django.urls import include, path

CSP = "Content-Security-Policy"


def boom(request) -> HttpResponse:
    raise RuntimeError("a bug")


# The project's URLs plus one view that fails, for the server error page.
urlpatterns = [
    path("test-fout/", boom),
    path("", include("verbuurzamen.urls")),
]


def directives(response) -> dict[str, list[str]]:
    policy = response[CSP]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part)
    }


def header_nonce(response) -> str:
    match = re.search(r"'nonce-([^']+)'", directives(response)["script-src"][-1])
    assert match, f"no nonce in {response[CSP]}"
    return match.group(1)


def page_nonces(response) -> set[str]:
    return set(re.findall(r'nonce="([^"]*)"', response.content.decode()))


def test_public_page_allows_only_own_files_and_its_nonce(client, home):
    response = client.get(home.url)

    assert response.status_code == 200
    policy = directives(response)
    nonce = header_nonce(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert policy["style-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in response[CSP]
    assert page_nonces(response) == {nonce}


def test_cached_page_gives_each_visitor_their_own_nonce(page_cache, home):
    first = Client().get(home.url)
    second = Client().get(home.url)

    assert second["X-Wagtail-Cache"] == "hit"
    first_nonce, second_nonce = header_nonce(first), header_nonce(second)
    assert first_nonce != second_nonce
    assert page_nonces(first) == {first_nonce}
    assert page_nonces(second) == {second_nonce}
    assert "placeholder" not in second.content.decode()


def test_account_pages_get_the_public_policy(client, db):
    response = client.get("/account/login/")

    assert response.status_code == 200
    assert "'unsafe-inline'" not in response[CSP]
    assert page_nonces(response) == {header_nonce(response)}


def test_admin_gets_its_own_looser_policy_without_a_nonce(admin_client, home):
    dashboard = admin_client.get("/beheer/")
    editor = admin_client.get(f"/beheer/pages/{home.pk}/edit/")

    assert dashboard.status_code == 200
    assert editor.status_code == 200
    for response in (dashboard, editor):
        policy = directives(response)
        # Wagtail's own inline scripts run; browsers would ignore
        # 'unsafe-inline' next to a nonce.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert "'self'" in policy["frame-src"]  # the preview panel
        assert "nonce-" not in response[CSP]


def test_printable_pack_prints_with_a_script_file_and_stays_public(client, wop):
    from tests import factories

    pack = factories.make_welcome_pack(wop=wop)

    response = client.get(pack.url + "folder/")

    assert response.status_code == 200
    content = response.content.decode()
    # An onclick attribute would not run under the policy; the button is
    # wired by a script file, and the page keeps no inline code at all.
    assert "onclick" not in content
    assert "neighbourhood/js/print.js" in content
    assert "<style" not in content
    assert "'unsafe-inline'" not in response[CSP]
    assert "public" in response["Cache-Control"]


def test_server_error_page_keeps_its_inline_style(settings, db):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)

    response = client.get("/test-fout/")

    assert response.status_code == 500
    assert "<style>" in response.content.decode()
    style_src = directives(response)["style-src"]
    assert style_src == ["'self'", "'unsafe-inline'"]
