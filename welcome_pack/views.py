"""Public views of a welcome pack: its page with the claim form, and the page
after claiming.

Every response here holds a form (with its CSRF token) or says something
about someone's claim, so none of them may be kept by a shared cache.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from neighbourhood.page_cache import public_unless_personal
from neighbourhood.privacy.selectors import privacy_statement_url
from neighbourhood.submissions.guard import (
    first_sending,
    public_form_refusal,
    refusal_status,
)
from neighbourhood.submissions.services import consent_record
from welcome_pack.forms import PRESENT_GONE_MESSAGE, ClaimForm
from welcome_pack.services import AlreadyClaimed, PresentGone, welcome_pack_claim

# The thanks page reads this from the session: only what is not personal.
CLAIM_SESSION_KEY = "welcome_pack:claim"


@public_unless_personal
def claim(request, *, page):
    """The pack's page with its claim form (route "" of the page)."""
    form_kwargs = {"page": page, "privacy_url": privacy_statement_url(request)}
    if request.method != "POST":
        form = ClaimForm(initial=ClaimForm.initial_for(request.user), **form_kwargs)
        return page.render(request, context_overrides={"form": form})

    form = ClaimForm(request.POST, **form_kwargs)
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
        try:
            claimed = welcome_pack_claim(
                wop=form.wop,
                data=form.submission_data(),
                consent=consent_record(
                    text=form.consent_text(), site=Site.find_for_request(request)
                ),
                present=form.chosen_present(),
                withdraw_url_for=lambda submission: request.build_absolute_uri(
                    reverse("neighbourhood:withdraw", args=[submission.token])
                ),
            )
        except PresentGone:
            # Asked again: the present that ran out is no longer offered.
            form = ClaimForm(request.POST, **form_kwargs)
            if form.is_valid() and form.offers_present:
                form.add_error("present", PRESENT_GONE_MESSAGE)
            return page.render(request, context_overrides={"form": form})
        except AlreadyClaimed:
            # The rule only (one pack per address): never who claimed it or
            # when.
            return page.render(
                request,
                template="welcome_pack/claim_thanks.html",
                context_overrides={"already_claimed": True, "wop": page.wop},
            )

        request.session[CLAIM_SESSION_KEY] = {
            "page": page.pk,
            "email_sent": bool(claimed.email),
            "present": claimed.present.name if claimed.present else "",
        }
        return redirect(page.get_url(request) + page.reverse_subpage("thanks"))


@never_cache
def claim_thanks(request, *, page):
    """After claiming: what happens next (route "bedankt/" of the page)."""
    claimed = request.session.get(CLAIM_SESSION_KEY) or {}
    is_claimed = claimed.get("page") == page.pk
    return page.render(
        request,
        template="welcome_pack/claim_thanks.html",
        context_overrides={
            "claimed": is_claimed,
            "email_sent": is_claimed and claimed.get("email_sent", False),
            "present_name": claimed.get("present", "") if is_claimed else "",
            "wop": page.wop,
        },
    )


def blank_pack(request, *, page):
    """The printable pack (route "folder/"), made by the printed-pack views."""
    from welcome_pack.print_views import blank_pack_print

    return blank_pack_print(request, page=page)
