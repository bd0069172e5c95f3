"""Cijfers: the figures coordinators report to the municipality, per WOP and
month, as a table, a bar chart per group and a CSV download.

Only for users with ``neighbourhood.view_figures`` (coordinators), and only
for the WOPs they coordinate: see ``figures_wops_for_user``.
"""

import csv
from datetime import date

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from neighbourhood.figures.charts import bar_chart
from neighbourhood.figures.forms import FiguresFilterForm
from neighbourhood.figures.registry import Report, figures_report
from neighbourhood.scoping.permissions import wops_for_user_with
from neighbourhood.submissions.spreadsheets import safe_cell

FIGURES_PERMISSION = "neighbourhood.view_figures"


def figures_wops_for_user(user):
    """The WOPs whose figures ``user`` may see: those where they hold
    ``view_figures`` (a coordinator of some WOPs sees only those)."""
    return wops_for_user_with(user, FIGURES_PERMISSION)


def _month_label(month: date) -> str:
    return date_format(month, "M Y")


def report_csv(report: Report, *, filename: str) -> HttpResponse:
    """The report's numbers as CSV: a row per WOP and measure, a column per
    month and the total. UTF-8 with a byte-order mark and semicolons, so
    Excel set to Dutch opens it with accents and columns intact."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            safe_cell(cell)
            for cell in (
                _("Wijk"),
                _("Onderdeel"),
                _("Wat"),
                *(month.strftime("%Y-%m") for month in report.months),
                _("Totaal"),
            )
        ]
    )
    for section in report.sections:
        for group in section.groups:
            for row in group.rows:
                writer.writerow(
                    [
                        safe_cell(cell)
                        for cell in (
                            section.title,
                            group.heading,
                            str(row.measure.label),
                            *row.values,
                            row.total,
                        )
                    ]
                )
    return response


def _may_see_figures(user) -> bool:
    return user.has_perm(FIGURES_PERMISSION)


class FiguresView(WagtailAdminTemplateMixin, TemplateView):
    """Cijfers: filter, charts, tables and the CSV download."""

    template_name = "neighbourhood/admin/figures.html"
    forbidden_template_name = "neighbourhood/admin/figures_forbidden.html"
    page_title = gettext_lazy("Cijfers voor de gemeente")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    @cached_property
    def wops(self) -> list:
        return list(figures_wops_for_user(self.request.user).order_by("title", "pk"))

    def get(self, request, *args, **kwargs):
        if not self.wops:
            # A 403 page of our own, not Wagtail's redirect to the dashboard:
            # it says why.
            return TemplateResponse(
                request,
                self.forbidden_template_name,
                super().get_context_data(),
                status=403,
            )
        form = FiguresFilterForm(request.GET or None, wops=self.wops)
        start_month, end_month = form.period()
        report = figures_report(
            wops=form.selected_wops(), start_month=start_month, end_month=end_month
        )
        if request.GET.get("format") == "csv" and not form.errors:
            return report_csv(report, filename=self._filename(report))
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def _filename(self, report: Report) -> str:
        who = report.wops[0].slug if len(report.wops) == 1 else "alle-wijken"
        first, last = report.months[0], report.months[-1]
        return slugify(f"cijfers-{who}-{first:%Y-%m}-{last:%Y-%m}") + ".csv"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report: Report = kwargs["report"]
        query = self.request.GET.copy()
        query["format"] = "csv"
        context.update(
            months=[_month_label(month) for month in report.months],
            period=_("%(first)s tot en met %(last)s")
            % {
                "first": date_format(report.months[0], "F Y"),
                "last": date_format(report.months[-1], "F Y"),
            },
            charts=[
                {
                    "heading": group.heading,
                    "slug": slugify(group.heading),
                    "chart": bar_chart(
                        months=report.months,
                        series=[
                            (str(row.measure.label), row.values) for row in group.rows
                        ],
                    ),
                }
                for group in report.overall.groups
            ],
            chart_subject=report.overall.title,
            csv_url="?" + query.urlencode(),
        )
        return context


class FiguresViewSet(ViewSet):
    name = "figures"
    url_prefix = "cijfers"
    icon = "table"
    menu_label = gettext_lazy("Cijfers")
    menu_order = 850
    add_to_admin_menu = True

    @cached_property
    def menu_item_class(self):
        def is_shown(_self, request):
            return _may_see_figures(request.user)

        return type("FiguresMenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_urlpatterns(self):
        return [path("", self.construct_view(FiguresView), name="index")]


figures_viewset = FiguresViewSet()
