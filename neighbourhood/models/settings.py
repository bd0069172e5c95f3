from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    """The privacy statement residents agree to; every consent records its version."""

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacyverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("privacy_page")]

    class Meta:
        verbose_name = _("privacy")

    def statement_version(self) -> str:
        """A label that pins the statement as it read when someone agreed."""
        page = self.privacy_page
        if page is None or not page.live:
            return "geen privacyverklaring gepubliceerd"
        published = page.last_published_at or page.first_published_at
        if published is None:  # made live without publishing, e.g. by a script
            return f"{page.title} (revisie {page.live_revision_id})"
        return (
            f"{page.title}, gepubliceerd {published:%Y-%m-%d %H:%M} "
            f"(revisie {page.live_revision_id})"
        )
