"""The page tree editors can build, and the WOP editor form."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from neighbourhood.models import (
    BuddyProjectPage,
    CardActionPage,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    PostcodeArea,
    StreetPage,
    TreatActionPage,
    WaveTileActionPage,
)
from tests.factories import make_street, make_user
from welcome_pack.models import WelcomePackPage


def _allowed(page_class):
    return set(page_class.allowed_subpage_models())


def test_tree_rules_follow_the_design(db):
    assert _allowed(Page) >= {HomePage}
    assert _allowed(HomePage) == {
        NeighbourhoodIndexPage,
        BuddyProjectPage,
        EventIndexPage,
        StandardPage,
    }
    assert _allowed(NeighbourhoodIndexPage) == {NeighbourhoodPage}
    assert _allowed(NeighbourhoodPage) == {
        StreetPage,
        BuddyProjectPage,
        CardActionPage,
        TreatActionPage,
        WaveTileActionPage,
        EventIndexPage,
        WelcomePackPage,
    }
    assert _allowed(EventIndexPage) == {EventPage}
    assert _allowed(EventPage) == set()
    assert _allowed(BuddyProjectPage) == set()
    assert _allowed(StreetPage) == set()
    assert _allowed(StandardPage) == {StandardPage}


def test_pages_can_only_be_made_where_the_design_puts_them(home, wop):
    street = make_street(wop=wop)

    assert NeighbourhoodPage.can_create_at(wop.get_parent())
    assert not NeighbourhoodPage.can_create_at(home)
    assert StreetPage.can_create_at(wop)
    assert not StreetPage.can_create_at(home)
    assert not StreetPage.can_create_at(street)
    assert BuddyProjectPage.can_create_at(wop)
    assert BuddyProjectPage.can_create_at(home)
    assert not BuddyProjectPage.can_create_at(street)
    assert not StandardPage.can_create_at(wop)
    assert not HomePage.can_create_at(home)


def test_only_one_neighbourhood_index(home, neighbourhood_index):
    assert not NeighbourhoodIndexPage.can_create_at(home)


def test_admin_refuses_a_street_under_the_home_page_without_crashing(
    admin_client, home
):
    url = reverse(
        "wagtailadmin_pages:add", args=["neighbourhood", "streetpage", home.pk]
    )

    response = admin_client.get(url, follow=True)

    assert response.redirect_chain == [("/beheer/", 302)]
    assert "geen toegang" in str(list(response.context["messages"])[0])


def _wop_form_data(areas, **fields):
    data = {
        "title": "Middelwatering",
        "slug": "middelwatering",
        "intro": "Samen in Middelwatering.",
        "postcode_areas": inline_formset(
            [{"first": first, "last": last} for first, last in areas], min=1
        ),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def _add_wop(client, index, areas):
    url = reverse(
        "wagtailadmin_pages:add", args=["neighbourhood", "neighbourhoodpage", index.pk]
    )
    return client.post(url, _wop_form_data(areas))


def test_editor_saves_a_wop_with_an_area_and_a_range(admin_client, neighbourhood_index):
    response = _add_wop(
        admin_client, neighbourhood_index, [("2902", ""), ("2903 aa", "2903 mz")]
    )

    assert response.status_code == 302
    wop = NeighbourhoodPage.objects.get(slug="middelwatering")
    assert [str(area) for area in wop.postcode_areas.all()] == [
        "2902",
        "2903 AA – 2903 MZ",
    ]


def test_area_overlapping_another_wop_is_refused_with_its_name(
    admin_client, neighbourhood_index, other_wop
):
    # other_wop (Oostgaarde) covers 2903 AA – 2903 MZ.
    response = _add_wop(admin_client, neighbourhood_index, [("2903 MA", "2903 ZZ")])

    assert response.status_code == 200
    assert "Oostgaarde" in response.content.decode()
    assert "overlapt" in response.content.decode()
    assert not NeighbourhoodPage.objects.filter(slug="middelwatering").exists()


def test_whole_area_overlapping_a_range_of_another_wop_is_refused(
    admin_client, neighbourhood_index, other_wop
):
    response = _add_wop(admin_client, neighbourhood_index, [("2903", "")])

    assert response.status_code == 200
    assert not NeighbourhoodPage.objects.filter(slug="middelwatering").exists()


def test_adjacent_ranges_of_two_wops_are_fine(
    admin_client, neighbourhood_index, other_wop
):
    response = _add_wop(admin_client, neighbourhood_index, [("2903 NA", "2903 ZZ")])

    assert response.status_code == 302


def test_overlap_within_one_wop_is_refused(admin_client, neighbourhood_index):
    response = _add_wop(
        admin_client, neighbourhood_index, [("2902", ""), ("2902 KA", "2902 KZ")]
    )

    assert response.status_code == 200
    assert "hierboven" in response.content.decode()


def test_editing_a_wop_may_keep_its_own_areas(admin_client, wop):
    url = reverse("wagtailadmin_pages:edit", args=[wop.pk])
    areas = list(wop.postcode_areas.all())
    data = _wop_form_data([], title=wop.title, slug=wop.slug, intro=wop.intro)
    data.update(
        nested_form_data(
            {
                "postcode_areas": inline_formset(
                    [
                        {"id": area.pk, "first": area.first, "last": area.last}
                        for area in areas
                    ],
                    initial=len(areas),
                    min=1,
                )
            }
        )
    )
    data["action-publish"] = "publish"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert PostcodeArea.objects.filter(page=wop).count() == 2


def test_malformed_area_gets_a_message_next_to_the_field(
    admin_client, neighbourhood_index
):
    response = _add_wop(admin_client, neighbourhood_index, [("29 AB", "")])

    assert response.status_code == 200
    assert "Vul een postcodegebied in" in response.content.decode()


def test_range_ending_before_it_starts_is_refused(admin_client, neighbourhood_index):
    response = _add_wop(admin_client, neighbourhood_index, [("2903 MZ", "2903 AA")])

    assert response.status_code == 200
    assert "na de eerste" in response.content.decode()


def test_volunteer_cannot_open_another_wops_editor(client, wop, other_wop, volunteer):
    client.force_login(volunteer)

    own = client.get(reverse("wagtailadmin_pages:edit", args=[wop.pk]))
    other = client.get(reverse("wagtailadmin_pages:edit", args=[other_wop.pk]))

    assert own.status_code == 200
    assert other.status_code in (302, 403)


def test_resident_without_rights_cannot_enter_the_admin(client, wop):
    client.force_login(make_user())

    response = client.get(reverse("wagtailadmin_pages:edit", args=[wop.pk]))

    assert response.status_code in (302, 403)
