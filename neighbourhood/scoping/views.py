"""The admin views for everything that belongs to a WOP, scoped once.

Wagtail's generic views fetch objects from ``model._default_manager`` and
check model permissions only. The views here start from
``model.objects.for_user(request.user)`` instead: the listing, its export and
filters, and every view of one object (edit, delete, inspect, history, usage,
copy), so another WOP's row is a 404 even by direct URL. The permission
policy's instance check is the second fence. ``viewsets.py`` puts them
together into the viewsets a WOP-owned model declares.
"""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import WagtailAdminTemplateMixin, history, usage
from wagtail.admin.views.generic.base import BaseObjectMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from neighbourhood.privacy.services import list_export_log
from neighbourhood.scoping.permissions import (
    queryset_for_user,
)
from neighbourhood.submissions.spreadsheets import SafeCsvExportMixin
from neighbourhood.submissions.status import TransitionNotAllowed
from neighbourhood.submissions.status_forms import StepForm


def _limit_choices(fields, user):
    """Cut every model choice among ``fields`` down to what ``user`` may see."""
    for field in fields:
        queryset = getattr(field, "queryset", None)
        if isinstance(queryset, QuerySet):
            field.queryset = queryset_for_user(queryset, user)


class WopOwnedFilterSet(WagtailFilterSet):
    """Filters on a WOP (or a WOP-owned row) offer only the user's."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        _limit_choices(self.filters.values(), getattr(request, "user", None))


class WopOwnedAdminForm(WagtailAdminModelForm):
    """Choices of WOPs (or WOP-owned rows) offer only the user's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_choices(self.fields.values(), self.for_user)


class WopScopedMixin:
    """Rows come from ``model.objects.for_user(request.user)``."""

    select_related = ()

    def get_scoped_queryset(self):
        queryset = self.model._default_manager.for_user(self.request.user)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset


class WopScopedObjectMixin(WopScopedMixin):
    """One object: 404 outside the user's WOPs, then the policy's instance check."""

    def check_object_permission(self, obj):
        actions = (
            [self.permission_required]
            if self.permission_required
            else self.any_permission_required
        )
        if (
            self.permission_policy is not None
            and actions
            and not self.permission_policy.user_has_any_permission_for_instance(
                self.request.user, actions, obj
            )
        ):
            raise PermissionDenied
        return obj

    def get_scoped_object(self, pk):
        return self.check_object_permission(
            get_object_or_404(self.get_scoped_queryset(), pk=pk)
        )


# Mixins for Wagtail's generic views and their snippet subclasses alike: each
# view of one object fetches it from the user's WOPs only.


class WopOwnedIndexMixin(SafeCsvExportMixin, WopScopedMixin):
    """The listing, its search, filters and exports."""

    base_filterset_class = WopOwnedFilterSet

    def get_base_queryset(self):
        return self.get_scoped_queryset()

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """The download, logged: who took which list of people, and when."""
        list_export_log(queryset=queryset, by=self.request.user)
        return super().as_spreadsheet(queryset, spreadsheet_format)


class WopOwnedCreateMixin:
    def check_instance_permission(self, instance):
        """The form offers only the user's WOPs; this is the second fence."""
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "add", instance
        ):
            raise PermissionDenied

    def save_instance(self):
        self.check_instance_permission(self.form.instance)
        return super().save_instance()


class WopOwnedEditMixin(WopScopedObjectMixin):
    def get_queryset(self):
        return self.get_scoped_queryset()

    def get_object(self, queryset=None):
        return self.check_object_permission(super().get_object(queryset))

    def save_instance(self):
        # The WOP may have been changed in the form.
        self.check_object_permission(self.form.instance)
        return super().save_instance()


class WopOwnedDeleteMixin(WopScopedObjectMixin):
    def get_queryset(self):
        return self.get_scoped_queryset()

    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return self.check_object_permission(super().get_object(queryset))


class WopOwnedInspectMixin(WopScopedObjectMixin):
    def get_object(self, queryset=None):
        return self.get_scoped_object(unquote(str(self.pk)))


class WopOwnedHistoryMixin(WopScopedObjectMixin):
    def get_base_object_queryset(self):
        return self.get_scoped_queryset()

    def get_object(self):
        return self.check_object_permission(super().get_object())


class WopOwnedUsageMixin(WopOwnedHistoryMixin):
    pass


