"""Public views: signing up for a buddy project.

Every response here holds a form (with its CSRF token) or something personal,
so none of them may be kept by a shared cache.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from neighbourhood.buddies.forms import BuddySignupForm
from neighbourhood.buddies.services import (
    buddy_signup_create,
    buddy_signup_duplicate,
    buddy_signup_repeated,
)
from neighbourhood.page_cache import public_unless_personal
from neighbourhood.privacy.selectors import privacy_statement_url
from neighbourhood.submissions.guard import (
    first_sending,
    public_form_refusal,
    refusal_status,
)
from neighbourhood.submissions.services import consent_record

# The thank-you page reads this from the session: did we send a confirmation?
CONFIRMATION_SESSION_KEY = "neighbourhood:buddy_signup_confirmation"


def _withdraw_url(request, submission) -> str:
    return request.build_absolute_uri(
        reverse("neighbourhood:withdraw", args=[submission.token])
    )


@public_unless_personal
def buddy_signup(request, *, page):
    """A buddy project's page with its sign-up form (route "" of the page)."""
    if not page.is_open:
        return page.render(request)

    form_kwargs = {
        "project": page,
        "contact": page.contact,
        "privacy_url": privacy_statement_url(request),
    }
    if request.method != "POST":
        form = BuddySignupForm(
            initial=BuddySignupForm.initial_for(request.user), **form_kwargs
        )
        return page.render(request, context_overrides={"form": form})

    form = BuddySignupForm(request.POST, wop=page.wop, **form_kwargs)
    refusal = public_form_refusal(request, form)
    if refusal:
        response = page.render(
            request,
            context_overrides={"form": form.unchecked_copy(), "refusal": refusal},
        )
        response.status_code = refusal_status(refusal)
        return response
    if not form.is_valid():
        return page.render(request, context_overrides={"form": form})

    with first_sending(request) as first:
        if not first:  # a double click or a resend: stored once
            return redirect(page.get_url(request) + page.reverse_subpage("thanks"))
        data = form.submission_data()
        duplicate = buddy_signup_duplicate(
            project=page, email=data["email"], phone=data["phone"]
        )
        if duplicate is not None and data["email"].lower() not in (
            "",
            duplicate.email.lower(),
        ):
            # Same phone, another e-mail address: stored as a sign-up of its
            # own, so that its confirmation still reaches the address given
            # (no mail there would tell the visitor the phone was known).
            duplicate = None
        if duplicate is not None:
            # The same answer as a new sign-up: the form must not tell a
            # visitor that someone else already signed up (and when). The
            # person on file hears of it by e-mail instead.
            buddy_signup_repeated(
                earlier=duplicate,
                project=page,
                withdraw_url_for=lambda submission: _withdraw_url(request, submission),
            )
        else:
            buddy_signup_create(
                project=page,
                wop=form.wop,
                data=data,
                consent=consent_record(
                    text=form.consent_text(), site=Site.find_for_request(request)
                ),
                withdraw_url_for=lambda submission: _withdraw_url(request, submission),
            )
        # Only whether a mail went out: no personal data in the URL or session.
        request.session[CONFIRMATION_SESSION_KEY] = {
            "project": page.pk,
            "email_sent": bool(data["email"]),
        }
        return redirect(page.get_url(request) + page.reverse_subpage("thanks"))


@never_cache
def buddy_signup_thanks(request, *, page):
    """After signing up: what happens next (route "bedankt/" of the page)."""
    confirmation = request.session.get(CONFIRMATION_SESSION_KEY) or {}
    signed_up = confirmation.get("project") == page.pk
    return page.render(
        request,
        template="neighbourhood/buddy_signup_thanks.html",
        context_overrides={
            "signed_up": signed_up,
            "email_sent": signed_up and confirmation.get("email_sent", False),
        },
    )
