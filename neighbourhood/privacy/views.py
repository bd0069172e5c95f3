"""Persoonsgegevens: find, export and erase everything about one person.

Only for users with ``neighbourhood.manage_personal_data`` (coordinators),
within their WOPs. Every step is a POST, so the e-mail address or phone
number asked for never appears in a URL, an access log or a browser history;
every response is private and not cached.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseForbidden
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from neighbourhood.models import PersonalDataLog
from neighbourhood.privacy.forms import PersonSearchForm
from neighbourhood.privacy.records import (
    PERSONAL_DATA_PERMISSION,
    person_records_find,
    sees_every_wop,
)
from neighbourhood.privacy.services import (
    export_context,
    person_data_erase,
    person_data_export,
)


def may_manage_personal_data(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERSONAL_DATA_PERMISSION))


@method_decorator(never_cache, name="dispatch")
class PersonalDataView(WagtailAdminTemplateMixin, TemplateView):
    """What every step shares: the permission, the form, the records."""

    header_icon = "lock"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_personal_data(request.user):
            # A plain 403, not Wagtail's redirect to the dashboard: nothing
            # here is for anyone else, whatever they try.
            return HttpResponseForbidden(
                _("U heeft geen toegang tot persoonsgegevens.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("personal_data:search"), "label": _("Persoonsgegevens")},
            {"url": "", "label": self.get_page_title()},
        ]

    def find(self):
        """The bound form and, when it is valid, the person's records."""
        form = PersonSearchForm(self.request.POST)
        if not form.is_valid():
            return form, None
        return form, person_records_find(user=self.request.user, **form.lookup())

    def render_to_response(self, context, template_name=None, **kwargs):
        """As Django's, with another template when asked."""
        if template_name is None:
            return super().render_to_response(context, **kwargs)
        return self.response_class(
            request=self.request,
            template=[template_name],
            context=context,
            using=self.template_engine,
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["log_url"] = reverse("personal_data:log")
        return context


class PersonalDataSearchView(PersonalDataView):
    page_title = _("Persoonsgegevens")
    template_name = "neighbourhood/admin/personal_data_search.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=PersonSearchForm()))

    def post(self, request, *args, **kwargs):
        form, records = self.find()
        return self.render_to_response(
            self.get_context_data(form=form, records=records)
        )


class PersonalDataExportView(PersonalDataView):
    """A JSON file of everything about the person, to give them."""

    page_title = _("Persoonsgegevens")
    template_name = "neighbourhood/admin/personal_data_search.html"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form, records = self.find()
        if records is None or records.is_empty:
            return self.render_to_response(
                self.get_context_data(form=form, records=records)
            )
        return self.respond(person_data_export(records=records, by=request.user))

    def respond(self, export: dict):
        response = HttpResponse(
            json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        # The date only: the file name must not name the person.
        filename = f"persoonsgegevens-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class PersonalDataReadableView(PersonalDataExportView):
    """The same export as a page to read and print, for a person who cannot
    open a JSON file; found, allowed and logged as the JSON download."""

    def respond(self, export: dict):
        return TemplateResponse(
            self.request,
            "neighbourhood/admin/personal_data_readable.html",
            export_context(export),
        )


class PersonalDataEraseView(PersonalDataView):
    """First what will be erased, then, once confirmed, exactly that."""

    page_title = _("Persoonsgegevens wissen")
    template_name = "neighbourhood/admin/personal_data_erase_confirm.html"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form, records = self.find()
        if records is None or records.is_empty:
            return self.render_to_response(
                self.get_context_data(form=form, records=records),
                template_name="neighbourhood/admin/personal_data_search.html",
            )
        if "confirm" not in request.POST:
            return self.render_to_response(
                self.get_context_data(form=form, records=records)
            )
        # Only what the confirmation step showed, as far as it is still there.
        shown = records.only(request.POST.getlist("record"))
        if not shown.keys():
            return self.render_to_response(
                self.get_context_data(form=form, records=records)
            )
        records = shown
        summary = person_data_erase(records=records, by=request.user)
        return self.render_to_response(
            self.get_context_data(form=form, records=records, summary=summary),
            template_name="neighbourhood/admin/personal_data_erase_done.html",
        )


class PersonalDataLogView(PersonalDataView):
    """Who exported or erased whose data, and when. A coordinator of some
    WOPs sees their own rows; coordinators of every WOP see all."""

    page_title = _("Logboek persoonsgegevens")
    template_name = "neighbourhood/admin/personal_data_log.html"
    http_method_names = ["get"]
    rows_shown = 200

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = PersonalDataLog.objects.select_related("by")
        if not sees_every_wop(self.request.user):
            rows = rows.filter(by=self.request.user)
        context["rows"] = [
            (row, sum(record.get("count", 1) for record in row.records))
            for row in rows[: self.rows_shown]
        ]
        return context
