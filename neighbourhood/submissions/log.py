"""How the history (Wagtail's log) shows a submission's status change in a
volunteers' queue: "Status van ‘nieuw’ naar ‘goedgekeurd’"."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


def _choice_label(log_entry, field_name, value):
    """The display label of ``value`` for the logged model's ``field_name``."""
    model = log_entry.content_type.model_class() if log_entry.content_type else None
    try:
        choices = dict(model._meta.get_field(field_name).flatchoices)
    except (AttributeError, LookupError):
        return value
    return choices.get(value, value)


class StatusChangeFormatter(LogFormatter):
    # A formatter class, not a function as message: Wagtail would render a
    # function as an empty message.
    label = _("Status gewijzigd")

    def format_message(self, log_entry):
        return _("Status van ‘%(from)s’ naar ‘%(to)s’") % {
            "from": _choice_label(log_entry, "status", log_entry.data.get("from", "?")),
            "to": _choice_label(log_entry, "status", log_entry.data.get("to", "?")),
        }
