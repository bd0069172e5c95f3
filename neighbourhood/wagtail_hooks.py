from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from neighbourhood.models import KeyFigure


class KeyFigureViewSet(SnippetViewSet):
    model = KeyFigure
    icon = "user"
    menu_label = _("Smoelenboek")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "wop"]
    list_filter = ["wop"]
    search_fields = ["name", "role"]


register_snippet(KeyFigureViewSet)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "verbuurzamen.status", _("Status gewijzigd"), _status_message
    )
    actions.register_action(
        "verbuurzamen.anonymise", _("Geanonimiseerd"), _("Persoonsgegevens gewist")
    )
    actions.register_action(
        "verbuurzamen.follow_up", _("Nagevraagd"), _follow_up_message
    )


def _status_message(log_entry):
    return _("Status van ‘%(from)s’ naar ‘%(to)s’") % {
        "from": log_entry.data.get("from", "?"),
        "to": log_entry.data.get("to", "?"),
    }


def _follow_up_message(log_entry):
    return _("Nagevraagd: %(outcome)s") % {
        "outcome": log_entry.data.get("outcome", "?")
    }
