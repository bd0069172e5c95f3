"""The WOP review ("WOP-controle"): the e-mail it sends (the workflow itself
is made in ``setup``).

Volunteers submit their WOP's pages; a coordinator responsible for that WOP
approves (publishes) or asks for changes. Who may review is in
``neighbourhood.review.workflow``; everything here writes or sends mail.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    WorkflowState,
)

from neighbourhood.addresses import absolute_url
from neighbourhood.models import (
    COORDINATORS_GROUP,
    WopReviewTask,
)
from neighbourhood.outbox.services import email_enqueue
from neighbourhood.review.workflow import page_wop
from neighbourhood.scoping.access import wop_reviewers


def _edit_url(page) -> str:
    return absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _wants(users, notification: str):
    """``users`` without those who turned ``notification`` ("submitted",
    "approved", "rejected") off in their Wagtail account settings."""
    return users.exclude(
        **{f"wagtail_userprofile__{notification}_notifications": False}
    )


def review_recipients(*, page, requested_by=None) -> list[str]:
    """Whom a review request for ``page`` goes to: the coordinators responsible
    for its WOP (see ``wop_reviewers``), or the city-wide coordinators for a
    page outside every WOP. Never the one who asked."""
    wop = page_wop(page)
    if wop is not None:
        users = wop_reviewers(wop=wop)
    else:
        users = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=COORDINATORS_GROUP)
            .exclude(email="")
            .distinct()
        )
    if requested_by is not None:
        users = users.exclude(pk=requested_by.pk)
    return sorted(set(_wants(users, "submitted").values_list("email", flat=True)))


def review_request_notify(*, task_state, requested_by=None, moved: bool = False):
    """Ask the reviewers of ``task_state``'s page to review it; ``moved`` when
    the page came to their WOP while waiting. Returns the queued e-mail, or
    None when there is nobody to tell."""
    page = task_state.workflow_state.content_object.specific
    requested_by = requested_by or task_state.workflow_state.requested_by
    to = review_recipients(page=page, requested_by=requested_by)
    if not to:
        return None
    submitted = task_state.revision.as_object()
    wop = page_wop(page)
    return email_enqueue(
        to=to,
        subject=_("Ter controle: %(page)s") % {"page": submitted.title},
        template="neighbourhood/email/review_request.txt",
        context={
            "page": submitted,
            "wop": wop,
            "requested_by": requested_by,
            "moved": moved,
            "review_url": _edit_url(page),
        },
    )


def review_outcome_notify(*, workflow_state: WorkflowState, by=None):
    """Tell whoever submitted the page that it was approved, or that changes
    were asked, with the reviewer's comment. Returns the queued e-mail, or
    None when there is nobody to tell (they reviewed it themselves, say)."""
    approved = workflow_state.status == WorkflowState.STATUS_APPROVED
    requested_by = workflow_state.requested_by
    if requested_by is None or requested_by == by:
        return None
    wanted = _wants(
        get_user_model()
        .objects.filter(pk=requested_by.pk, is_active=True)
        .exclude(email=""),
        "approved" if approved else "rejected",
    )
    if not wanted.exists():
        return None
    task_state = workflow_state.current_task_state
    # Fresh from the database: publishing set the scheduled time on it.
    revision = Revision.objects.get(pk=task_state.revision_id)
    page = workflow_state.content_object.specific
    title = revision.as_object().title
    context = {
        "page": page,
        "title": title,
        "wop": page_wop(page),
        "reviewer": by,
        "comment": task_state.comment,
        "go_live_at": revision.approved_go_live_at,
        "live_url": page.full_url if page.live else "",
        "edit_url": _edit_url(page),
    }
    if approved:
        subject = _("Goedgekeurd: %(page)s") % {"page": title}
        template = "neighbourhood/email/review_approved.txt"
    else:
        subject = _("Wijzigingen gevraagd: %(page)s") % {"page": title}
        template = "neighbourhood/email/review_changes_requested.txt"
    return email_enqueue(
        to=[requested_by.email], subject=subject, template=template, context=context
    )


def review_page_moved_notify(*, page, wop_before) -> int:
    """After ``page`` moved out of ``wop_before``: send its reviews in progress,
    and those of the pages below it, to the reviewers of the WOP it is in now.

    Returns how many review requests were sent again.
    """
    if page_wop(page) == wop_before:
        return 0
    page_ids = Page.objects.descendant_of(page, inclusive=True).values_list(
        "pk", flat=True
    )
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__content_type=ContentType.objects.get_for_model(WopReviewTask),
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id__in=[str(pk) for pk in page_ids],
    ).select_related("workflow_state", "revision")
    sent = 0
    for task_state in states:
        if review_request_notify(task_state=task_state, moved=True):
            sent += 1
    return sent
