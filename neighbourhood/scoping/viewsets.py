"""The admin for everything that belongs to a WOP: one base, scoped once.

Wagtail's generic views fetch objects from ``model._default_manager`` and
check model permissions only. The views here start from
``model.objects.for_user(request.user)`` instead: the listing, its export and
filters, and every view of one object (edit, delete, inspect, history, usage,
copy), so another WOP's row is a 404 even by direct URL. The permission
policy's instance check is the second fence. A new WOP-owned model gets all of
this with::

    class ThingViewSet(WopOwnedViewSet):
        model = Thing
"""

from django.forms.models import modelform_factory
from django.http import Http404
from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from neighbourhood.scoping.permissions import policy_for
from neighbourhood.scoping.views import (
    WopOwnedAdminForm,
    WopOwnedChooserMixin,
    WopOwnedCopyMixin,
    WopOwnedCopyView,
    WopOwnedCreateMixin,
    WopOwnedCreateView,
    WopOwnedDeleteMixin,
    WopOwnedDeleteView,
    WopOwnedEditMixin,
    WopOwnedEditView,
    WopOwnedHistoryMixin,
    WopOwnedHistoryView,
    WopOwnedIndexMixin,
    WopOwnedIndexView,
    WopOwnedInspectMixin,
    WopOwnedInspectView,
    WopOwnedUsageMixin,
    WopOwnedUsageView,
)


class WopOwnedViewSet(ModelViewSet):
    """A ``ModelViewSet`` for a ``WopOwned`` model, scoped to the user's WOPs.

    Set ``model`` (and the usual ``list_display``, ``list_filter``, panels…).
    ``list_export`` defaults to the listed fields, so the listing can be
    downloaded as CSV or XLSX, scoped like the listing. ``select_related``
    names the relations every view loads along. Copying is off: it would copy
    a resident's personal data.
    """

    index_view_class = WopOwnedIndexView
    add_view_class = WopOwnedCreateView
    edit_view_class = WopOwnedEditView
    delete_view_class = WopOwnedDeleteView
    inspect_view_class = WopOwnedInspectView
    history_view_class = WopOwnedHistoryView
    usage_view_class = WopOwnedUsageView
    copy_view_class = WopOwnedCopyView
    copy_view_enabled = False
    # Plain database search: these models are not in the search index.
    search_backend_name = None
    select_related = ("wop",)

    # Panels for the add view when it differs from editing, e.g. a volunteer
    # registering a submission on a resident's behalf.
    add_handler = None

    @cached_property
    def permission_policy(self):
        return policy_for(self.model)

    @cached_property
    def _add_handler(self):
        return self.add_handler.bind_to_model(self.model) if self.add_handler else None

    def get_add_view_kwargs(self, **kwargs):
        if self._add_handler is not None:
            kwargs = {
                "panel": self._add_handler,
                "form_class": self._add_handler.get_form_class(),
                **kwargs,
            }
        return super().get_add_view_kwargs(**kwargs)

    @cached_property
    def list_export(self):
        if self.list_display is self.UNDEFINED:
            return ["__str__", "wop"]
        return [field for field in self.list_display if isinstance(field, str)]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            select_related=self.select_related, **kwargs
        )

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        if (
            edit_handler is not None
            and edit_handler.base_form_class is None
            and not hasattr(self.model, "base_form_class")
        ):
            edit_handler.base_form_class = WopOwnedAdminForm
        return edit_handler

    def get_form_class(self, for_update=False):
        if self._edit_handler:
            return self._edit_handler.get_form_class()
        return modelform_factory(
            self.model,
            form=WopOwnedAdminForm,
            fields=self.get_form_fields(),
            exclude=self.get_exclude_form_fields(),
        )


