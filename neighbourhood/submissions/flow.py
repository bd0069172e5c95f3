"""The one public-form flow every kind of submission goes through: guard →
validate → store once → session → thanks.

A kind subclasses ``PublicFormFlow`` and declares its form, what its page
shows beside the form, how it stores a submission (one call into its
service), which refusals of that service its page answers, and what the
thanks page may remember. Its two views stay thin, one call each into the
flow (allauth's ``mfa`` views call its ``internal/flows`` the same way):
``Flow(request, page).form_page()`` under ``public_unless_personal``, and
``Flow(request, page).thanks_page()`` under ``never_cache``.
"""

from django.shortcuts import redirect
from django.utils.functional import cached_property
from wagtail.models import Site

from neighbourhood.privacy.selectors import privacy_statement_url
from neighbourhood.submissions.guard import (
    first_sending,
    public_form_refusal,
    refusal_status,
    sending_count,
)
from neighbourhood.submissions.services import consent_record, submission_withdraw_url


class PublicFormFlow:
    """A page's public form for one kind of submission, and its thanks page."""

    form_class = None
    # The session entry the thanks page reads: never personal data.
    session_key = ""
    # The page's route (``reverse_subpage`` name) and template for the thanks.
    thanks_route = "thanks"
    thanks_template = ""
    # The exceptions of the kind's service that ``refused`` answers.
    refusals: tuple[type[Exception], ...] = ()

    def __init__(self, request, page):
        self.request = request
        self.page = page

    # What a kind declares --------------------------------------------------

    def get_form_class(self):
        return self.form_class

    def get_form_kwargs(self) -> dict:
        """The form's keyword arguments, the same for showing and posting."""
        return {"privacy_url": privacy_statement_url(self.request)}

    def get_context(self) -> dict:
        """What the page shows beside its form."""
        return {}

    def store(self, form, consent: dict):
        """Store the valid ``form`` through the kind's service; returns what
        ``session_data`` needs. May raise one of ``refusals``."""
        raise NotImplementedError

    def refused(self, form, refused: Exception):
        """The response to one of ``refusals``; nothing was stored."""
        raise NotImplementedError

    def session_data(self, form, stored) -> dict:
        """What the thanks page may keep of the submission: what it says
        next, never a name, phone number or address."""
        return {}

    def thanks_context(self, kept: dict | None) -> dict:
        """The thanks page's context; ``kept`` is this page's
        ``session_data``, or None when the visitor sent nothing here."""
        raise NotImplementedError

    # The shared part ---------------------------------------------------------

    @cached_property
    def form_kwargs(self) -> dict:
        return self.get_form_kwargs()

    @cached_property
    def context(self) -> dict:
        return self.get_context()

    def get_form(self, data=None):
        """The form, bound to ``data``; unbound with what we know of a
        logged-in member without."""
        form_class = self.get_form_class()
        if data is None:
            initial = form_class.initial_for(self.request.user)
            return form_class(initial=initial, **self.form_kwargs)
        return form_class(data, **self.form_kwargs)

    def withdraw_url_for(self, submission) -> str:
        """The resident's private withdraw link, on the site's public address."""
        return submission_withdraw_url(submission)

    def thanks_url(self) -> str:
        return self.page.get_url(self.request) + self.page.reverse_subpage(
            self.thanks_route
        )

    def render(self, form, **context):
        return self.page.render(
            self.request,
            context_overrides={**self.context, "form": form, **context},
        )

    def form_page(self):
        """The page with its form; a post is guarded, checked, stored once
        and answered with a redirect to the thanks page."""
        if self.request.method != "POST":
            return self.render(self.get_form())

        form = self.get_form(self.request.POST)
        refusal = public_form_refusal(self.request, form)
        if refusal:
            response = self.render(form.unchecked_copy(), refusal=refusal)
            response.status_code = refusal_status(refusal)
            return response
        if not form.is_valid():
            return self.render(form)

        with first_sending(self.request) as first:
            if not first:  # a double click or a resend: stored once
                return redirect(self.thanks_url())
            consent = consent_record(
                text=form.consent_text(), site=Site.find_for_request(self.request)
            )
            try:
                stored = self.store(form, consent)
            except self.refusals as refused:
                return self.refused(form, refused)
            sending_count(self.request)
            self.request.session[self.session_key] = {
                "page": self.page.pk,
                **self.session_data(form, stored),
            }
            return redirect(self.thanks_url())

    def thanks_page(self):
        """After sending: what happens next. The session is read only when
        it belongs to this page."""
        kept = self.request.session.get(self.session_key) or {}
        if kept.get("page") != self.page.pk:
            kept = None
        return self.page.render(
            self.request,
            template=self.thanks_template,
            context_overrides=self.thanks_context(kept),
        )
