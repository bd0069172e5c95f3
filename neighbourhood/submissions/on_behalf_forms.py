"""Public submission forms, turned into forms a volunteer fills in for a
resident who phones, hands in paper or is met at the door.

The fields, their checks and the consent words stay those of the public
form, so a request means the same however it came in; only the online
consent box and the honeypot give way to how the resident gave consent.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhood.admin_forms import AssistedRegistrationMixin
from neighbourhood.submissions.guard import HONEYPOT_FIELD


class AssistedPublicFormMixin(AssistedRegistrationMixin):
    """Put before a ``SubmissionForm`` subclass: ``for_user`` is the
    volunteer; the consent purpose is read out to the resident and recorded
    with ``consent_method``. ``consent_text()`` stays the public form's."""

    def __init__(self, *args, for_user, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        for name in ("consent", HONEYPOT_FIELD):
            self.fields.pop(name, None)
        fields = self.fields
        fields["name"].label = _("Naam van de bewoner")
        fields["name"].error_messages["required"] = _("Vul de naam van de bewoner in.")
        fields["phone"].label = _("Telefoonnummer van de bewoner")
        fields["email"].label = _("E-mailadres van de bewoner")
        fields["email"].help_text = _(
            "Alleen als de bewoner een e-mailadres heeft. De bewoner krijgt dan "
            "een bevestiging, met een link om de aanvraag in te trekken."
        )
        self.read_out_consent(self.consent_purpose())


class AssistedPageChoiceForm(forms.Form):
    """Step one: which page (which action, which WOP's welcome pack) the
    resident's request is for. Sent with GET, so step two is ``?page=<id>``."""

    page = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies er een.")},
    )

    def __init__(self, *args, pages, label, page_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].label = label
        self.fields["page"].choices = [(page.pk, page_label(page)) for page in pages]
