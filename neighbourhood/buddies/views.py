"""Public views: signing up for a buddy project.

Every response here holds a form (with its CSRF token) or something personal,
so none of them may be kept by a shared cache.
"""

from django.views.decorators.cache import never_cache

from neighbourhood.buddies.forms import BuddySignupForm
from neighbourhood.buddies.services import (
    buddy_signup_create,
    buddy_signup_duplicate,
    buddy_signup_repeated,
)
from neighbourhood.page_cache import public_unless_personal
from neighbourhood.submissions.flow import PublicFormFlow


class BuddySignupFlow(PublicFormFlow):
    """Signing up on a buddy project's page."""

    form_class = BuddySignupForm
    # The thank-you page reads this from the session: did we send a
    # confirmation?
    session_key = "neighbourhood:buddy_signup_confirmation"
    thanks_template = "neighbourhood/buddy_signup_thanks.html"

    def get_form_kwargs(self) -> dict:
        return {
            **super().get_form_kwargs(),
            "project": self.page,
            "wop": self.page.wop,
            "contact": self.page.contact,
        }

    def store(self, form, consent):
        data = form.submission_data()
        duplicate = buddy_signup_duplicate(
            project=self.page, email=data["email"], phone=data["phone"]
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
            return buddy_signup_repeated(
                earlier=duplicate,
                project=self.page,
                withdraw_url_for=self.withdraw_url_for,
            )
        return buddy_signup_create(
            project=self.page,
            wop=form.wop,
            data=data,
            consent=consent,
            withdraw_url_for=self.withdraw_url_for,
        )

    def session_data(self, form, stored) -> dict:
        # Only whether a mail went out: no personal data in the session.
        return {"email_sent": bool(form.cleaned_data["email"])}

    def thanks_context(self, kept):
        return {
            "signed_up": kept is not None,
            "email_sent": kept is not None and kept.get("email_sent", False),
        }


@public_unless_personal
def buddy_signup(request, *, page):
    """A buddy project's page with its sign-up form (route "" of the page)."""
    if not page.is_open:
        return page.render(request)
    return BuddySignupFlow(request, page).form_page()


@never_cache
def buddy_signup_thanks(request, *, page):
    """After signing up: what happens next (route "bedankt/" of the page)."""
    return BuddySignupFlow(request, page).thanks_page()
