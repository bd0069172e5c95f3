"""The one flow by which a volunteer registers a submission on a resident's
behalf, for every kind: a buddy sign-up, an RSVP, a card, treat or wave
tile, a welcome-pack claim.

``AssistedFlowMixin`` is the flow: the form (``on_behalf_forms``)
has checked the consent and that the submission's WOP is one of the
volunteer's; the permission policy's instance check is the second fence;
the kind's service saves, with ``registered_by`` and the consent record;
then a success message and back to the listing. Two views put it on a
page:

- ``AssistedSubmissionView``, where the page is chosen first (a card, treat
  or wave tile; a welcome pack): only the pages in the user's WOPs are
  offered, any other page number in the URL is a 404. Works without
  JavaScript: step one is a GET form leading to ``?page=<id>``.
- ``AssistedCreateView``, a viewset's add view where the form itself offers
  the choice (a buddy project, an activity's date).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Page

from neighbourhood.scoping.permissions import wops_for_user
from neighbourhood.scoping.views import WopOwnedCreateView
from neighbourhood.submissions.on_behalf_forms import AssistedPageChoiceForm
from neighbourhood.submissions.services import (
    consent_record,
    submission_withdraw_url,
)


def wop_pages_for_user(*, user, page_models) -> list:
    """The live pages of ``page_models`` directly under the user's WOPs, in
    tree order, each with its ``wop`` set (no query per page)."""
    wops = {wop.path: wop for wop in wops_for_user(user)}
    if not wops:
        return []
    under = Q()
    for path, wop in wops.items():
        under |= Q(path__startswith=path, depth=wop.depth + 1)
    pages = list(
        Page.objects.live().type(*page_models).filter(under).order_by("path").specific()
    )
    for page in pages:
        page.wop = wops[page.path[: -Page.steplen]]
    return pages


class AssistedFlowMixin:
    """The flow. A view sets ``model``, ``permission_policy``,
    ``index_url_name`` and ``refusals`` (the service's exception classes),
    and implements ``create(form, consent=..., registered_by=...)`` (one
    call of the kind's service) and ``success_message(submission)``."""

    refusals = ()

    def create(self, form, *, consent: dict, registered_by):
        """Save through the kind's service, passing on ``consent`` and
        ``registered_by``."""
        raise NotImplementedError

    def refuse(self, form, refused):
        """Show a refusal of the service on ``form``; may return a new form
        to show instead."""
        form.add_error(None, str(refused))

    def success_message(self, submission) -> str:
        raise NotImplementedError

    def success_buttons(self, submission) -> list:
        return []

    def withdraw_url_for(self, submission) -> str:
        """The resident's private withdraw link, for their confirmation e-mail."""
        return submission_withdraw_url(submission)

    def register(self, form):
        """Save the valid ``form``'s submission. Returns it and the form to
        show; the submission is None when the service refused."""
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "add", self.model(wop=form.wop)
        ):
            raise PermissionDenied  # the second fence
        consent = consent_record(
            text=form.consent_text(), method=form.cleaned_data["consent_method"]
        )
        # Saved, and confirmed by e-mail, in the resident's language.
        language = form.cleaned_data.get("email_language") or settings.LANGUAGE_CODE
        try:
            with translation.override(language):
                submission = self.create(
                    form, consent=consent, registered_by=self.request.user
                )
        except self.refusals as refused:
            return None, self.refuse(form, refused) or form
        return submission, form

    def registered(self, submission):
        """The response once ``submission`` is saved: the listing, saying so."""
        messages.success(
            self.request,
            self.success_message(submission),
            buttons=self.success_buttons(submission),
        )
        return redirect(self.index_url_name)


class AssistedCreateView(AssistedFlowMixin, WopOwnedCreateView):
    """Aanmelding invoeren namens bewoner, on a viewset's add view: its
    form offers the choice, only in the user's WOPs and city-wide."""

    page_title = gettext_lazy("Aanmelding invoeren namens bewoner")
    submit_button_label = gettext_lazy("Aanmelding opslaan")

    def get_page_subtitle(self):
        return ""

    def get_breadcrumbs_items(self):
        *items, _new = super().get_breadcrumbs_items()
        return [*items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        self.form = form
        self.object, form = self.register(form)
        if self.object is None:
            return self.form_invalid(form)
        return self.registered(self.object)

    def success_buttons(self, submission) -> list:
        return self.get_success_buttons()


@method_decorator(never_cache, name="dispatch")
class AssistedSubmissionView(
    AssistedFlowMixin,
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """The page chosen first. A subclass sets what the flow needs and the
    labels, and implements ``get_pages()``, ``page_label()`` and
    ``get_form_class(page)``; ``create()`` finds the page in ``self.page``."""

    model = None
    permission_required = "add"
    template_name = "neighbourhood/admin/assisted_submission.html"
    index_url_name = None
    header_icon = "user"
    page_title = ""
    choose_label = ""
    no_pages_message = ""
    submit_button_label = gettext_lazy("Opslaan")

    def get_pages(self) -> list:
        """The live pages in the user's WOPs this kind can be requested on."""
        raise NotImplementedError

    def page_label(self, page) -> str:
        raise NotImplementedError

    def get_form_class(self, page):
        raise NotImplementedError

    def intro_for(self, page) -> str:
        """A line above the form of ``page`` for the volunteer, or ""."""
        return ""

    # ---------------------------------------------------------------------------

    @cached_property
    def pages(self) -> list:
        return list(self.get_pages())

    @cached_property
    def page(self):
        """The page of ``?page=``, which must be one of ``pages``; None
        without it."""
        value = self.request.GET.get("page")
        if value is None:
            return None
        for page in self.pages:
            if str(page.pk) == value:
                return page
        raise Http404

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": self.model._meta.verbose_name_plural.capitalize(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_subtitle(self):
        return self.page_label(self.page) if self.page else ""

    def get_form(self, page, data=None):
        return self.get_form_class(page)(data, page=page, for_user=self.request.user)

    def get(self, request, *args, **kwargs):
        if self.page is not None:
            return self.render_to_response(
                self.get_context_data(form=self.get_form(self.page))
            )
        if len(self.pages) == 1:
            return redirect(f"{request.path}?page={self.pages[0].pk}")
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        page = self.page
        if page is None:
            raise Http404
        form = self.get_form(page, request.POST)
        if form.is_valid():
            submission, form = self.register(form)
            if submission is not None:
                return self.registered(submission)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.page is None:
            context["choice_form"] = AssistedPageChoiceForm(
                pages=self.pages, label=self.choose_label, page_label=self.page_label
            )
        context.update(
            pages=self.pages,
            page=self.page,
            form=form,
            intro=self.intro_for(self.page) if self.page else "",
            no_pages_message=self.no_pages_message,
            submit_button_label=self.submit_button_label,
            choose_again_url=self.request.path if len(self.pages) > 1 else "",
            index_url=reverse(self.index_url_name),
        )
        return context