class WopOwnedCopyMixin(WopScopedObjectMixin):
    def get_object(self, queryset=None):
        obj = get_object_or_404(
            self.get_scoped_queryset(),
            pk=unquote(str(self.kwargs[self.pk_url_kwarg])),
        )
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, ["change", "view"], obj
        ):
            raise PermissionDenied
        return obj


class WopOwnedChooserMixin:
    """Chooser views (list, search, chosen) offer and return the user's WOPs'
    rows only."""

    def get_object_list(self):
        return self.model_class._default_manager.for_user(self.request.user)

    def get_object(self, pk):
        return self.get_object_list().get(pk=pk)

    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=pks)


class WopOwnedIndexView(WopOwnedIndexMixin, generic.IndexView):
    pass


class WopOwnedCreateView(WopOwnedCreateMixin, generic.CreateView):
    pass


class WopOwnedEditView(WopOwnedEditMixin, generic.EditView):
    pass


class WopOwnedDeleteView(WopOwnedDeleteMixin, generic.DeleteView):
    pass


class WopOwnedInspectView(WopOwnedInspectMixin, generic.InspectView):
    pass


class WopOwnedHistoryView(WopOwnedHistoryMixin, history.HistoryView):
    pass


class WopOwnedUsageView(WopOwnedUsageMixin, usage.UsageView):
    pass


class WopOwnedCopyView(WopOwnedCopyMixin, generic.CopyView):
    pass


class WopOwnedQueueIndexView(WopOwnedIndexView):
    """A queue of things to handle (requests, claims): a row's title and its
    "Afhandelen" button open the row's handle page."""

    handle_url_name = None
    # The column that links to the handle page, and how it reads its value.
    title_field = "__str__"
    title_label = None
    title_accessor = None

    def _get_title_column(self, field_name, *args, **kwargs):
        column_class = self._get_title_column_class(TitleColumn)
        return column_class(
            self.title_field,
            label=self.title_label,
            accessor=self.title_accessor or self.title_field,
            sort_key=self.title_field,
            get_url=self.get_handle_url,
        )

    def get_handle_url(self, instance):
        return reverse(self.handle_url_name, args=[quote(instance.pk)])

    def get_list_more_buttons(self, instance):
        return [
            ListingButton(
                _("Afhandelen"),
                url=self.get_handle_url(instance),
                icon_name="tasks",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class WopOwnedHandleView(
    WopScopedObjectMixin,
    PermissionCheckedMixin,
    BaseObjectMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """Afhandelen: one row of a queue, with a form for each step it can take.

    A subclass sets ``model``, ``permission_policy``, ``template_name``, the
    kind's ``status_machine`` and the words of its step form (``on_label``,
    ``reason_label``, ``reason_help_text``), and implements
    ``take_step(data)``, which calls the service and returns the success
    message; the machine's refusals are shown as errors.
    """

    permission_required = "change"
    page_title = gettext_lazy("Afhandelen")
    header_icon = "tasks"
    index_url_name = None
    edit_url_name = None
    history_url_name = None
    status_machine = None
    on_label = ""
    reason_label = ""
    reason_help_text = ""

    def get_object(self):
        return self.check_object_permission(super().get_object())

    def get_index_label(self) -> str:
        return self.model._meta.verbose_name_plural.capitalize()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": self.get_index_label()},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    @cached_property
    def header_buttons(self):
        pk = quote(self.object.pk)
        return [
            HeaderButton(
                _("Gegevens wijzigen"),
                url=reverse(self.edit_url_name, args=[pk]),
                icon_name="edit",
            ),
            HeaderButton(
                _("Geschiedenis"),
                url=reverse(self.history_url_name, args=[pk]),
                icon_name="history",
            ),
        ]

    def get_step_form(self, data=None) -> StepForm:
        return StepForm(
            data,
            machine=self.status_machine,
            on_label=self.on_label,
            reason_label=self.reason_label,
            reason_help_text=self.reason_help_text,
        )

    def allowed_steps(self) -> set[str]:
        """The statuses this row may move to next."""
        return self.status_machine.allowed(self.object.status)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=form or self.get_step_form(), today=timezone.localdate())
        return context

    def take_step(self, data) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_step_form(request.POST)
        if not form.is_valid():
            messages.error(request, _("Deze stap bestaat niet."))
            return self.render_to_response(self.get_context_data(form=form))
        try:
            message = self.take_step(form.cleaned_data)
        except TransitionNotAllowed as refused:
            messages.error(request, str(refused))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, message)
        return redirect(request.path)
