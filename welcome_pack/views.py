"""Public views of a welcome pack: its page with the claim form, and the page
after claiming.

Every response here holds a form (with its CSRF token) or says something
about someone's claim, so none of them may be kept by a shared cache.
"""

from django.views.decorators.cache import never_cache

from neighbourhood.page_cache import public_unless_personal
from neighbourhood.submissions.flow import PublicFormFlow
from welcome_pack.forms import PRESENT_GONE_MESSAGE, ClaimForm
from welcome_pack.services import AlreadyClaimed, PresentGone, welcome_pack_claim


class ClaimFlow(PublicFormFlow):
    """Claiming the pack on its page."""

    form_class = ClaimForm
    # The thanks page reads this from the session: only what is not personal.
    session_key = "welcome_pack:claim"
    thanks_template = "welcome_pack/claim_thanks.html"
    refusals = (PresentGone, AlreadyClaimed)

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "page": self.page}

    def store(self, form, consent):
        return welcome_pack_claim(
            wop=form.wop,
            data=form.submission_data(),
            consent=consent,
            present=form.chosen_present(),
            withdraw_url_for=self.withdraw_url_for,
        )

    def refused(self, form, refused):
        if isinstance(refused, PresentGone):
            # Asked again: the present that ran out is no longer offered.
            form = self.get_form(self.request.POST)
            if form.is_valid() and form.offers_present:
                form.add_error("present", PRESENT_GONE_MESSAGE)
            return self.render(form)
        # The rule only (one pack per address): never who claimed it or when.
        return self.page.render(
            self.request,
            template=self.thanks_template,
            context_overrides={"already_claimed": True, "wop": self.page.wop},
        )

    def session_data(self, form, stored) -> dict:
        return {
            "email_sent": bool(stored.email),
            "present": stored.present.name if stored.present else "",
        }

    def thanks_context(self, kept):
        claimed = kept is not None
        return {
            "claimed": claimed,
            "email_sent": claimed and kept.get("email_sent", False),
            "present_name": kept.get("present", "") if claimed else "",
            "wop": self.page.wop,
        }


@public_unless_personal
def claim(request, *, page):
    """The pack's page with its claim form (route "" of the page)."""
    return ClaimFlow(request, page).form_page()


@never_cache
def claim_thanks(request, *, page):
    """After claiming: what happens next (route "bedankt/" of the page)."""
    return ClaimFlow(request, page).thanks_page()
