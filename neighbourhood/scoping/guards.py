"""Wagtail admin views that would show another WOP's data, scoped.

Wagtail offers no hook for these, so these subclasses answer in place of
Wagtail's own, found by their URL names
(``neighbourhood.scoping.middleware``; tests/neighbourhood/test_url_matrix.py
tries every path):

- the page chooser's "chosen multiple" step returns the title of any page id
  it is given, another WOP's draft included;
- the site history report lists every log entry of a model the user has any
  permission on, and a submission's log entry is labelled with the resident's
  name, whichever WOP they belong to; its "User" filter offers everyone who
  ever made a page log entry, another WOP's volunteers included;
- the workflows report's "Requested by" filter offers everyone who ever
  submitted anything for review, in any WOP;
- the page workflow views (a review action, its form, the preview of the
  revision in review, the "cancel the review?" question) load any page id
  they are given, and one that is not in review is named, by its draft
  title, in an error message before any permission is checked;
- the "move page" confirmation names any page id it is given by its draft
  title ("Verplaats …") and checks no permission before it does;
- the page types usage report counts every page in the city and names the
  last edited one, another WOP's draft included;
- every report export writes CSV cells as typed, so a resident's name that
  starts with ``=`` runs as a formula in a spreadsheet
  (``neighbourhood.submissions.spreadsheets``);
- the page explorer's "Owner" and "Edited by" filters, and the locked pages
  report's "Locked by" filter, offer everyone who ever owned, edited or
  locked any page, another WOP's volunteers included;
- two views answer a server error to any admin user: Wagtail's "failwhale"
  (an error on purpose, to test error reports) and the external link
  chooser, posted without its URL field.

All answer from the rules of ``neighbourhood.scoping.visibility``: only the
plugin's pages and the WOPs' records are narrowed, the host's own pages
shown as Wagtail does; safe cells and the two errors hold for everyone.
"""

import django_filters
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views import View
from wagtail.admin.filters import MultipleUserFilter
from wagtail.admin.forms.choosers import (
    ExternalLinkChooserForm,
    URLOrAbsolutePathField,
)
from wagtail.admin.views.chooser import ChosenMultipleView, ExternalLinkView
from wagtail.admin.views.home import error_test
from wagtail.admin.views.pages import move as page_move
from wagtail.admin.views.pages import workflow as page_workflow
from wagtail.admin.views.pages.listing import (
    EditedByFilter,
    GenericPageFilterSet,
    PageFilterSet,
)
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.admin.views.reports.locked_pages import (
    LockedPagesReportFilterSet,
    LockedPagesView,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
    get_editable_content_type_ids,
    get_editable_page_ids_query,
)
from wagtail.admin.viewsets.pages import base_page_viewset
from wagtail.contrib.redirects.views import IndexView as RedirectIndexView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import (
    ModelLogEntry,
    Page,
    PageLogEntry,
    WorkflowState,
    get_default_page_content_type,
)

from neighbourhood.models import WopOwned
from neighbourhood.scoping.visibility import (
    page_visible_to,
    pages_people_named,
    pages_visible_to,
    plugin_pages,
)
from neighbourhood.submissions.spreadsheets import SafeCsvExportMixin


class ScopedChosenMultipleView(ChosenMultipleView):
    """Not found unless the user may see every chosen page
    (``pages_visible_to``), as the chooser's other steps."""

    def get(self, request):
        try:
            wanted = {int(pk) for pk in request.GET.getlist("id")}
        except ValueError as not_an_id:
            raise Http404 from not_an_id
        visible = pages_visible_to(request.user, Page.objects.filter(pk__in=wanted))
        if set(visible.values_list("pk", flat=True)) != wanted:
            raise Http404
        return super().get(request)


def _log_entries_scope(user) -> Q:
    """Log entries of WOP-owned records: only those of ``user``'s WOPs."""
    scope = Q()
    for model in apps.get_models():
        if not issubclass(model, WopOwned):
            continue
        visible = (
            model._default_manager.for_user(user)
            .annotate(pk_text=Cast("pk", CharField()))
            .values("pk_text")
        )
        scope &= ~Q(content_type=ContentType.objects.get_for_model(model)) | Q(
            object_id__in=visible
        )
    return scope


