"""The resident's way in: from their postcode to their WOP's page."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from neighbourhood.wops.forms import PostcodeFinderForm
from neighbourhood.wops.postcodes import format_postcode
from neighbourhood.wops.selectors import wop_for_postcode


def find_neighbourhood(request):
    """Send a resident from their postcode to their WOP's page.

    A GET form, so it works from a bookmark and keeps the page cacheable; the
    postcode is not stored.
    """
    form = PostcodeFinderForm(request.GET or None)
    unknown_postcode = None
    if form.is_valid():
        postcode = form.cleaned_data["postcode"]
        wop = wop_for_postcode(postcode=postcode)
        if wop is not None:
            return redirect(wop.url)
        unknown_postcode = format_postcode(postcode)
    return TemplateResponse(
        request,
        "neighbourhood/find_neighbourhood.html",
        {"form": form, "unknown_postcode": unknown_postcode},
    )
