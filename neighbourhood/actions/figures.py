"""The neighbourhood actions' measures in the figures for the municipality
(``neighbourhood.figures.registry``), registered in
``NeighbourhoodConfig.ready()``: per kind of action, requested and done."""

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from neighbourhood.figures import registry
from neighbourhood.models import ActionKind, ActionRequest

ACTIONS_REQUESTED = _("Buurtacties aangevraagd")
ACTIONS_DONE = _("Buurtacties bezorgd of geplaatst")
REQUESTED_DEFINITION = _(
    "Aanvragen van bewoners in die maand, ook aanvragen die later werden "
    "afgewezen of ingetrokken."
)
DONE_DEFINITION = _(
    "Kaartjes en traktaties die een vrijwilliger in die maand bezorgde, en "
    "zwaaitegels die in die maand werden geplaatst."
)


def actions_requested(kind: str) -> Callable[..., registry.Counts]:
    def count(**range_) -> registry.Counts:
        # Every request made, whatever became of it.
        return registry.monthly_counts(
            ActionRequest.objects.filter(kind=kind), date_field="created_at", **range_
        )

    return count


def actions_done(kind: str) -> Callable[..., registry.Counts]:
    def count(**range_) -> registry.Counts:
        # The date it was done: set only on "done", kept when the sender
        # withdraws afterwards (which changes the status).
        return registry.monthly_counts(
            ActionRequest.objects.filter(kind=kind), date_field="handled_on", **range_
        )

    return count


def register_measures() -> None:
    for position, (kind, label) in enumerate(ActionKind.choices):
        registry.register(
            key=f"actions_requested_{kind}",
            label=label,
            group=ACTIONS_REQUESTED,
            count=actions_requested(kind),
            order=200 + position,
            definition=REQUESTED_DEFINITION,
        )
        registry.register(
            key=f"actions_done_{kind}",
            label=label,
            group=ACTIONS_DONE,
            count=actions_done(kind),
            order=250 + position,
            definition=DONE_DEFINITION,
        )
