"""WOP scoping in the admin: the permission policy and the viewset base.

A volunteer must never see another WOP's personal data: not in listings,
filters or exports, nor by guessing URLs.
"""

from io import BytesIO

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.http import Http404
from django.urls import reverse
from openpyxl import load_workbook

from neighbourhood.buddies.services import match_confirm
from neighbourhood.buddies.viewsets import buddy_match_viewset, buddy_signup_viewset
from neighbourhood.models import BuddyMatch, BuddySignup, NeighbourhoodPage
from neighbourhood.scoping.access import wop_group
from neighbourhood.scoping.permissions import (
    WopOwnedPermissionPolicy,
    policy_for,
    queryset_for_user,
    wops_for_user,
)
from neighbourhood.scoping.viewsets import WopOwnedViewSet
from tests.factories import make_buddy_signup, make_user, make_wop

pytestmark = pytest.mark.django_db

policy = policy_for(BuddySignup)


def _fresh(user):
    # Permissions are cached on the user object, as in a request.
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def own(buddy_project):
    return make_buddy_signup(project=buddy_project, name="Hans van Schollevaar")


@pytest.fixture
def foreign(other_buddy_project):
    return make_buddy_signup(
        project=other_buddy_project, name="Zeynep van Oostgaarde", postcode="2903AB"
    )


def _assert_refused(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def _url(view, signup=None, viewset=buddy_signup_viewset):
    args = [signup.pk] if signup is not None else []
    return reverse(viewset.get_url_name(view), args=args)


# The policy ------------------------------------------------------------------


def test_volunteer_may_act_on_own_wops_rows_only(volunteer, own, foreign):
    volunteer = _fresh(volunteer)

    assert policy.user_has_permission(volunteer, "change")
    assert not policy.user_has_permission(volunteer, "delete")
    assert policy.user_has_permission_for_instance(volunteer, "change", own)
    assert not policy.user_has_permission_for_instance(volunteer, "change", foreign)
    assert not policy.user_has_any_permission_for_instance(
        volunteer, ["view", "change"], foreign
    )
    assert list(policy.instances_user_has_permission_for(volunteer, "change")) == [own]


def test_model_permission_without_a_wop_gives_nothing(wop, own):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="change_buddysignup"))
    user = _fresh(user)

    assert not policy.user_has_permission(user, "change")
    assert not policy.user_has_permission_for_instance(user, "change", own)
    assert not policy.instances_user_has_permission_for(user, "change").exists()


def test_wop_without_the_model_permission_gives_nothing(wop, own):
    group = wop_group(wop)
    group.permissions.clear()
    user = make_user()
    user.groups.add(group)
    user = _fresh(user)

    assert list(wops_for_user(user)) == [wop]

    assert not policy.user_has_permission(user, "view")
    assert not policy.instances_user_has_any_permission_for(user, ["view"]).exists()


def test_coordinator_and_superuser_act_everywhere(coordinator, own, foreign):
    superuser = make_user(is_superuser=True)

    for user in (_fresh(coordinator), _fresh(superuser)):
        assert policy.user_has_permission_for_instance(user, "delete", foreign)
        assert set(policy.instances_user_has_permission_for(user, "change")) == {
            own,
            foreign,
        }


def test_anonymous_user_has_no_permission(own):
    assert not policy.user_has_permission(AnonymousUser(), "view")
    assert not policy.user_has_permission_for_instance(AnonymousUser(), "view", own)


def test_users_with_permission_for_an_instance_are_its_wops(
    volunteer, other_volunteer, coordinator, own
):
    assert set(policy.users_with_any_permission_for_instance(["change"], own)) == {
        volunteer,
        coordinator,
    }


def test_choices_of_wops_and_wop_owned_rows_are_cut_to_the_users(
    volunteer, wop, other_wop, own, foreign
):
    volunteer = _fresh(volunteer)

    assert list(queryset_for_user(NeighbourhoodPage.objects.all(), volunteer)) == [wop]
    assert list(queryset_for_user(BuddySignup.objects.all(), volunteer)) == [own]


# The admin views -------------------------------------------------------------


def test_volunteer_lists_own_wops_signups_only(client, volunteer, own, foreign):
    client.force_login(volunteer)

    response = client.get(_url("index"))

    assert response.status_code == 200
    assert list(response.context["object_list"]) == [own]
    assert "Hans van Schollevaar" in response.content.decode()
    assert "Zeynep" not in response.content.decode()


def test_filtering_or_searching_for_another_wop_shows_nothing_of_it(
    client, volunteer, other_wop, own, foreign
):
    client.force_login(volunteer)

    by_wop = client.get(_url("index"), {"wop": other_wop.pk})
    by_name = client.get(_url("index"), {"q": "Zeynep"})

    assert foreign not in by_wop.context["object_list"]
    assert list(by_name.context["object_list"]) == []


def test_wop_filter_offers_only_the_users_wops(
    client, volunteer, coordinator, wop, other_wop
):
    client.force_login(volunteer)
    response = client.get(_url("index"))

    assert list(response.context["filters"].form.fields["wop"].queryset) == [wop]

    client.force_login(coordinator)
    response = client.get(_url("index"))

    assert set(response.context["filters"].form.fields["wop"].queryset) == {
        wop,
        other_wop,
    }


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage", "delete"])
def test_volunteer_cannot_open_another_wops_signup_by_url(
    client, volunteer, own, foreign, view
):
    client.force_login(volunteer)

    assert client.get(_url(view, foreign)).status_code == 404


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage"])
def test_volunteer_opens_own_wops_signup(client, volunteer, own, view):
    client.force_login(volunteer)

    response = client.get(_url(view, own))

    assert response.status_code == 200
    assert "Hans van Schollevaar" in response.content.decode()


