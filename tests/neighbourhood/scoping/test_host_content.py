"""The plugin's scoping covers its own pages and the WOPs' collections only:
a host's own pages, images and documents are shown and acted on exactly as
Wagtail does, to its own editors and to volunteers alike, while another
WOP's drafts and images stay out of sight on the same screens."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Collection, GroupPagePermission

from home.models import StandardPage
from neighbourhood.buddies.viewsets import buddy_signup_viewset
from neighbourhood.scoping.visibility import pages_visible_to
from tests.factories import (
    make_buddy_signup,
    make_image,
    make_standard_page,
    make_street,
    make_user,
    wop_collection,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home):
    """The host's own news section, edited by its own editors."""
    return make_standard_page(parent=home, title="Nieuws", slug="nieuws")


@pytest.fixture
def host_editor(news):
    """An editor of the host's news section: no volunteer, no WOP."""
    group = Group.objects.create(name="Redactie nieuws")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=news,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    editor = make_user(email="redactie@example.org")
    editor.groups.add(group)
    return editor


@pytest.fixture
def vacancies(home):
    """A host page in draft that nobody but the site's admins may edit."""
    page = make_standard_page(
        parent=home, title="Vacatures (concept)", slug="vacatures", live=False
    )
    page.owner = make_user(email="webmaster@example.org")
    page.save()
    return page


@pytest.fixture
def other_wops_draft(other_wop):
    """A draft page of another WOP."""
    return make_street(wop=other_wop, title="Concept Oostgaarde", live=False)


@pytest.fixture(params=["host_editor", "volunteer"])
def someone(request):
    """The host's own editor, or a volunteer of Schollevaar."""
    return request.getfixturevalue(request.param)


def _chooser_titles(client, parent):
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_host_pages_are_not_narrowed_by_the_plugin(
    host_editor, volunteer, vacancies, news
):
    host_pages = StandardPage.objects.all()

    for user in (host_editor, volunteer):
        assert set(pages_visible_to(user, host_pages)) == set(host_pages)


def test_the_page_chooser_offers_the_host_drafts_as_wagtail_does(
    client, someone, home, vacancies, other_wops_draft
):
    client.force_login(someone)

    assert "Vacatures (concept)" in _chooser_titles(client, home)
    assert "Concept Oostgaarde" not in _chooser_titles(
        client, other_wops_draft.get_parent()
    )


def test_the_page_chooser_opens_a_host_draft_but_not_another_wops(
    client, someone, vacancies, other_wops_draft
):
    client.force_login(someone)
    chosen = reverse("wagtailadmin_choose_page_chosen_multiple")

    assert client.get(f"{chosen}?id={vacancies.pk}").status_code == 200
    assert client.get(f"{chosen}?id={other_wops_draft.pk}").status_code == 404
    browse = "wagtailadmin_choose_page_child"
    assert client.get(reverse(browse, args=[vacancies.pk])).status_code == 200
    assert client.get(reverse(browse, args=[other_wops_draft.pk])).status_code == 404


def test_a_bulk_action_on_a_host_page_answers_as_wagtails(
    client, host_editor, vacancies, other_wops_draft
):
    """Wagtail lists a page the editor may not delete as "no permission";
    another WOP's draft is not even named."""
    client.force_login(host_editor)

    def delete(page):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        return client.get(f"{url}?id={page.pk}")

    response = delete(vacancies)
    assert response.status_code == 200
    assert "Vacatures (concept)" in response.content.decode()
    assert StandardPage.objects.filter(pk=vacancies.pk).exists()
    assert delete(other_wops_draft).status_code == 404


@pytest.fixture
def host_image():
    """An image in a collection of the host's own, not a WOP's."""
    collection = Collection.get_first_root_node().add_child(name="Nieuwsfoto's")
    return make_image(collection, "Opening stadhuis")


def test_host_images_are_listed_and_chosen_as_wagtail_does(
    client, someone, wop, other_wop, host_image
):
    """Wagtail's admin API lists every image and its "choose a format" step
    opens any; of the WOPs' images only those of one's own WOP."""
    client.force_login(someone)
    other = make_image(wop_collection(other_wop), "Markt Oostgaarde")

    listed = client.get("/beheer/api/main/images/").json()["items"]
    titles = {item["title"] for item in listed}
    assert "Opening stadhuis" in titles
    assert "Markt Oostgaarde" not in titles

    def select_format(image):
        url = reverse("wagtailimages_chooser:select_format", args=[image.pk])
        return client.get(url).status_code

    assert select_format(host_image) == 200
    assert select_format(other) == 404


def test_the_explorers_owner_filter_names_host_owners_not_other_wops_volunteers(
    client, host_editor, news, vacancies, other_wop, other_volunteer
):
    draft = make_street(wop=other_wop, title="Concept Oostgaarde", live=False)
    draft.owner = other_volunteer
    draft.save()
    client.force_login(host_editor)

    page = client.get(reverse("wagtailadmin_explore", args=[news.pk])).content
    page = page.decode()

    assert "webmaster@example.org" in page
    assert "oostgaarde@example.org" not in page


def test_the_host_editors_dashboard_has_no_wop_panels(client, host_editor, wop):
    client.force_login(host_editor)

    response = client.get(reverse("wagtailadmin_home"))
    page = response.content.decode()

    assert response.status_code == 200
    assert 'class="w-summary"' in page  # Wagtail's own dashboard
    for heading in (
        "Te doen per wijk",
        "Aanmelden namens een bewoner",
        "Maatjes: navragen",
    ):
        assert heading not in page


def test_wagtails_editors_group_meets_no_residents_and_no_empty_wop_panels(
    client, wop, buddy_project
):
    """``wagtail start``'s Editors hold page rights on the root page, and so
    on every WOP's pages: still none of the residents' submissions, and no
    list of WOPs with nothing to do on their dashboard."""
    make_buddy_signup(project=buddy_project, name="Hans de Vries")
    editor = make_user(email="editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    dashboard = client.get(reverse("wagtailadmin_home"))
    signups = client.get(reverse(buddy_signup_viewset.get_url_name("index")))

    assert dashboard.status_code == 200
    assert "Te doen per wijk" not in dashboard.content.decode()
    assert signups.status_code == 302
    assert "Hans de Vries" not in signups.content.decode()


def test_a_volunteer_with_nothing_to_do_still_sees_their_wop(client, volunteer):
    client.force_login(volunteer)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Te doen per wijk" in page
    assert "Niets te doen" in page
