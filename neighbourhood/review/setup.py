"""The WOP review's workflow in Wagtail: made once and kept whole, with its
one review task, over the whole neighbourhood tree. Called whenever the
coordinators' group is set up (``scoping.access.coordinators_sync``)."""

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from neighbourhood.models import NeighbourhoodIndexPage, WopReviewTask

WORKFLOW_NAME = "WOP-controle"
TASK_NAME = "Controle door coördinator"


@transaction.atomic
def wop_review_workflow_sync() -> Workflow:
    """Make sure the "WOP-controle" workflow exists, active, with its one
    review task, and covers the whole neighbourhood tree. Safe to call any
    number of times.

    Returns the workflow.
    """
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = (
        WopReviewTask.objects.filter(workflow_tasks__workflow=workflow).first()
        or WopReviewTask.objects.filter(name=TASK_NAME).first()
        or WopReviewTask.objects.create(name=TASK_NAME)
    )
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for index_page in NeighbourhoodIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(
            page=index_page, defaults={"workflow": workflow}
        )
    return workflow
