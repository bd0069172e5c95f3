"""The plugin as a wheel (issue 17): ``pip wheel .`` ships exactly the three
plugin apps, with every module, template, static file and catalogue they
have here, under the metadata a host's pip reads.

A host that installs the wheel gets nothing else from this repository: a
template or a room left out of the wheel is a TemplateDoesNotExist or an
ImportError on their site, not on ours.
"""

import email
import importlib.metadata
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[2]
PLUGIN_APPS = {"neighbourhood", "events", "welcome_pack"}

# Left out of the copy that is built: the virtual environment, git, caches,
# what an earlier build left behind, and the example host's runtime folders.
ROOT_ONLY = {".venv", ".git", ".run", "build", "dist", "media", "static", "staticfiles"}
ANYWHERE = {"__pycache__", ".pytest_cache", ".ruff_cache"}


def not_source(directory: str, names: list[str]) -> list[str]:
    skip = ANYWHERE | (ROOT_ONLY if Path(directory) == ROOT else set())
    return [n for n in names if n in skip or n.endswith((".egg-info", ".pyc"))]


def build_requirements_installed() -> bool:
    """Whether this environment has the build backend pyproject.toml asks for
    (bin/test installs it from requirements-dev.txt); if not, pip fetches it
    into an isolated build environment."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for line in pyproject["build-system"]["requires"]:
        requirement = Requirement(line)
        try:
            installed = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(installed, prereleases=True):
            return False
    return True


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel ``pip wheel . --no-deps`` builds. setuptools builds inside
    the source tree and keeps its build/ folder between builds (files deleted
    since included), so each run builds a fresh copy of the repository."""
    source = tmp_path_factory.mktemp("source") / "verbuurzamen"
    shutil.copytree(ROOT, source, ignore=not_source)
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps"]
    command += ["--disable-pip-version-check", "--quiet", "--wheel-dir", str(out)]
    if build_requirements_installed():
        command.append("--no-build-isolation")
    built = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    [path] = out.glob("*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


def dist_info(wheel: zipfile.ZipFile) -> str:
    top_level = {name.split("/")[0] for name in wheel.namelist()}
    [folder] = [name for name in top_level if name.endswith(".dist-info")]
    return folder


def files_to_ship() -> set[str]:
    """Every module, template, static file and catalogue of the three apps in
    the repository, as paths inside the wheel."""
    found = set()
    for app in PLUGIN_APPS:
        found |= {p for p in (ROOT / app).rglob("*.py") if "__pycache__" not in p.parts}
        for folder in ("templates", "static"):
            found |= {p for p in (ROOT / app / folder).rglob("*") if p.is_file()}
        for suffix in ("po", "mo"):
            found |= set((ROOT / app / "locale").rglob(f"*.{suffix}"))
    return {p.relative_to(ROOT).as_posix() for p in found}


def test_the_wheel_holds_exactly_the_three_plugin_packages(wheel):
    top_level = {name.split("/")[0] for name in wheel.namelist()}
    assert top_level - {dist_info(wheel)} == PLUGIN_APPS
    top_level_txt = wheel.read(f"{dist_info(wheel)}/top_level.txt").decode()
    assert set(top_level_txt.split()) == PLUGIN_APPS


def test_the_wheel_holds_every_module_template_static_file_and_catalogue(wheel):
    expected = files_to_ship()
    for kind in (".html", ".css", ".po", ".mo"):
        assert any(path.endswith(kind) for path in expected), kind
    missing = sorted(expected - set(wheel.namelist()))
    assert not missing, missing


def test_the_wheel_carries_the_eupl_and_the_supported_ranges(wheel):
    folder = dist_info(wheel)
    metadata = email.message_from_bytes(wheel.read(f"{folder}/METADATA"))
    assert metadata["Name"] == "wagtail-verbuurzamen"
    assert metadata["License-Expression"] == "EUPL-1.2"
    assert metadata["Requires-Python"] == ">=3.11"
    requires = {
        Requirement(line).name: Requirement(line).specifier
        for line in metadata.get_all("Requires-Dist")
    }
    assert requires["Django"] == SpecifierSet(">=5.2,<6")
    assert requires["wagtail"] == SpecifierSet(">=7.4,<8")
    licence = wheel.read(f"{folder}/licenses/LICENSE").decode()
    assert licence.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "15.Applicable Law" in licence


def test_allauth_comes_only_with_the_allauth_extra(wheel):
    """``pip install wagtail-verbuurzamen`` leaves allauth out;
    ``wagtail-verbuurzamen[allauth]`` brings it, with its two-factor login."""
    metadata = email.message_from_bytes(wheel.read(f"{dist_info(wheel)}/METADATA"))
    [allauth] = [
        requirement
        for requirement in map(Requirement, metadata.get_all("Requires-Dist"))
        if requirement.name == "django-allauth"
    ]
    assert metadata.get_all("Provides-Extra") == ["allauth"]
    assert allauth.extras == {"mfa"}
    assert allauth.marker.evaluate({"extra": "allauth"})
    assert not allauth.marker.evaluate({"extra": ""})
