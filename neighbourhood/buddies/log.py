"""How the history (Wagtail's log) shows the follow-up of a buddy match."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from neighbourhood.models import FollowUpOutcome


class FollowUpFormatter(LogFormatter):
    """ "Nagevraagd: <how it is going>", the outcome in words."""

    label = gettext_lazy("Nagevraagd")

    def format_message(self, log_entry):
        outcome = log_entry.data.get("outcome", "?")
        return _("Nagevraagd: %(outcome)s") % {
            "outcome": dict(FollowUpOutcome.choices).get(outcome, outcome)
        }
