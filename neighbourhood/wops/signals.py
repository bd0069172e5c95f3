"""The signals of this app: page saves, and the WOP review.

A WOP page (or the neighbourhood index) can come into being through the
admin, a copy, the demo seed or a data import; ``post_save`` is the only place
that sees all of them. A review starts, ends and follows a moved page inside
Wagtail; its signals are the only place to hear of it.
"""

from django.db.models.signals import post_save
from wagtail.admin import signal_handlers
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import (
    post_page_move,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from neighbourhood import page_cache
from neighbourhood.models import (
    Audience,
    CardDesign,
    KeyFigure,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    Partner,
    PrivacySettings,
    TileStock,
    WopReviewTask,
)
from neighbourhood.review.services import (
    review_outcome_notify,
    review_page_moved_notify,
    review_request_notify,
)
from neighbourhood.review.workflow import page_wop
from neighbourhood.scoping.access import coordinators_sync, wop_access_sync

# Wagtail's own e-mail to the submitter on approval and on changes requested
# (wagtail.admin.signal_handlers): ours replace them, through the outbox and
# in our Dutch.
WAGTAIL_APPROVED_MAIL = "workflow_state_approved_email_notification"
WAGTAIL_REJECTED_MAIL = "workflow_state_rejected_email_notification"


def _wop_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    wop_access_sync(wop=instance)


def _neighbourhood_index_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:
        return
    coordinators_sync()


def _review_submitted(sender, instance, user=None, **kwargs):
    if not isinstance(instance.task.specific, WopReviewTask):
        return
    review_request_notify(task_state=instance, requested_by=user)


def _review_finished(sender, instance, user=None, **kwargs):
    if not isinstance(instance.content_object, Page):
        # Not a page (a snippet): Wagtail's own e-mail, as before.
        notifier = (
            signal_handlers.workflow_approval_email_notifier
            if instance.status == WorkflowState.STATUS_APPROVED
            else signal_handlers.workflow_rejection_email_notifier
        )
        notifier(instance=instance, user=user, **kwargs)
        return
    review_outcome_notify(workflow_state=instance, by=user)


def _page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_before.pk == parent_page_after.pk:
        return
    review_page_moved_notify(page=instance, wop_before=page_wop(parent_page_before))


def _replace_receiver(signal, receiver, *, dispatch_uid):
    """Put ``receiver`` in the place of the one Wagtail connects under
    ``dispatch_uid``, whichever app is ready first: a signal keeps the first
    receiver connected under a dispatch_uid and ignores later ones."""
    signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)
    signal.connect(receiver, sender=WorkflowState, dispatch_uid=dispatch_uid)


def connect():
    page_cache.connect()
    page_cache.clear_on_change(
        Audience, CardDesign, KeyFigure, Partner, PrivacySettings, TileStock
    )

    task_submitted.connect(
        _review_submitted, sender=TaskState, dispatch_uid="neighbourhood_review"
    )
    _replace_receiver(
        workflow_approved, _review_finished, dispatch_uid=WAGTAIL_APPROVED_MAIL
    )
    _replace_receiver(
        workflow_rejected, _review_finished, dispatch_uid=WAGTAIL_REJECTED_MAIL
    )
    post_page_move.connect(_page_moved, dispatch_uid="neighbourhood_review_moved")

    post_save.connect(
        _wop_saved, sender=NeighbourhoodPage, dispatch_uid="neighbourhood_wop_saved"
    )
    post_save.connect(
        _neighbourhood_index_saved,
        sender=NeighbourhoodIndexPage,
        dispatch_uid="neighbourhood_index_saved",
    )
