"""Who may work in which WOP.

The one source is Wagtail's page permissions: a WOP's volunteer group holds
them on that WOP's page, the coordinators on the neighbourhood index. Every
listing of personal data starts from ``wops_for_user``.
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

from neighbourhood.models import NeighbourhoodPage

# Page permissions are held on Page, whatever the page type.
page_policy = PagePermissionPolicy()


def wops_for_user(user):
    """The WOP pages ``user`` may edit (and so work in): a queryset.

    All for superusers and for groups with rights on the whole neighbourhood
    tree, the group's own WOPs for a volunteer, none for anyone else.
    """
    if user is None or not user.is_authenticated:
        return NeighbourhoodPage.objects.none()
    return NeighbourhoodPage.objects.filter(
        pk__in=page_policy.instances_user_has_permission_for(user, "change").values(
            "pk"
        )
    )
