from django import forms
from django.db import models
from django.utils.text import capfirst


class ChoiceListField(models.JSONField):
    """A list of choice codes kept as JSON, edited as a set of checkboxes.

    Works the same on SQLite and PostgreSQL (no ArrayField).
    """

    def __init__(self, *args, choices_list=None, coerce=str, **kwargs):
        # Not Django's ``choices``: that would validate the list as one value.
        self.choices_list = list(choices_list or [])
        self.coerce = coerce
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # The choices live in code; migrations need not follow their wording.
        return name, "django.db.models.JSONField", args, kwargs

    def formfield(self, **kwargs):
        options = {
            "choices": self.choices_list,
            "coerce": self.coerce,
            "required": not self.blank,
            "widget": forms.CheckboxSelectMultiple,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            **kwargs,
        }
        options.pop("form_class", None)
        options.pop("encoder", None)
        options.pop("decoder", None)
        return forms.TypedMultipleChoiceField(**options)
