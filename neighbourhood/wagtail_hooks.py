from django.utils.translation import gettext_lazy as _
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
