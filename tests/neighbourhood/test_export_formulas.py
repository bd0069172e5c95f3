"""Spreadsheet exports, found by walking the site's URLs as the URL matrix
does: every one writes what residents typed as text, never as a formula."""

import pytest
from django.urls import resolve, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log

from neighbourhood.submissions.spreadsheets import SafeCsvExportMixin
from tests.factories import make_action_request, make_wop_coordinator
from tests.neighbourhood._url_matrix import (
    CONVERTER,
    _answering,
    _patterns,
    _view_class,
)
from tests.neighbourhood.permission_matrix._checks import _body
from tests.neighbourhood.permission_matrix._world import (
    SECRET,
    world,  # noqa: F401 (a fixture, used by name)
)

pytestmark = pytest.mark.django_db


def test_every_spreadsheet_export_the_site_routes_is_formula_safe():
    """Each URL answered by a view that writes spreadsheets (with columns to
    write) is answered by one that writes CSV cells as text: a new export
    cannot slip in without ``SafeCsvExportMixin``."""
    unsafe = set()
    for pattern in _patterns():
        sample = CONVERTER.sub("1", pattern.route)
        if "(" in sample or "^.*" in sample:
            continue
        match = resolve("/" + sample.replace("^", ""))
        view_class, initkwargs = _view_class(_answering(match))
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        if not initkwargs.get("list_export", view_class.list_export):
            continue  # No columns: nothing to export.
        if not issubclass(view_class, SafeCsvExportMixin):
            unsafe.add(
                f"{pattern.route} ({view_class.__module__}.{view_class.__name__})"
            )

    assert not unsafe, "CSV exports that run formulas:\n" + "\n".join(sorted(unsafe))


FORMULA = "=cmd|' /C calc'!A0"


def test_a_residents_formula_is_text_in_the_site_history_export(client, world):  # noqa: F811
    own = world["A"]
    request = make_action_request(wop=own.wop, name=FORMULA)
    log(instance=request, action="wagtail.edit")
    client.force_login(make_wop_coordinator(own.wop, email="coordinator-a@example.org"))

    body = _body(
        client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
    )

    assert "'" + FORMULA in body
    assert "," + FORMULA not in body and "\n" + FORMULA not in body
    assert SECRET not in body
