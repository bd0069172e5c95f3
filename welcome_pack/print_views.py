"""The printed welcome pack: a personal letter, the activities flyer and the
smoelenboek, each on an A4 of its own and readable on screen; for one claim,
first a sheet for the volunteer that stays behind.

The pack for one claim is an admin view, scoped to the user's WOPs like the
list of claims. The blank pack (flyer and smoelenboek, no letter) is public:
it names no resident, so it may be cached, and volunteers hand it out at the
door.
"""

from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from neighbourhood.scoping.permissions import policy_for
from welcome_pack.models import FurtherInterest, WelcomePackClaim, WelcomePackPage
from welcome_pack.selectors import pack_contents

TEMPLATE = "welcome_pack/pack_print.html"
# The blank pack changes when an activity or key figure does: an hour is fine.
BLANK_PACK_MAX_AGE = 60 * 60


def _pack_page(wop) -> WelcomePackPage | None:
    return WelcomePackPage.objects.child_of(wop).live().first()


@method_decorator(never_cache, name="dispatch")
class ClaimPackPrintView(PermissionCheckedMixin, TemplateView):
    """Pakket afdrukken: the pack for one claim, with its personal letter;
    another WOP's claim is a 404."""

    permission_policy = policy_for(WelcomePackClaim)
    any_permission_required = ["view", "change"]
    template_name = TEMPLATE
    handle_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        claim = get_object_or_404(
            WelcomePackClaim.objects.for_user(self.request.user).select_related(
                "wop", "present"
            ),
            pk=self.kwargs["pk"],
        )
        wop = claim.wop
        labels = dict(FurtherInterest.choices)
        context.update(
            pack_contents(wop=wop),
            claim=claim,
            pack_page=_pack_page(wop),
            interests=[labels[value] for value in claim.interests if value in labels],
            address=claim.address,
            back_url=reverse(self.handle_url_name, args=[quote(claim.pk)]),
            printed_at=timezone.localtime(),
        )
        return context


def blank_pack_print(request, *, page: WelcomePackPage):
    """The flyer and the smoelenboek of ``page``'s WOP, without a letter:
    public, and cacheable since it holds no personal data."""
    wop = page.wop
    response = TemplateResponse(
        request,
        TEMPLATE,
        {**pack_contents(wop=wop), "page": page, "pack_page": page},
    )
    patch_cache_control(response, public=True, max_age=BLANK_PACK_MAX_AGE)
    return response
