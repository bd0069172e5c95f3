"""Wagtail's page permission policy, once for every page type: page
permissions are held on ``Page``. Below the models (it reads none of ours),
so the WOP review's task model can use it through ``review.workflow``."""

from wagtail.permission_policies.pages import PagePermissionPolicy

page_policy = PagePermissionPolicy()
