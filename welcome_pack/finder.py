"""From a new resident's postcode to their WOP's welcome pack."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from neighbourhood.wops.postcodes import format_postcode
from neighbourhood.wops.selectors import wop_for_postcode
from welcome_pack.forms import WelcomePackFinderForm
from welcome_pack.models import WelcomePackPage


def find_welcome_pack(request):
    """Send a new resident from their postcode to their WOP's welcome pack,
    or say why there is none. A GET form, like the neighbourhood finder; the
    postcode is not stored."""
    form = WelcomePackFinderForm(request.GET or None)
    context = {"form": form, "wop": None, "unknown_postcode": None}
    if form.is_valid():
        postcode = form.cleaned_data["postcode"]
        wop = wop_for_postcode(postcode=postcode)
        if wop is None:
            context["unknown_postcode"] = format_postcode(postcode)
        else:
            pack = WelcomePackPage.objects.child_of(wop).live().public().first()
            if pack is not None:
                return redirect(pack.url)
            context["wop"] = wop
    return TemplateResponse(request, "welcome_pack/find_welcome_pack.html", context)
