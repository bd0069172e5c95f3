from django.utils.translation import gettext_lazy as _
from wagtail.models import Task

from neighbourhood.review import workflow


class WopReviewTask(Task):
    """ "WOP-controle": a coordinator responsible for the page's WOP approves
    it (publishes) or asks for changes.

    Unlike Wagtail's group approval, who may review follows the page: whoever
    may publish it, and the review request goes to the coordinators of the
    page's own WOP, not to every moderator of the site. The behaviour lives in
    ``neighbourhood.review.workflow``.
    """

    class Meta:
        verbose_name = _("WOP-controle")
        verbose_name_plural = _("WOP-controles")

    def start(self, workflow_state, user=None):
        workflow.lock_release_for_review(page=workflow_state.content_object)
        return super().start(workflow_state, user=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # Wagtail checks the user against the page in the URL, not against the
        # task state it acts on: check that one too.
        refused_url = workflow.review_refused_url(task_state=task_state, user=user)
        if refused_url:
            return refused_url
        return super().on_action(task_state, user, action_name, **kwargs)

    def user_can_access_editor(self, obj, user):
        return workflow.user_may_review(page=obj, user=user)

    def locked_for_user(self, obj, user):
        return not workflow.user_may_review(page=obj, user=user)

    def user_can_lock(self, obj, user):
        return workflow.user_may_review(page=obj, user=user)

    def user_can_unlock(self, obj, user):
        return workflow.user_may_review(page=obj, user=user)

    def get_actions(self, obj, user):
        return workflow.review_actions(page=obj, user=user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return workflow.task_states_reviewable(task=self, user=user)

    @classmethod
    def get_description(cls):
        return _(
            "Wie de pagina mag publiceren (de coördinatoren van haar wijk) keurt "
            "haar goed of vraagt om wijzigingen."
        )
