"""The form a volunteers' queue posts to take one step (``status``): the
status to move to, with the day it happened or the reason when the step
asks for one. The form only reads the post; the status machine decides
whether the step may be taken."""

from django import forms
from django.utils.translation import gettext_lazy as _


class StepForm(forms.Form):
    """One step for one item of a queue. ``machine`` gives the statuses to
    choose from; the queue names the day and the reason in its own words."""

    to = forms.ChoiceField()
    on = forms.DateField(
        label=_("Op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self,
        data=None,
        *,
        machine,
        on_label: str = "",
        reason_label: str = "",
        reason_help_text: str = "",
        **kwargs,
    ):
        super().__init__(data, **kwargs)
        self.fields["to"].choices = machine.choices()
        if on_label:
            self.fields["on"].label = on_label
        self.fields["reason"].label = reason_label
        self.fields["reason"].help_text = reason_help_text
