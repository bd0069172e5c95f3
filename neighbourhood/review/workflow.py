"""Who reviews a page in the WOP review ("WOP-controle"), and what they may do.

A page's reviewers are whoever may publish it, by Wagtail's page permissions:
the coordinators of its WOP, the city-wide coordinators and superusers. So the
review follows the page: moved to another WOP, it is that WOP's to review.
``neighbourhood.models.WopReviewTask`` answers Wagtail from here.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from neighbourhood.models.pages import NeighbourhoodPage
from neighbourhood.scoping.page_policy import page_policy

# (action, label, asks for a comment), as Wagtail's task actions. Wagtail adds
# "en publiceren" to the approve actions in the page's action menu itself.
REVIEW_ACTIONS = (
    ("reject", _("Wijzigingen vragen"), True),
    ("approve", _("Goedkeuren"), False),
    ("approve", _("Goedkeuren met opmerking"), True),
)

# Why a review action was not carried out, as shown to the reviewer.
REFUSALS = {
    "afgerond": _(
        "Deze controle is al afgerond: de pagina is al goedgekeurd, of de "
        "aanvraag is ingetrokken of opnieuw ingediend. Er is niets gewijzigd."
    ),
    "andere-wijk": _(
        "U kunt deze pagina niet goedkeuren: ze hoort bij een wijk waarvoor u "
        "geen coördinator bent (misschien is ze verplaatst). De coördinatoren "
        "van die wijk hebben het verzoek gekregen. Er is niets gewijzigd."
    ),
}


def page_wop(page) -> NeighbourhoodPage | None:
    """The WOP ``page`` belongs to (itself, for a WOP page); None outside
    every WOP, such as the neighbourhood index."""
    return NeighbourhoodPage.objects.ancestor_of(page, inclusive=True).first()


def user_may_review(*, page, user) -> bool:
    """Whether ``user`` may approve ``page``: whether they may publish it."""
    if user is None or not user.is_authenticated:
        return False
    return page.permissions_for_user(user).can_publish()


def review_actions(*, page, user) -> list[tuple]:
    """The review actions ``user`` may take on ``page``: all or none."""
    return list(REVIEW_ACTIONS) if user_may_review(page=page, user=user) else []


def task_states_reviewable(*, task, user):
    """``task``'s reviews in progress of the pages ``user`` may publish: for
    Wagtail's "Awaiting your review" panel and report."""
    states = task.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
    if user.is_active and user.is_superuser:
        return states
    # Workflow states name their page by its id as text.
    publishable = page_policy.instances_user_has_permission_for(user, "publish")
    return states.filter(
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id__in=publishable.annotate(
            pk_text=Cast("pk", CharField())
        ).values("pk_text"),
    )


def lock_release_for_review(*, page) -> None:
    """Unlock ``page`` when someone who is not its reviewer locked it (the
    volunteer who submits, say), so the lock cannot block the review."""
    locked_by = getattr(page, "locked_by", None)
    if locked_by is None or user_may_review(page=page, user=locked_by):
        return
    page.locked, page.locked_by, page.locked_at = False, None, None
    page.save(update_fields=["locked", "locked_by", "locked_at"])


def review_refused_url(*, task_state, user) -> str | None:
    """Where to send ``user`` with an explanation when they may not act on
    ``task_state`` (already finished, or a page they may not publish); None
    when they may."""
    page = task_state.workflow_state.content_object
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        reason = "afgerond"
    elif not user_may_review(page=page, user=user):
        reason = "andere-wijk"
    else:
        return None
    return reverse("neighbourhood_review_refused", args=[page.pk, reason])


def review_pages_of(*, user) -> list[dict]:
    """The pages ``user`` submitted that wait for review or for changes, newest
    first, for their dashboard: each with its status, the reviewer's comment
    when changes were asked, and the link to edit it. Only pages the user may
    still edit (not one moved to another WOP since)."""
    if user is None or not user.is_authenticated:
        return []
    states = list(
        WorkflowState.objects.active()
        .filter(
            requested_by=user,
            base_content_type=ContentType.objects.get_for_model(Page),
        )
        .select_related("current_task_state__finished_by")
        .order_by("-created_at")
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    rows = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None or not page.permissions_for_user(user).can_edit():
            continue
        row = {
            "page": page,
            "title": page.get_admin_display_title(),
            "changes_requested": False,
            "comment": "",
            "reviewer": None,
            "since": state.created_at,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        }
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state
            row.update(
                changes_requested=True,
                comment=task_state.comment,
                reviewer=task_state.finished_by,
                since=task_state.finished_at,
            )
        rows.append(row)
    return rows