class WopOwnedQueueViewSet(WopOwnedViewSet):
    """A queue of one kind of submission (action requests, welcome-pack
    claims): besides the listing, a volunteer registers one on a resident's
    behalf ("nieuw/"), moves one a step through its status machine
    ("afhandelen/<pk>/") and prints what the queue hands out.

    Set ``on_behalf_view_class``, ``handle_view_class``, ``print_view_class``
    and ``print_route`` (with ``<int:pk>`` when it prints one item).
    """

    on_behalf_view_class = None
    handle_view_class = None
    print_view_class = None
    print_route = "afdrukken/"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            handle_url_name=self.get_url_name("handle"),
            print_url_name=self.get_url_name("print"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            pattern for pattern in super().get_urlpatterns() if pattern.name != "add"
        ] + [
            path("nieuw/", self.construct_view(self.on_behalf_view_class), name="add"),
            path(
                "afhandelen/<int:pk>/",
                self.construct_view(
                    self.handle_view_class,
                    edit_url_name=self.get_url_name("edit"),
                    history_url_name=self.get_url_name("history"),
                ),
                name="handle",
            ),
            path(
                self.print_route,
                self.construct_view(self.print_view_class),
                name="print",
            ),
        ]


# Snippets ----------------------------------------------------------------------


class WopOwnedSnippetIndexView(WopOwnedIndexMixin, snippet_views.IndexView):
    pass


class WopOwnedSnippetCreateView(WopOwnedCreateMixin, snippet_views.CreateView):
    pass


class WopOwnedSnippetEditView(WopOwnedEditMixin, snippet_views.EditView):
    pass


class WopOwnedSnippetDeleteView(WopOwnedDeleteMixin, snippet_views.DeleteView):
    pass


class WopOwnedSnippetInspectView(WopOwnedInspectMixin, snippet_views.InspectView):
    pass


class WopOwnedSnippetHistoryView(WopOwnedHistoryMixin, snippet_views.HistoryView):
    pass


class WopOwnedSnippetUsageView(WopOwnedUsageMixin, snippet_views.UsageView):
    pass


class WopOwnedSnippetCopyView(
    WopOwnedCopyMixin, WopOwnedCreateMixin, snippet_views.CopyView
):
    pass


class SnippetChooserCreateView(snippet_chooser.SnippetCreateView):
    """Snippet choosers offer no form to create a row: their "create" URL
    is not found, rather than a server error on a POST."""

    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class FormlessSnippetChooserViewSet(SnippetChooserViewSet):
    create_view_class = SnippetChooserCreateView


class WopOwnedSnippetChooserViewSet(FormlessSnippetChooserViewSet):
    choose_view_class = type(
        "WopOwnedChooseView", (WopOwnedChooserMixin, snippet_chooser.ChooseView), {}
    )
    choose_results_view_class = type(
        "WopOwnedChooseResultsView",
        (WopOwnedChooserMixin, snippet_chooser.ChooseResultsView),
        {},
    )
    chosen_view_class = type(
        "WopOwnedChosenView",
        (WopOwnedChooserMixin, snippet_chooser.SnippetChosenView),
        {},
    )
    chosen_multiple_view_class = type(
        "WopOwnedChosenMultipleView",
        (WopOwnedChooserMixin, snippet_chooser.SnippetChosenMultipleView),
        {},
    )


class WopOwnedSnippetViewSet(SnippetViewSet):
    """A ``SnippetViewSet`` for a ``WopOwned`` model (so pages can choose its
    rows), scoped like ``WopOwnedViewSet``: every view, the export and the
    chooser start from ``for_user``; forms offer only the user's WOPs."""

    index_view_class = WopOwnedSnippetIndexView
    add_view_class = WopOwnedSnippetCreateView
    edit_view_class = WopOwnedSnippetEditView
    delete_view_class = WopOwnedSnippetDeleteView
    inspect_view_class = WopOwnedSnippetInspectView
    history_view_class = WopOwnedSnippetHistoryView
    usage_view_class = WopOwnedSnippetUsageView
    copy_view_class = WopOwnedSnippetCopyView
    chooser_viewset_class = WopOwnedSnippetChooserViewSet
    inspect_view_enabled = True
    # Plain database search on ``search_fields``, as in ``WopOwnedViewSet``.
    search_backend_name = None

    @cached_property
    def permission_policy(self):
        return policy_for(self.model)

    def get_queryset(self, request):
        return self.model._default_manager.for_user(request.user)

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        if edit_handler.base_form_class is None and not hasattr(
            self.model, "base_form_class"
        ):
            edit_handler.base_form_class = WopOwnedAdminForm
        return edit_handler
