from django.utils.translation import gettext_lazy as _
from wagtail.models import Task


class WopReviewTask(Task):
    """ "WOP-controle": a coordinator responsible for the page's WOP approves
    it (publishes) or asks for changes.

    Unlike Wagtail's group approval, who may review follows the page: whoever
    may publish it, and the review request goes to the coordinators of the
    page's own WOP, not to every moderator of the site. The behaviour lives in
    ``neighbourhood.review``.
    """

    class Meta:
        verbose_name = _("WOP-controle")
        verbose_name_plural = _("WOP-controles")
