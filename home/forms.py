from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhood.wops.postcodes import normalise_postcode


class PostcodeFinderForm(forms.Form):
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


class WelcomePackFinderForm(PostcodeFinderForm):
    """The postcode that leads a new resident to their WOP's welcome pack.

    Its own ids, so it can stand beside the neighbourhood finder on one page.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_welkom_%s")
        super().__init__(*args, **kwargs)
