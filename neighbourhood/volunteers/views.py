"""The page where someone with an account accepts an invitation to work in a
WOP: only they, logged in, and only with a POST (mail programs open links to
check them); and, in a host without allauth, the page where a new volunteer
chooses their first password."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetConfirmView
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from neighbourhood.accounts import allauth_installed
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


class VolunteerSetPasswordView(PasswordResetConfirmView):
    """Where an invited volunteer chooses their first password, in a host
    without allauth (``neighbourhood.accounts.password_set_path``): Django's
    reset page in Wagtail's admin look, which logs them in and takes them to
    the dashboard, as allauth's page does. With allauth its page does this
    job, and this one is not there: a token from Wagtail's reset mails would
    log someone in here past allauth's login and its second step."""

    template_name = "wagtailadmin/account/password_reset/confirm.html"
    post_reset_login = True
    success_url = reverse_lazy("wagtailadmin_home")

    @property
    def post_reset_login_backend(self) -> str:
        # Django asks which backend logs them in when the host has several;
        # the first is the one a login form tries first.
        return settings.AUTHENTICATION_BACKENDS[0]

    def dispatch(self, request, *args, **kwargs):
        if allauth_installed():
            raise Http404
        return super().dispatch(request, *args, **kwargs)
