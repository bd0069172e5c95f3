"""The admin of a WOP's own records: its key figures (the smoelenboek)."""

from django.utils.translation import gettext_lazy as _

from neighbourhood.models import KeyFigure
from neighbourhood.scoping.viewsets import WopOwnedSnippetViewSet


class KeyFigureViewSet(WopOwnedSnippetViewSet):
    """The smoelenboek: a snippet (so pages can choose key figures), scoped by
    WOP in every view, export and chooser like every WOP-owned model."""

    model = KeyFigure
    icon = "user"
    menu_label = _("Smoelenboek")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "wop"]
    list_filter = ["wop"]
    list_export = ["name", "role", "phone", "email", "reachable", "wop"]
    export_filename = "smoelenboek"
    search_fields = ["name", "role"]
