"""The WOP review in the admin: the volunteer's "Uw pagina's ter controle"
panel, and the explanation when a review action was refused.

Reviewers use Wagtail's own "Awaiting your review" panel; which reviews it
lists comes from ``WopReviewTask``. Wagtail's own list of the user's pages in
a workflow gives way to "Uw pagina's ter controle".
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from neighbourhood.review.workflow import REFUSALS, review_pages_of


class ReviewMyPagesPanel(Component):
    """Uw pagina's ter controle: the user's pages waiting for review, and those
    where changes were asked, with the reviewer's comment."""

    name = "review_my_pages"
    template_name = "neighbourhood/admin/review_my_pages_panel.html"
    # Just before Wagtail's own workflow panels.
    order = 205

    def render_html(self, parent_context=None):
        self.rows = review_pages_of(user=parent_context["request"].user)
        if not self.rows:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {"rows": self.rows}


def homepage_panels_without_wagtails_own_in_review(request, panels):
    """The ``construct_homepage_panels`` hook: one list of the user's pages in
    review. ``ReviewMyPagesPanel`` takes the place of Wagtail's "Jouw pagina's
    en snippets in een workflow": it also shows the changes a reviewer asked
    for, with their comment."""
    panels[:] = [
        panel
        for panel in panels
        if getattr(panel, "name", "") != "user_objects_in_workflow_moderation"
    ]


def review_refused(request, page_id: int, reason: str):
    """Say why a review action was not carried out, then back to the page (or
    the dashboard, when the user may no longer edit it)."""
    if reason not in REFUSALS:
        raise Http404
    messages.error(request, REFUSALS[reason])
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and page.permissions_for_user(request.user).can_edit():
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return redirect("wagtailadmin_home")
