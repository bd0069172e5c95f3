"""Proof that the plugin works on someone else's Wagtail site (issue 17): the
wheel in a fresh virtual environment, a vanilla ``wagtail start`` site with
exactly the lines the README's install section gives, migrated, and then the
main journeys over HTTP against its own server. A line the README forgets, a
template or a path the example host happens to provide, shows up here.

Slow (a pip install and a migrate): marked ``host``, run by bin/test in a
phase of its own.
"""

import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.host import _host
from tests.verbuurzamen.test_package import ROOT

pytestmark = pytest.mark.host

# The README's settings and urls lines, as a host applies them: first
# without allauth (not even installed), then with its extra and its lines.
VARIANTS = {
    "without allauth": (_host.as_written, None),
    "with allauth": (_host.with_allauth, "allauth"),
}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    with _host.step("build the wheel"):
        return _host.build_wheel(tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="module")
def python(tmp_path_factory, wheel):
    workdir = tmp_path_factory.mktemp("env")
    with _host.step("fresh venv with the wheel"):
        python = _host.make_venv(workdir, wheel)
    yield python
    # A quarter of a gigabyte; pytest keeps its last three runs' folders.
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="module", params=VARIANTS.values(), ids=VARIANTS.keys())
def site(request, tmp_path_factory, python, wheel):
    """The host, set up and served: yields (Browser, what the setup made)."""
    workdir = tmp_path_factory.mktemp("host")
    readme = (ROOT / "README.md").read_text()
    lines, extra = request.param
    settings, urls = lines(_host.readme_install_blocks(readme))
    home_tags = _host.readme_home_page_tags(readme)
    if extra:
        with _host.step(f"the wheel's [{extra}] extra"):
            _host.install_extra(python, wheel, extra)
    else:
        assert _host.cannot_import(python, "allauth")
    with _host.step("wagtail start + README lines + check + migrate"):
        host = _host.make_host(workdir, python, settings, urls, home_tags)
    with _host.step("pages, WOPs, a volunteer + repair_wop_access"):
        made = _host.shell_json(python, host, Path(__file__).with_name("_content.py"))
        _host.manage(python, host, "repair_wop_access")
    log = workdir / "server.log"
    with _host.server(python, host, log) as base:
        yield _host.Browser(base, log), made


def visitor(site) -> _host.Browser:
    browser, _made = site
    return _host.Browser(browser.base, browser.log)


def fill_in(browser, path: str, answers: dict) -> _host.Page:
    form = browser.get(path)
    assert form.status == 200, form.text
    return browser.post(path, answers, page=form)


def test_the_finders_on_the_hosts_home_page_lead_to_the_wop_and_its_pack(site):
    _browser, made = site
    browser = visitor(site)

    home = browser.get("/")
    assert home.status == 200
    for finder in ("/wijk-zoeken/", "/welkomstpakket/"):
        assert f'action="{finder}"' in home.text
    wop = browser.get("/wijk-zoeken/?postcode=2906+AB")
    assert wop.status == 200
    assert browser.path(wop.url) == made["wop"]
    pack = browser.get("/welkomstpakket/?postcode=2906+AB")
    assert pack.status == 200
    assert browser.path(pack.url) == made["pack"]


def test_a_new_resident_claims_the_welcome_pack(site):
    _browser, made = site
    answers = {
        "name": "Patricia Jansen",
        "street": "Maasstraat",
        "house_number": "12",
        "house_number_addition": "",
        "postcode": "2906 ab",
        "moved_in_on": (timezone.localdate() - timedelta(days=30)).isoformat(),
        "household_size": "2",
        "preferred_language": "nl",
        "phone": "06-12345678",
        "email": "",
        "interests": ["buddy", "activities"],
        "consent": "on",
        "website": "",
    }

    thanks = fill_in(visitor(site), made["pack"], answers)

    assert thanks.status == 200
    assert thanks.url.endswith(made["pack"] + "bedankt/")
    assert made["thanks"]["claim"] in thanks.text


def test_a_resident_signs_up_for_a_buddy_project(site):
    _browser, made = site
    answers = {
        "role": "seeker",
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "postcode": "2906 ab",
        "contact_preference": "phone",
        "interests": ["chess"],
        "availability": ["mon_morning"],
        "languages": ["nl"],
        "consent": "on",
        "website": "",
    }

    thanks = fill_in(visitor(site), made["project"], answers)

    assert thanks.status == 200
    assert made["thanks"]["buddy"] in thanks.text


def test_a_resident_signs_up_for_an_activity(site):
    _browser, made = site
    answers = {
        "occurrence": made["occurrence"],
        "people": "1",
        "name": "Truus Jansen",
        "phone": "010-765 43 21",
        "consent": "on",
        "website": "",
    }

    thanks = fill_in(visitor(site), made["event"], answers)

    assert thanks.status == 200
    assert made["thanks"]["rsvp"] in thanks.text


def test_a_volunteer_handles_the_claim_in_the_admin_and_not_another_wops(site):
    browser, made = site
    claimed = fill_in(
        visitor(site),
        made["pack"],
        {
            "name": "Kees Verhuisd",
            "street": "Waalstraat",
            "house_number": "7",
            "postcode": "2906 ac",
            "moved_in_on": (timezone.localdate() - timedelta(days=5)).isoformat(),
            "household_size": "1",
            "preferred_language": "nl",
            "phone": "06-99998888",
            "consent": "on",
            "website": "",
        },
    )
    assert made["thanks"]["claim"] in claimed.text
    volunteer = visitor(site)
    login = volunteer.get("/admin/login/")
    credentials = made["volunteer"]
    signed_in = volunteer.post(
        browser.path(login.url),
        # Wagtail's login form names it username; allauth's, login.
        {
            "username": credentials["login"],
            "login": credentials["login"],
            "password": credentials["password"],
        },
        page=login,
    )
    assert signed_in.status == 200
    assert volunteer.path(signed_in.url) == "/admin/", signed_in.url

    queue = volunteer.get(made["claims"])
    assert queue.status == 200
    assert "Kees Verhuisd" in queue.text
    assert made["other_claim"]["name"] not in queue.text
    pattern = re.escape(made["handle"]).replace(re.escape("{pk}"), r"(\d+)")
    pks = set(re.findall(pattern, queue.text))
    assert pks, queue.text
    handle = made["handle"].format(pk=max(pks, key=int))
    form = volunteer.get(handle)
    assert form.status == 200
    assert "Kees Verhuisd" in form.text
    step = f'name="to" value="{made["step"]["to"]}"'
    assert step in form.text
    handled = volunteer.post(handle, {"to": made["step"]["to"]}, page=form)
    assert handled.status == 200
    after = volunteer.get(handle).text
    assert re.search(r"<dd>\s*" + re.escape(made["step"]["label"]), after), after
    assert step not in after

    for url in made["other_claim"]["urls"]:
        refused = volunteer.get(url)
        assert made["other_claim"]["name"] not in refused.text, url
        assert refused.status in (403, 404) or volunteer.path(refused.url) != url
