"""The WOP's forms: the editor form of its page, and the resident's
postcode finder.

The page models import these, so they must not import the models
themselves.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from neighbourhood.wops.postcodes import normalise_postcode


class PostcodeFinderForm(forms.Form):
    """The postcode that leads a resident to their WOP."""

    postcode = forms.CharField(
        label=_("Uw postcode"),
        max_length=12,
        help_text=_("Bijvoorbeeld 2903 AB"),
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "spellcheck": "false"}
        ),
        error_messages={"required": _("Vul uw postcode in.")},
    )

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])


class NeighbourhoodPageForm(WagtailAdminPageForm):
    """The WOP editor form: refuses postcode areas that another WOP covers.

    Each postcode must lead to exactly one WOP, so an overlap is an error on
    the area's own row, naming the WOP that has it.
    """

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("postcode_areas")
        if formset is None or not formset.is_valid():
            return cleaned_data

        areas = [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        for index, form in enumerate(areas):
            area = form.instance
            for other in areas[:index]:
                if (
                    area.first <= other.instance.last
                    and area.last >= other.instance.first
                ):
                    form.add_error(
                        "first",
                        _("Dit gebied overlapt met %(area)s hierboven.")
                        % {"area": other.instance},
                    )
                    break
            clash = (
                formset.model.objects.overlapping(area.first, area.last)
                .exclude(page_id=self.instance.pk)
                .select_related("page")
                .first()
            )
            if clash is not None:
                form.add_error(
                    "first",
                    _(
                        "Dit gebied overlapt met %(area)s van wijk %(wop)s. Elke "
                        "postcode hoort bij één wijk: pas een van beide aan."
                    )
                    % {"area": clash, "wop": clash.page.title},
                )
        return cleaned_data