def _log_entries_for_user(queryset, user):
    """``queryset`` of one log model without other WOPs' records."""
    if queryset.model is ModelLogEntry and not user.is_superuser:
        return queryset.filter(_log_entries_scope(user))
    return queryset


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """The "User" filter offers only who made the entries the user sees."""

    def get_users_queryset(self):
        user = self.request.user
        user_ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            entries = log_model.objects.viewable_by_user(user)
            user_ids.update(_log_entries_for_user(entries, user).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)


class ScopedLogEntriesView(SafeCsvExportMixin, LogEntriesView):
    """The site history without other WOPs' records: each log model's entries
    pass ``filter_queryset`` one by one, so that is where they are scoped."""

    filterset_class = ScopedSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        return _log_entries_for_user(
            super().filter_queryset(queryset), self.request.user
        )


def _requested_by_visible(request):
    """Who submitted the reviews ``request.user`` sees in the workflows
    report: those of the plugin's pages they may edit (as ``WorkflowView``),
    and, as Wagtail, everyone who submitted anything else."""
    states = WorkflowState.objects.filter(
        ~plugin_pages()
        | Q(
            base_content_type_id=get_default_page_content_type().id,
            object_id__in=get_editable_page_ids_query(request),
        )
        | Q(content_type_id__in=get_editable_content_type_ids(request))
    )
    User = get_user_model()
    return User.objects.filter(pk__in=states.values("requested_by")).order_by(
        User.USERNAME_FIELD
    )


