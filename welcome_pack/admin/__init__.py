"""The welcome packs' admin: the claims with their steps and entering one on
a resident's behalf (``claims``), the viewsets that put the claims and the
presents in the menu (``viewsets``), and the welcome packs' part of the
dashboard (``dashboard``). The printed pack per claim is in
``welcome_pack.print_views``."""
