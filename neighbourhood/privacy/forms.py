"""The form that asks which person: an e-mail address or a phone number."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from neighbourhood.submissions.phones import validate_phone


class PersonSearchForm(forms.Form):
    term = forms.CharField(
        label=_("E-mailadres of telefoonnummer"),
        max_length=254,
        help_text=_(
            "Bijvoorbeeld hans@example.org of 06-12345678. Het maakt niet uit "
            "hoe het nummer is geschreven."
        ),
        error_messages={
            "required": _("Vul een e-mailadres of een telefoonnummer in."),
        },
    )

    def clean_term(self) -> str:
        term = self.cleaned_data["term"].strip()
        if "@" in term:
            try:
                validate_email(term)
            except ValidationError:
                raise ValidationError(
                    _("Dit is geen geldig e-mailadres, bijvoorbeeld hans@example.org."),
                    code="invalid_email",
                ) from None
            return term
        return validate_phone(term)

    def lookup(self) -> dict:
        """The keyword arguments for ``person_records_find``."""
        term = self.cleaned_data["term"]
        return {"email": term} if "@" in term else {"phone": term}
