from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


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


# What a browser's date picker sends, whatever order it shows the date in;
# then what people type in a plain text box (a browser without a picker).
DAY_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %m %Y"]
DAY_HINT = _(
    "Kies de datum in de kalender. Ziet u geen kalender, maar een gewoon "
    "tekstvak? Typ de datum dan als dag-maand-jaar, bijvoorbeeld 15-03-2025."
)
DAY_INVALID_MESSAGE = _(
    "Dit is geen geldige datum. Kies de datum in de kalender, of typ hem als "
    "dag-maand-jaar, bijvoorbeeld 15-03-2025."
)


class DayField(forms.DateField):
    """A day a resident picks on a public form.

    The browser's date picker shows the date in the order of the browser's
    own language (which may be month-day-year) and always sends
    year-month-day; a browser without one shows a text box, where day-month-
    year and year-month-day both work. So the hint describes the picker,
    never an order to type in it.
    """

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DAY_INPUT_FORMATS)
        kwargs.setdefault("help_text", DAY_HINT)
        messages = {"invalid": DAY_INVALID_MESSAGE, **kwargs.pop("error_messages", {})}
        super().__init__(error_messages=messages, **kwargs)
