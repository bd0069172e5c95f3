"""Zoek een maatje: what does not fit is shown beside what does, and a buddy
from a project for another age band is never offered."""

import pytest
from django.urls import reverse

from neighbourhood.buddies.selectors import buddy_candidates_rank
from neighbourhood.buddies.viewsets import buddy_signup_viewset
from neighbourhood.models import Audience
from tests.factories import make_buddy_project, make_buddy_signup

pytestmark = pytest.mark.django_db


def _project(wop, title, *audiences):
    project = make_buddy_project(parent=wop, title=title)
    project.audiences.set(Audience.objects.filter(slug__in=audiences))
    project.save()  # a page's audiences are stored when it is saved
    return project


def test_what_does_not_fit_is_named(wop, other_wop, buddy_project):
    seeker = make_buddy_signup(
        project=buddy_project,
        name="Zeynep",
        interests=["cooking"],
        availability=["mon_morning"],
        languages=["tr"],
    )
    yonas = make_buddy_signup(
        project=buddy_project,
        role="buddy",
        name="Yonas",
        wop=other_wop,
        interests=["walking"],
        availability=["sat_evening"],
        languages=["ti", "other"],
        languages_other="Amhaars",
    )

    (candidate,) = buddy_candidates_rank(seeker=seeker)

    assert candidate.signup == yonas
    assert candidate.reasons == []
    assert candidate.mismatches == [
        "geen gedeelde interesses",
        "geen moment samen beschikbaar",
        "geen gemeenschappelijke taal (Turks; Tigrinya en Amhaars)",
        "wonen in een andere wijk",
    ]


def test_the_candidates_page_shows_fits_and_misfits_side_by_side(
    client, volunteer, buddy_project
):
    seeker = make_buddy_signup(
        project=buddy_project, availability=["mon_morning"], languages=["nl"]
    )
    make_buddy_signup(
        project=buddy_project,
        role="buddy",
        name="Truus",
        availability=["sun_evening"],
        languages=["nl"],
    )
    client.force_login(volunteer)

    url = reverse(buddy_signup_viewset.get_url_name("match"), args=[seeker.pk])
    content = client.get(url).content.decode()

    assert "Wat past" in content and "Wat niet past" in content
    assert "spreken allebei Nederlands" in content
    assert "geen moment samen beschikbaar" in content


def test_a_buddy_from_a_youth_project_is_not_offered_to_an_older_seeker(wop):
    older = _project(wop, "Schaakmaatjes", "older-people")
    youth = _project(wop, "Jongerenmaatjes", "young-people")
    for_all = _project(wop, "Wandelmaatjes", "everyone")
    hans = make_buddy_signup(project=older, name="Hans")
    make_buddy_signup(project=youth, role="buddy", name="Nick")
    truus = make_buddy_signup(project=for_all, role="buddy", name="Truus")

    offered = [c.signup for c in buddy_candidates_rank(seeker=hans)]

    assert offered == [truus]


def test_a_seeker_of_a_project_for_all_ages_gets_no_youth_buddy(wop, buddy_project):
    youth = _project(wop, "Jongerenmaatjes", "young-people")
    seeker = make_buddy_signup(project=buddy_project, name="Hans")
    make_buddy_signup(project=youth, role="buddy", name="Nick")

    assert buddy_candidates_rank(seeker=seeker) == []


def test_a_young_seeker_may_get_a_buddy_from_another_youth_project(wop):
    youth = _project(wop, "Jongerenmaatjes", "young-people")
    school = _project(wop, "Huiswerkmaatjes", "young-people", "families")
    nick = make_buddy_signup(project=youth, name="Nick")
    sam = make_buddy_signup(project=school, role="buddy", name="Sam")

    assert [c.signup for c in buddy_candidates_rank(seeker=nick)] == [sam]