class ScopedWorkflowReportFilterSet(WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(
        field_name="requested_by", queryset=_requested_by_visible
    )


class ScopedWorkflowView(SafeCsvExportMixin, WorkflowView):
    """The workflows report, its "Requested by" filter within the user's
    pages."""

    filterset_class = ScopedWorkflowReportFilterSet


class PageVisibleMixin:
    """Refused, as Wagtail refuses a review action the user may not take,
    unless the user may see the page (``page_visible_to``): before Wagtail's
    view says anything about it."""

    def may_open(self, request) -> bool:
        return page_visible_to(request.user, self.object)

    def dispatch(self, request, *args, **kwargs):
        if not self.may_open(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReviewActionMixin(PageVisibleMixin):
    """A review action on a page in review goes on to the task, which decides
    and says why it refuses (``WopReviewTask``); on a page the user may not
    see that is not in review, Wagtail's "not awaiting moderation" would name
    it by its draft title."""

    def may_open(self, request) -> bool:
        return self.object.workflow_in_progress or super().may_open(request)


class ScopedWorkflowAction(ReviewActionMixin, page_workflow.WorkflowAction):
    pass


class ScopedCollectWorkflowActionData(
    ReviewActionMixin, page_workflow.CollectWorkflowActionData
):
    pass


class ScopedConfirmWorkflowCancellation(
    PageVisibleMixin, page_workflow.ConfirmWorkflowCancellation
):
    pass


class ScopedPreviewRevisionForTask(
    PageVisibleMixin, page_workflow.PreviewRevisionForTask
):
    pass


class ScopedMoveConfirm(View):
    """Wagtail's move confirmation (a function view, so wrapped rather than
    subclassed), only for a page the user may move to a destination they may
    see: otherwise refused before the page is named."""

    def dispatch(self, request, page_to_move_id, destination_id):
        page = get_object_or_404(Page, id=page_to_move_id)
        destination = get_object_or_404(Page, id=destination_id)
        if not (
            page_visible_to(request.user, destination)
            and page.permissions_for_user(request.user).can_move_to(destination)
        ):
            raise PermissionDenied
        return page_move.move_confirm(request, page_to_move_id, destination_id)


class ScopedPageTypesUsageReportView(SafeCsvExportMixin, PageTypesUsageReportView):
    """Page types usage, counted among the pages the user may see
    (``pages_visible_to``): the last edited page is one of those, never
    another WOP's draft."""

    def get_queryset(self):
        queryset = super().get_queryset()
        # Wagtail's own counts and last edited page cover every page: both
        # are computed again over the visible pages only.
        visible = pages_visible_to(self.request.user, Page.objects.all())
        language_code = self.filters.form.cleaned_data.get("page_locale")
        if language_code:
            visible = visible.filter(locale__language_code=language_code)
        site_root_path = self.filters.form.cleaned_data.get("site")
        if site_root_path:
            visible = visible.filter(path__startswith=site_root_path)
        of_type = visible.filter(content_type=OuterRef("pk"))
        counted = (
            of_type.order_by()
            .values("content_type")
            .annotate(total=Count("pk"))
            .values("total")
        )
        latest = of_type.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(
            count=Coalesce(Subquery(counted, output_field=IntegerField()), 0),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


# The other reports and listings that offer a spreadsheet: only the CSV cells
# change (Wagtail already scopes their rows by page permission).
class SafeWorkflowTasksView(SafeCsvExportMixin, WorkflowTasksView):
    pass


class SafeAgingPagesView(SafeCsvExportMixin, AgingPagesView):
    pass


def _users(ids):
    User = get_user_model()
    return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


def _lockers_visible(request):
    """Who locked the pages ``request.user`` works on, or the host's."""
    return _users(pages_people_named(request.user).values("locked_by"))


class ScopedLockedPagesFilterSet(LockedPagesReportFilterSet):
    locked_by = django_filters.ModelChoiceFilter(
        field_name="locked_by",
        queryset=_lockers_visible,
        label=LockedPagesReportFilterSet.base_filters["locked_by"].label,
    )


class SafeLockedPagesView(SafeCsvExportMixin, LockedPagesView):
    """The locked pages report, its "Locked by" filter within the user's
    pages."""

    filterset_class = ScopedLockedPagesFilterSet


def _owners_visible(request):
    """Who owns the pages ``request.user`` works on, or the host's."""
    return _users(pages_people_named(request.user).values("owner"))


def _editors_visible(request):
    """Who edited the pages ``request.user`` works on, or the host's."""
    edits = PageLogEntry.objects.filter(
        action="wagtail.edit", page__in=pages_people_named(request.user).values("pk")
    )
    return _users(edits.values("user"))


class ScopedGenericPageFilterSet(GenericPageFilterSet):
    """The explorer's user filters, within the pages the user works on."""

    owner = MultipleUserFilter(
        label=PageFilterSet.base_filters["owner"].label,
        queryset=_owners_visible,
        widget=PageFilterSet.base_filters["owner"].extra["widget"],
    )
    edited_by = EditedByFilter(
        label=PageFilterSet.base_filters["edited_by"].label,
        queryset=_editors_visible,
        widget=PageFilterSet.base_filters["edited_by"].extra["widget"],
    )


def explorer_view(name, **kwargs):
    """Wagtail's page listing ``name`` (``index`` or ``content_type_use``),
    built as its page viewset builds it (the project registers no page
    viewset of its own), with the scoped filters."""
    view_class = {
        "index": base_page_viewset.index_view_class,
        "content_type_use": base_page_viewset.content_type_use_view_class,
    }[name]
    view_kwargs = {
        **base_page_viewset.get_index_view_kwargs(),
        "filterset_class": ScopedGenericPageFilterSet,
        **kwargs,
    }
    return base_page_viewset.construct_view(view_class, **view_kwargs)


class SafeRedirectIndexView(SafeCsvExportMixin, RedirectIndexView):
    pass


class ErrorTestForSuperusers(View):
    """Wagtail's error on purpose (``wagtailadmin_error_test``), for
    superusers testing error reports only: not found for anyone else."""

    def dispatch(self, request):
        if not request.user.is_superuser:
            raise Http404
        return error_test(request)


class _PresentURLField(URLOrAbsolutePathField):
    """A missing URL is an empty one ("required"), not a server error."""

    def to_python(self, value):
        return super().to_python(value or "")


class _ExternalLinkForm(ExternalLinkChooserForm):
    url = _PresentURLField(
        required=True, label=ExternalLinkChooserForm.base_fields["url"].label
    )


class CompleteExternalLinkView(ExternalLinkView):
    """The external link chooser: a form posted without its URL field is
    shown again with "required", as one with an empty URL."""

    form_class = _ExternalLinkForm
