"""The plugin's pages inside any host (issue 17): they extend the base template
the host names in VERBUURZAMEN_BASE_TEMPLATE, or the minimal one the plugin
ships, and need nothing from the host's own templates or static files."""

import copy
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

from tests import factories

ROOT = Path(__file__).resolve().parents[2]
PLUGIN_APPS = ("neighbourhood", "events", "welcome_pack")

# A host's own base: its header, its title suffix, and the blocks the
# plugin's pages fill.
HOST_BASE = """<!DOCTYPE html>
<html lang="nl">
    <head>
        <title>{% block title %}{{ page.title }}{% endblock %} – Testdorp</title>
        {% block extra_head %}{% endblock %}
    </head>
    <body>
        <header data-host="gemeente-testdorp">Gemeente Testdorp</header>
        <main>{% block content %}{% endblock %}</main>
    </body>
</html>
"""


def stylesheets(content: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', content)


def withdraw_url(signup) -> str:
    return reverse("neighbourhood:withdraw", args=[signup.token])


@pytest.fixture
def template_dirs(settings):
    """Sets the project's template folders (the example host's site/templates
    among them today), leaving the apps' own."""

    def set_dirs(*dirs):
        templates = copy.deepcopy(settings.TEMPLATES)
        templates[0]["DIRS"] = list(dirs)
        settings.TEMPLATES = templates

    return set_dirs


@pytest.fixture
def host_base(settings, template_dirs, tmp_path):
    """A host with a base template of its own, and none of the example host's."""
    (tmp_path / "gemeente_base.html").write_text(HOST_BASE)
    template_dirs(tmp_path)
    settings.VERBUURZAMEN_BASE_TEMPLATE = "gemeente_base.html"


@pytest.fixture
def no_host_base(settings, template_dirs):
    """A host that names no base template and has no templates of its own."""
    del settings.VERBUURZAMEN_BASE_TEMPLATE
    template_dirs()


def test_a_wop_page_renders_inside_the_hosts_base_template(client, wop, host_base):
    response = client.get(wop.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert '<header data-host="gemeente-testdorp">' in content
    assert "<title>Schollevaar – Testdorp</title>" in content
    assert "<h1>Schollevaar</h1>" in content
    # Not the example host's chrome, nor the plugin's own base.
    assert "site-header" not in content
    assert 'class="skip-link"' not in content


def test_the_withdraw_page_fills_the_hosts_head_and_content(
    client, buddy_project, host_base
):
    signup = factories.make_buddy_signup(project=buddy_project)

    response = client.get(withdraw_url(signup))

    content = response.content.decode()
    assert '<header data-host="gemeente-testdorp">' in content
    assert "<title>Aanmelding intrekken – Testdorp</title>" in content
    head = content.split("</head>")[0]
    assert '<meta name="robots" content="noindex, nofollow">' in head
    assert "Wilt u uw aanmelding intrekken?" in content


def test_without_a_host_base_a_wop_page_renders_in_the_plugins_own(
    client, wop, no_host_base
):
    response = client.get(wop.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert "<title>Schollevaar" in content
    assert '<a class="skip-link" href="#inhoud">Naar de inhoud</a>' in content
    assert '<main id="inhoud"' in content
    assert "<h1>Schollevaar</h1>" in content
    assert "site-header" not in content
    assert "site-footer" not in content


def test_the_plugins_own_base_links_the_plugins_stylesheet(client, wop, no_host_base):
    content = client.get(wop.url).content.decode()

    assert stylesheets(content) == [static("neighbourhood/css/verbuurzamen.css")]
    stylesheet = client.get(static("neighbourhood/css/verbuurzamen.css"))
    assert stylesheet.status_code == 200
    css = b"".join(stylesheet.streaming_content).decode()
    # What the page and its forms are built from is styled there.
    for rule in (".skip-link {", ".site-main {", ".container {", ".field {"):
        assert rule in css


def test_the_withdraw_page_renders_without_a_host_base(
    client, buddy_project, no_host_base
):
    signup = factories.make_buddy_signup(project=buddy_project)

    content = client.get(withdraw_url(signup)).content.decode()

    head = content.split("</head>")[0]
    assert '<meta name="robots" content="noindex, nofollow">' in head
    assert "Wilt u uw aanmelding intrekken?" in content


def test_the_example_host_shows_plugin_pages_in_its_own_layout(client, wop):
    content = client.get(wop.url).content.decode()

    assert 'class="site-header"' in content
    assert 'class="site-footer"' in content
    # Its own chrome's style comes after the plugin's, so it may build on it.
    assert stylesheets(content) == [
        static("neighbourhood/css/verbuurzamen.css"),
        static("css/site.css"),
    ]
    assert finders.find("css/site.css")


def test_plugin_templates_extend_and_include_only_plugin_or_wagtail_templates():
    """A name from outside (the example host's "base.html" or "includes/…")
    would be a TemplateDoesNotExist in a host that lacks it."""
    tag = re.compile(r"""\{%\s*(?:extends|include)\s+["']([^"']+)["']""")
    allowed = tuple(f"{app}/" for app in PLUGIN_APPS) + ("wagtailadmin/",)
    outside = []
    for app in PLUGIN_APPS:
        for path in (ROOT / app / "templates").rglob("*.html"):
            for name in tag.findall(path.read_text()):
                if not name.startswith(allowed):
                    outside.append(f"{path.relative_to(ROOT)}: {name}")
    assert outside == []
