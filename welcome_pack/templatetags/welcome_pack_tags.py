from django import template

from welcome_pack.forms import WelcomePackFinderForm

register = template.Library()


@register.inclusion_tag("welcome_pack/includes/welcome_pack_finder.html")
def welcome_pack_finder():
    """The "new in the neighbourhood?" form that leads to the WOP's welcome
    pack, for a host's own home page:
    ``{% load welcome_pack_tags %}{% welcome_pack_finder %}``."""
    return {"form": WelcomePackFinderForm()}
