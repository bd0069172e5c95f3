"""The private withdraw link from a confirmation e-mail: one view for every
kind of submission (see ``registry``).

Every response here holds a form (with its CSRF token) or something personal,
so none of them may be kept by a shared cache.
"""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from neighbourhood.submissions import registry
from neighbourhood.submissions.forms import WithdrawForm
from neighbourhood.submissions.guard import (
    public_form_refusal,
    refusal_status,
    sending_count,
)


@never_cache
def withdraw(request, token):
    """The private link from the confirmation e-mail.

    GET only shows what would be withdrawn (mail programs open links to
    check them); the POST button withdraws and erases the person's details.
    """
    submission = registry.find_by_token(token)
    if submission is None:
        return TemplateResponse(
            request, "neighbourhood/withdraw_unknown.html", status=404
        )
    context = {
        "submission": submission,
        "description": registry.describe(submission),
    }
    confirm_page = _withdraw_templates(submission, "withdraw_confirm")
    done_page = _withdraw_templates(submission, "withdraw_done")
    if submission.anonymised_at is not None:
        return TemplateResponse(request, done_page, {**context, "already": True})

    if request.method != "POST":
        return TemplateResponse(
            request, confirm_page, {**context, "form": WithdrawForm()}
        )

    form = WithdrawForm(request.POST)
    refusal = public_form_refusal(request, form)
    if refusal:
        return TemplateResponse(
            request,
            confirm_page,
            {**context, "form": WithdrawForm(), "refusal": refusal},
            status=refusal_status(refusal),
        )
    registry.withdraw(submission)
    sending_count(request)
    return TemplateResponse(request, done_page, context)


def _withdraw_templates(submission, name: str) -> list[str]:
    """A kind's own wording first (``events/eventrsvp_withdraw_confirm.html``:
    "afmelden" for an activity), else the general one."""
    meta = type(submission)._meta
    return [
        f"{meta.app_label}/{meta.model_name}_{name}.html",
        f"neighbourhood/{name}.html",
    ]
