"""The site's one public address, for every absolute link a resident or
volunteer gets outside the page they are on: printed pack, flyer, poster and
its QR code, iCal feed, e-mail, withdraw link.

The one source is the root URL of the default Wagtail Site (Settings →
Sites: host name and port; port 443 gives ``https://``). A page's own
absolute link (``page.full_url``, ``{% fullpageurl %}``) comes from the same
Site records through Wagtail, so both agree. Nothing is guessed from the
request a link happens to be made in, nor from a setting: the host the
visitor typed may be an internal one (a proxy, a load balancer, the demo's
``127.0.0.1``). ``manage.py check --deploy`` reports a Site on a
``localhost`` or loopback address (``neighbourhood.checks``); the demo's
seed sets its Site to the address the demo is served on.
"""

from ipaddress import ip_address

from wagtail.models import Site


def public_base_url() -> str:
    """The site's public address without a trailing slash, e.g.
    ``"https://wijk.example.nl"``; ``""`` while no Site is set up."""
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.order_by("pk").first()
    )
    return site.root_url.rstrip("/") if site is not None else ""


def absolute_url(path: str) -> str:
    """``path`` (from ``reverse`` or a page's ``url``) as a full link on the
    site's public address."""
    return public_base_url() + path


def is_local_host(hostname: str) -> bool:
    """Whether ``hostname`` only means this machine (or none): ``localhost``,
    a loopback or unspecified address. No one else can follow a link to it."""
    name = (hostname or "").strip().strip("[]").rstrip(".").lower()
    if not name or name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified
