import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy

from neighbourhood.models import COORDINATORS_GROUP, WopGroup
from neighbourhood.scoping.access import wop_group
from neighbourhood.scoping.permissions import wops_for_user
from tests.factories import make_street, make_user, make_volunteer, make_wop

pages = PagePermissionPolicy()


def _can(user, action, page):
    # A fresh user object: Wagtail caches permissions on the instance.
    user = type(user).objects.get(pk=user.pk)
    return pages.user_has_permission_for_instance(user, action, page)


def test_new_wop_gets_a_volunteer_group_named_after_it(wop):
    group = wop_group(wop)

    assert group.name == "Volunteers Schollevaar"
    assert group.permissions.filter(codename="access_admin").exists()


def test_volunteer_group_may_edit_exactly_its_wop_subtree(wop, other_wop):
    group = wop_group(wop)

    granted = GroupPagePermission.objects.filter(group=group)
    assert {p.page_id for p in granted} == {wop.pk}
    assert {p.permission.codename for p in granted} == {"add_page", "change_page"}


def test_volunteer_edits_own_wop_and_streets_but_nothing_else(
    wop, other_wop, home, neighbourhood_index, volunteer
):
    street = make_street(wop=wop)
    other_street = make_street(wop=other_wop, title="Elders", slug="elders")

    assert _can(volunteer, "change", wop)
    assert _can(volunteer, "change", street)
    assert not _can(volunteer, "publish", street)
    assert not _can(volunteer, "change", other_wop)
    assert not _can(volunteer, "change", other_street)
    assert not _can(volunteer, "change", neighbourhood_index)
    assert not _can(volunteer, "change", home)


def test_renamed_wop_renames_its_group(wop):
    wop.title = "Schollevaar-Noord"
    wop.save()

    assert wop_group(wop).name == ("Volunteers Schollevaar-Noord")
    assert Group.objects.filter(name__startswith="Volunteers").count() == 1


def test_two_wops_with_the_same_name_get_separate_groups(neighbourhood_index):
    first = make_wop(title="Centrum", slug="centrum", areas=["2901"])
    second = make_wop(title="Centrum", slug="centrum-2", areas=["2902"])

    assert wop_group(first) != wop_group(second)


def test_volunteer_sees_only_their_wop(wop, other_wop, volunteer):
    assert list(wops_for_user(volunteer)) == [wop]


def test_volunteer_of_two_wops_sees_both(wop, other_wop):
    user = make_volunteer(wop, other_wop)

    assert set(wops_for_user(user)) == {wop, other_wop}


def test_coordinator_sees_every_wop(wop, other_wop, coordinator):
    assert set(wops_for_user(coordinator)) == {wop, other_wop}


def test_coordinator_may_publish_in_every_wop(wop, other_wop, coordinator):
    assert _can(coordinator, "publish", wop)
    assert _can(coordinator, "publish", other_wop)


def test_superuser_sees_every_wop(wop, other_wop):
    admin = make_user(is_superuser=True)

    assert set(wops_for_user(admin)) == {wop, other_wop}


def test_anonymous_user_and_plain_member_see_no_wop(wop):
    assert not wops_for_user(AnonymousUser()).exists()
    assert not wops_for_user(make_user()).exists()


def test_removing_a_volunteer_from_the_group_removes_access_at_once(wop, volunteer):
    volunteer.groups.remove(wop_group(wop))

    assert not wops_for_user(type(volunteer).objects.get(pk=volunteer.pk)).exists()


def test_repair_restores_groups_and_permissions_idempotently(
    wop, other_wop, coordinator
):
    group = wop_group(wop)
    GroupPagePermission.objects.filter(group=group).delete()
    GroupPagePermission.objects.create(
        group=group,
        page=other_wop,
        permission=GroupPagePermission.objects.filter(group=wop_group(other_wop))
        .first()
        .permission,
    )
    Group.objects.get(name=COORDINATORS_GROUP).page_permissions.all().delete()

    call_command("repair_wop_access", stdout=None)
    snapshot = sorted(
        GroupPagePermission.objects.values_list(
            "group__name", "page_id", "permission__codename"
        )
    )
    call_command("repair_wop_access", stdout=None)

    assert set(wops_for_user(make_volunteer(wop))) == {wop}
    assert set(wops_for_user(coordinator)) == {wop, other_wop}
    assert snapshot == sorted(
        GroupPagePermission.objects.values_list(
            "group__name", "page_id", "permission__codename"
        )
    )


def test_repair_removes_the_group_of_a_deleted_wop(wop):
    group_pk = wop_group(wop).pk
    wop.delete()

    call_command("repair_wop_access", stdout=None)

    assert not Group.objects.filter(pk=group_pk).exists()
    assert not WopGroup.objects.exists()


@pytest.mark.parametrize("areas", [["2901"], [("2901 AA", "2901 KZ")]])
def test_wop_made_outside_the_admin_gets_its_group_too(neighbourhood_index, areas):
    wop = make_wop(title="Dorp", areas=areas)

    assert wop_group(wop).name == "Volunteers Dorp"


def test_street_moved_to_another_wop_follows_that_wops_volunteers(
    wop, other_wop, volunteer
):
    street = make_street(wop=wop)
    assert _can(volunteer, "change", street)

    street.move(other_wop, pos="last-child")
    street.refresh_from_db()

    assert not _can(volunteer, "change", street)
    assert _can(make_volunteer(other_wop), "change", street)
