"""The page where someone with an account accepts an invitation to work in a
WOP: only they, logged in, and only with a POST (mail programs open links to
check them)."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from neighbourhood.volunteers.invitations import (
    InvitationInvalid,
    volunteer_invitation_accept,
    volunteer_invitation_read,
)

TEMPLATE = "neighbourhood/volunteer_invitation.html"


@never_cache
@login_required
def volunteer_invitation(request, token):
    """Asks "Wilt u vrijwilliger worden in …?"; the button adds them."""
    try:
        invitation = volunteer_invitation_read(token=token)
    except InvitationInvalid as error:
        return TemplateResponse(request, TEMPLATE, {"error": str(error)}, status=400)
    if invitation.user_id != request.user.pk:
        # Nothing about whom it is for: only that it is not this account.
        return TemplateResponse(
            request,
            TEMPLATE,
            {
                "error": _(
                    "Deze uitnodiging is voor een ander account. Log uit en log "
                    "in met het e-mailadres waar de uitnodiging naartoe ging."
                )
            },
            status=403,
        )
    context = {"invitation": invitation}
    if request.method != "POST":
        return TemplateResponse(request, TEMPLATE, context)
    try:
        volunteer_invitation_accept(invitation=invitation, user=request.user)
    except InvitationInvalid as error:
        return TemplateResponse(request, TEMPLATE, {"error": str(error)}, status=400)
    return TemplateResponse(
        request,
        TEMPLATE,
        {**context, "accepted": True, "admin_url": reverse("wagtailadmin_home")},
    )
