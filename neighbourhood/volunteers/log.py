"""How the history (Wagtail's log) shows what was done to a volunteer:
invited, accepted, removed, allowed to publish, made coordinator."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from neighbourhood.models import WopRole


class VolunteerInviteFormatter(LogFormatter):
    label = gettext_lazy("Uitgenodigd als vrijwilliger")

    def format_message(self, log_entry):
        template = (
            _("Uitgenodigd als coördinator van %(wops)s")
            if log_entry.data.get("role") == WopRole.COORDINATORS
            else _("Uitgenodigd als vrijwilliger bij %(wops)s")
        )
        return template % {"wops": ", ".join(log_entry.data.get("wops", [])) or "?"}


class VolunteerAcceptFormatter(LogFormatter):
    label = gettext_lazy("Uitnodiging aangenomen")

    def format_message(self, log_entry):
        template = (
            _("Heeft de uitnodiging als coördinator van %(wops)s aangenomen")
            if log_entry.data.get("role") == WopRole.COORDINATORS
            else _("Heeft de uitnodiging als vrijwilliger bij %(wops)s aangenomen")
        )
        return template % {"wops": ", ".join(log_entry.data.get("wops", [])) or "?"}


class VolunteerRemoveFormatter(LogFormatter):
    label = gettext_lazy("Verwijderd uit een wijk")

    def format_message(self, log_entry):
        return _("Verwijderd uit %(wop)s") % {"wop": log_entry.data.get("wop", "?")}


class VolunteerPublishFormatter(LogFormatter):
    label = gettext_lazy("Zelf publiceren gewijzigd")

    def format_message(self, log_entry):
        template = (
            _("Mag zelf publiceren in %(wop)s")
            if log_entry.data.get("may_publish")
            else _("Mag niet meer zelf publiceren in %(wop)s")
        )
        return template % {"wop": log_entry.data.get("wop", "?")}


class VolunteerCoordinatorFormatter(LogFormatter):
    label = gettext_lazy("Coördinator van een wijk gewijzigd")

    def format_message(self, log_entry):
        template = (
            _("Coördinator gemaakt van %(wop)s")
            if log_entry.data.get("is_coordinator")
            else _("Geen coördinator meer van %(wop)s")
        )
        return template % {"wop": log_entry.data.get("wop", "?")}
