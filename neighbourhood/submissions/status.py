"""One status machine for the volunteers' queues.

A kind of submission declares its machine in its own room: which status may
follow which, and what a step records beside the status (a reason, a day,
who took it). ``StatusMachine.transition`` takes one step the same way for
every kind: it locks the row, checks the step, records it, saves it and logs
it as "verbuurzamen.status" (shown by ``log.StatusChangeFormatter``). What
else a kind does on a step, such as counting stock or sending an e-mail, it
passes as hooks. The queue's form for a step is ``status_forms.StepForm``.

An RSVP has no machine: volunteers do not step it along; its status follows
the places left on its date (``events.services``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log


class TransitionNotAllowed(Exception):
    """This step cannot be taken from the current status; the message says
    why, in Dutch."""


@dataclass(frozen=True)
class Step:
    """What a step to one status records beside the status: the reason it
    needs (``note_field``; refused with ``note_missing`` when left empty),
    the day it happened (``date_field``; today unless given) and who took it
    (``by_field``)."""

    note_field: str = ""
    note_missing: str = ""
    date_field: str = ""
    by_field: str = ""


# before_save(instance, previous=...) sees the new status and may refuse with
# TransitionNotAllowed; after_save(instance, previous=...) runs once the step
# is saved and logged, in the same transaction.
Hook = Callable[..., None]


class StatusMachine:
    """The steps of one kind's queue: ``transitions`` maps a status to the
    statuses that may follow it; ``steps`` says what a step to a status
    records (``Step``)."""

    def __init__(
        self,
        *,
        model: type[models.Model],
        transitions: dict[str, set[str]],
        steps: dict[str, Step] | None = None,
        before_save: Hook | None = None,
        after_save: Hook | None = None,
    ):
        self.model = model
        self.transitions = transitions
        self.steps = steps or {}
        self.before_save = before_save
        self.after_save = after_save

    def allowed(self, status: str) -> set[str]:
        """The statuses an item in ``status`` may move to."""
        return self.transitions.get(status, set())

    def choices(self) -> list[tuple[str, str]]:
        """Every status a step can lead to, with its label, in the model's order."""
        targets = set().union(*self.transitions.values())
        return [
            (value, label)
            for value, label in self._status_choices()
            if value in targets
        ]

    def label(self, status: str) -> str:
        return dict(self._status_choices()).get(status, status)

    def _status_choices(self):
        return self.model._meta.get_field("status").flatchoices

    @transaction.atomic
    def transition(
        self, instance, *, to: str, by, note: str = "", on: date | None = None
    ):
        """Move ``instance`` to ``to``, logged with who took the step; returns
        the saved row. Raises TransitionNotAllowed, and then nothing changes."""
        instance = self.model._default_manager.select_for_update().get(pk=instance.pk)
        previous = instance.status
        if to not in self.allowed(previous):
            raise TransitionNotAllowed(
                _("Van ‘%(from)s’ kan dit niet naar ‘%(to)s’.")
                % {"from": instance.get_status_display(), "to": self.label(to)}
            )
        step = self.steps.get(to, Step())
        if step.note_field:
            if not note.strip():
                raise TransitionNotAllowed(str(step.note_missing))
            setattr(instance, step.note_field, note.strip())
        if step.date_field:
            setattr(instance, step.date_field, on or timezone.localdate())
        if step.by_field:
            setattr(instance, step.by_field, by)
        instance.status = to
        if self.before_save is not None:
            self.before_save(instance, previous=previous)
        instance.save()
        log(
            instance=instance,
            action="verbuurzamen.status",
            user=by,
            data={"from": previous, "to": to},
        )
        if self.after_save is not None:
            self.after_save(instance, previous=previous)
        return instance
