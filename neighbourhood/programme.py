"""The programme's name and logo, as the host sets them
(``VERBUURZAMEN_PROGRAMME_NAME``, ``VERBUURZAMEN_PROGRAMME_LOGO``): printed
on the welcome pack and the posters."""

from django.templatetags.static import static

from neighbourhood.conf import verbuurzamen_settings


def programme_identity() -> dict:
    """``{"name": …, "logo_url": …}``; a logo given as a full address or an
    absolute path is used as it is, anything else is a static file."""
    logo = verbuurzamen_settings.VERBUURZAMEN_PROGRAMME_LOGO
    if logo and not logo.startswith(("http://", "https://", "/")):
        logo = static(logo)
    return {"name": verbuurzamen_settings.VERBUURZAMEN_PROGRAMME_NAME, "logo_url": logo}
