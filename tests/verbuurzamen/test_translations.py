"""The catalogues are complete, in step with the code, and compiled.

The issue's "done when": the English interface has no untranslated
resident-facing string. A new ``_("...")`` or ``{% translate %}`` without a
translation fails here, as does a catalogue whose ``.mo`` is older than its
``.po``.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["neighbourhood", "events", "welcome_pack", "home"]

# Each catalogue: where makemessages runs (its sources), where the catalogue
# lives and which languages it holds. The project catalogue is made from
# site/ and lives in LOCALE_PATHS at the root.
CATALOGUES = [(ROOT / app, ROOT / app / "locale", ["en"]) for app in APPS] + [
    (ROOT / "site", ROOT / "locale", ["en", "nl"])
]
IDS = [source.name for source, _, _ in CATALOGUES]


def po_files(locale_dir: Path, languages: list[str]) -> list[Path]:
    return [locale_dir / lang / "LC_MESSAGES" / "django.po" for lang in languages]


def entry_label(entry: polib.POEntry) -> str:
    return entry.msgid if len(entry.msgid) < 80 else entry.msgid[:77] + "..."


def problems(po: polib.POFile) -> list[str]:
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy: {entry_label(entry)}")
        elif not entry.translated():
            found.append(f"untranslated: {entry_label(entry)}")
    return found


@pytest.mark.parametrize(("source", "locale_dir", "languages"), CATALOGUES, ids=IDS)
def test_catalogue_has_no_empty_or_fuzzy_entry(source, locale_dir, languages):
    for path in po_files(locale_dir, languages):
        assert path.exists(), f"{path} is missing: run makemessages in {source}"
        assert problems(polib.pofile(str(path))) == [], path


@pytest.mark.parametrize(("source", "locale_dir", "languages"), CATALOGUES, ids=IDS)
def test_compiled_catalogue_matches_its_po(source, locale_dir, languages):
    for path in po_files(locale_dir, languages):
        mo_path = path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path} is missing: run compilemessages"
        expected = {
            (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
            for e in polib.pofile(str(path)).translated_entries()
        }
        compiled = {
            (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
            for e in polib.mofile(str(mo_path))
            if e.msgid
        }
        # polib reads plural forms from a .mo keyed by index as str or int.
        compiled = {
            key: {int(k): v for k, v in value.items()}
            if isinstance(value, dict)
            else value
            for key, value in compiled.items()
        }
        expected = {
            key: {int(k): v for k, v in value.items()}
            if isinstance(value, dict)
            else value
            for key, value in expected.items()
        }
        assert compiled == expected, f"{mo_path} is out of date: run compilemessages"


@pytest.mark.parametrize(("source", "locale_dir", "languages"), CATALOGUES, ids=IDS)
def test_catalogue_is_in_step_with_the_code(source, locale_dir, languages, tmp_path):
    """Run makemessages on a copy, then compare: every string in the code is
    in the catalogue, and nothing in the catalogue is gone from the code."""
    copy = tmp_path / source.name
    shutil.copytree(
        source,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static", "migrations"),
    )
    if locale_dir.parent != source:
        shutil.copytree(
            locale_dir, copy / "locale", ignore=shutil.ignore_patterns("*.mo")
        )
    committed = {
        path: polib.pofile(str(path)) for path in po_files(locale_dir, languages)
    }

    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}"}
    command = [sys.executable, str(ROOT / "manage.py"), "makemessages", "--no-location"]
    for language in languages:
        command += ["-l", language]
    subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True)

    for path, before in committed.items():
        after = polib.pofile(str(copy / "locale" / path.relative_to(locale_dir)))
        extracted = {(e.msgctxt, e.msgid) for e in after if not e.obsolete}
        listed = {(e.msgctxt, e.msgid) for e in before if not e.obsolete}
        missing = sorted(msgid for _, msgid in extracted - listed)
        gone = sorted(msgid for _, msgid in listed - extracted)
        assert (missing, gone) == ([], []), (
            f"{path} is not in step with the code: run makemessages in "
            f"{source.relative_to(ROOT)} and translate (missing, then gone)"
        )