def test_volunteer_cannot_change_another_wops_signup(client, volunteer, foreign):
    client.force_login(volunteer)

    response = client.post(
        _url("edit", foreign),
        {"status": "contacted", "role": "seeker", "name": "Gewijzigd"},
    )

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert (foreign.name, foreign.status) == ("Zeynep van Oostgaarde", "new")


def test_volunteer_cannot_delete_any_signup(client, volunteer, own, foreign):
    client.force_login(volunteer)

    assert client.post(_url("delete", foreign)).status_code == 404
    _assert_refused(client.post(_url("delete", own)))
    assert BuddySignup.objects.count() == 2


def test_coordinator_sees_and_deletes_every_wops_signup(
    client, coordinator, own, foreign
):
    client.force_login(coordinator)

    response = client.get(_url("index"))
    assert set(response.context["object_list"]) == {own, foreign}
    assert client.get(_url("edit", foreign)).status_code == 200

    client.post(_url("delete", foreign))
    assert list(BuddySignup.objects.all()) == [own]


def test_csv_export_holds_only_the_users_wops(client, volunteer, own, foreign):
    client.force_login(volunteer)

    response = client.get(_url("index"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "Hans van Schollevaar" in content
    assert "Zeynep" not in content


def test_xlsx_export_holds_only_the_users_wops(client, volunteer, own, foreign):
    client.force_login(volunteer)

    response = client.get(_url("index"), {"export": "xlsx"})

    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Hans van Schollevaar"]


def test_user_without_a_wop_gets_no_buddy_admin(client, own):
    user = make_user()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_buddysignup"),
    )
    client.force_login(user)

    _assert_refused(client.get(_url("index")))
    _assert_refused(client.get(_url("edit", own)))


def _match(project):
    return match_confirm(
        seeker=make_buddy_signup(project=project, name=f"Zoekt in {project}"),
        buddy=make_buddy_signup(
            project=project, name=f"Maatje in {project}", role="buddy"
        ),
        by=None,
    )


def test_a_second_wop_owned_model_is_scoped_the_same_way(
    client, volunteer, buddy_project, other_buddy_project
):
    own_match, foreign_match = _match(buddy_project), _match(other_buddy_project)
    client.force_login(volunteer)

    listing = client.get(_url("index", viewset=buddy_match_viewset))

    assert list(listing.context["object_list"]) == [own_match]
    for view in ("edit", "inspect", "history"):
        own = client.get(_url(view, own_match, viewset=buddy_match_viewset))
        foreign = client.get(_url(view, foreign_match, viewset=buddy_match_viewset))
        assert (own.status_code, foreign.status_code) == (200, 404)
    assert BuddyMatch.objects.count() == 2


def test_new_wop_extends_the_volunteers_of_no_other_wop(client, volunteer, own):
    newcomer = make_wop(title="Middelwatering", areas=["2905"])
    later = make_buddy_signup(
        project=own.project, wop=newcomer, name="Patricia", postcode="2905AB"
    )
    client.force_login(volunteer)

    assert client.get(_url("edit", later)).status_code == 404


def test_project_filter_offers_own_wops_and_city_wide_projects(
    client, volunteer, buddy_project, city_buddy_project, other_buddy_project
):
    client.force_login(volunteer)

    response = client.get(_url("index"))

    choices = response.context["filters"].form.fields["project"].queryset
    assert {p.pk for p in choices} == {buddy_project.pk, city_buddy_project.pk}


def test_a_bare_viewset_scopes_every_view_it_builds(rf, volunteer, own, foreign):
    viewset = WopOwnedViewSet(model=BuddySignup, name="bare")
    request = rf.get("/")
    request.user = _fresh(volunteer)
    index = viewset.index_view_class(model=BuddySignup)
    index.setup(request)

    assert isinstance(viewset.permission_policy, WopOwnedPermissionPolicy)
    assert list(index.get_base_queryset()) == [own]
    for view_class in (
        viewset.edit_view_class,
        viewset.delete_view_class,
        viewset.inspect_view_class,
        viewset.history_view_class,
        viewset.usage_view_class,
    ):
        view = view_class(
            model=BuddySignup, permission_policy=viewset.permission_policy
        )
        with pytest.raises(Http404):
            view.setup(request, pk=foreign.pk)
            view.get_object()


def test_smoelenboek_admin_lists_and_opens_only_the_users_wops(client, wop, other_wop):
    from django.contrib.auth.models import Permission
    from django.urls import reverse

    from neighbourhood.models import KeyFigure
    from tests.factories import make_volunteer

    own = KeyFigure.objects.create(wop=wop, name="Ingrid", role="Opbouwwerker")
    foreign = KeyFigure.objects.create(wop=other_wop, name="Fatma", role="Conciërge")
    volunteer = make_volunteer(wop, email="smoelenboek@example.org")
    volunteer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_keyfigure", "change_keyfigure"])
    )
    client.force_login(volunteer)

    listing = client.get(reverse("wagtailsnippets_neighbourhood_keyfigure:list"))
    other = client.get(
        reverse("wagtailsnippets_neighbourhood_keyfigure:edit", args=[foreign.pk])
    )
    mine = client.get(
        reverse("wagtailsnippets_neighbourhood_keyfigure:edit", args=[own.pk])
    )

    assert "Ingrid" in listing.content.decode()
    assert "Fatma" not in listing.content.decode()
    assert other.status_code in (302, 403, 404)
    assert mine.status_code == 200
