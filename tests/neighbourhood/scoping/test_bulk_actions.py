"""Every bulk action Wagtail offers on pages, images, documents and key
figures is replaced by one that takes only what the user may see (the
permission matrix tries them on another WOP's objects)."""

import pytest
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from neighbourhood.scoping.bulk_actions import VisibleObjectsBulkActionMixin


@pytest.mark.parametrize(
    "app_label, model_name",
    [
        ("wagtailcore", "page"),
        ("wagtailimages", "image"),
        ("wagtaildocs", "document"),
        ("neighbourhood", "keyfigure"),
    ],
)
def test_every_bulk_action_takes_only_visible_objects(app_label, model_name):
    actions = list(
        bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
    )

    assert actions
    assert [
        action.action_type
        for action in actions
        if not issubclass(action, VisibleObjectsBulkActionMixin)
    ] == []
