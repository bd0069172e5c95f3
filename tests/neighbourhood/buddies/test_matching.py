"""Finding a buddy for a seeker: the ranking, and matching from the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from neighbourhood.buddies.selectors import buddy_candidates_rank
from neighbourhood.buddies.viewsets import buddy_match_viewset, buddy_signup_viewset
from neighbourhood.models import BuddyMatch, BuddySignupStatus
from neighbourhood.submissions.services import submission_anonymise
from tests.factories import make_buddy_project, make_buddy_signup

pytestmark = pytest.mark.django_db


def _seeker(project, **kwargs):
    kwargs.setdefault("name", "Hans")
    kwargs.setdefault("interests", ["chess", "walking"])
    kwargs.setdefault("availability", ["mon_morning", "tue_morning", "wed_afternoon"])
    kwargs.setdefault("languages", ["nl"])
    return make_buddy_signup(project=project, role="seeker", **kwargs)


def _buddy(project, **kwargs):
    kwargs.setdefault("name", "Truus")
    kwargs.setdefault("phone", "010-765 43 21")
    return make_buddy_signup(project=project, role="buddy", **kwargs)


def _match_url(seeker):
    return reverse(buddy_signup_viewset.get_url_name("match"), args=[seeker.pk])


# The ranking -----------------------------------------------------------------


def test_buddy_with_more_in_common_ranks_first_and_says_why(buddy_project):
    seeker = _seeker(buddy_project)
    weak = _buddy(buddy_project, name="Nick", interests=["music"], availability=[])
    strong = _buddy(
        buddy_project,
        name="Truus",
        interests=["walking", "chess", "music"],
        availability=["mon_morning", "tue_morning", "wed_afternoon", "sun_evening"],
    )

    ranked = buddy_candidates_rank(seeker=seeker)

    assert [c.signup for c in ranked] == [strong, weak]
    assert ranked[0].score > ranked[1].score
    assert ranked[0].reasons[:2] == [
        "2 gedeelde interesses: schaken of een spelletje, wandelen",
        "3 momenten samen beschikbaar",
    ]
    assert "wonen in dezelfde wijk" in ranked[0].reasons
    assert ranked[1].reasons == ["wonen in dezelfde wijk"]


def test_shared_language_and_street_count_and_are_explained(buddy_project):
    seeker = _seeker(
        buddy_project, interests=[], languages=["tr", "nl"], street="Kerkweg"
    )
    neighbour = _buddy(buddy_project, languages=["tr"], street=" kerkweg ")
    farther = _buddy(buddy_project, name="Yonas", languages=["ti"], street="Elders")

    ranked = buddy_candidates_rank(seeker=seeker)

    assert ranked[0].signup == neighbour
    assert ranked[0].reasons == ["spreken allebei Turks", "wonen in dezelfde straat"]
    assert ranked[0].score == 2 + 3
    assert ranked[1].signup == farther
    assert ranked[1].score == 1


def test_shared_moments_count_up_to_a_cap(buddy_project):
    week = [f"{day}_morning" for day in ("mon", "tue", "wed", "thu", "fri", "sat")]
    seeker = _seeker(buddy_project, interests=[], languages=[], availability=week)
    _buddy(buddy_project, availability=week)

    (candidate,) = buddy_candidates_rank(seeker=seeker)

    assert candidate.reasons[0] == "6 momenten samen beschikbaar"
    assert candidate.score == 4 + 1  # capped at 4, plus the same WOP


def test_only_available_buddies_are_candidates(buddy_project):
    seeker = _seeker(buddy_project)
    available = _buddy(buddy_project, status=BuddySignupStatus.CONTACTED)
    _buddy(buddy_project, name="Al bezet", status=BuddySignupStatus.MATCHED)
    _buddy(buddy_project, name="Gestopt", status=BuddySignupStatus.ENDED)
    _seeker(buddy_project, name="Ook zoekend")
    submission_anonymise(submission=_buddy(buddy_project, name="Ingetrokken"))

    assert [c.signup for c in buddy_candidates_rank(seeker=seeker)] == [available]


def test_candidates_come_from_the_project_and_else_from_the_wop(wop, buddy_project):
    walking = make_buddy_project(parent=wop, title="Wandelen", slug="wandelen")
    seeker = _seeker(buddy_project)
    in_other_project = _buddy(walking)

    assert [c.signup for c in buddy_candidates_rank(seeker=seeker)] == [
        in_other_project
    ]

    in_project = _buddy(buddy_project, name="Zelfde project")

    assert [c.signup for c in buddy_candidates_rank(seeker=seeker)] == [in_project]


def test_city_wide_project_only_offers_buddies_the_user_may_see(
    wop, other_wop, city_buddy_project, volunteer, coordinator
):
    seeker = _seeker(city_buddy_project, wop=wop)
    here = _buddy(city_buddy_project, wop=wop, name="Hier")
    there = _buddy(city_buddy_project, wop=other_wop, name="Daar", postcode="2903AB")

    assert [c.signup for c in buddy_candidates_rank(seeker=seeker, user=volunteer)] == [
        here
    ]
    ranked = buddy_candidates_rank(seeker=seeker, user=coordinator)
    assert [c.signup for c in ranked] == [here, there]
    assert "wonen in dezelfde wijk" not in ranked[1].reasons


# Matching from the admin ---------------------------------------------------


def test_candidates_page_lists_buddies_with_score_and_reasons(
    client, volunteer, buddy_project
):
    seeker = _seeker(buddy_project)
    _buddy(buddy_project, interests=["chess"])
    client.force_login(volunteer)

    response = client.get(_match_url(seeker))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Truus" in content
    assert "1 gedeelde interesse: schaken of een spelletje" in content
    assert "Koppelen" in content


def test_confirming_a_match_matches_both_and_sets_the_follow_up(
    client, volunteer, buddy_project
):
    seeker = _seeker(buddy_project)
    buddy = _buddy(buddy_project)
    client.force_login(volunteer)

    response = client.post(_match_url(seeker), {"buddy": buddy.pk}, follow=True)

    match = BuddyMatch.objects.get()
    assert (match.seeker, match.buddy, match.wop) == (seeker, buddy, seeker.wop)
    assert match.created_by == volunteer
    assert match.follow_up_on == timezone.localdate() + timedelta(weeks=6)
    seeker.refresh_from_db()
    buddy.refresh_from_db()
    assert seeker.status == buddy.status == BuddySignupStatus.MATCHED
    assert response.redirect_chain[-1][0] == reverse(
        buddy_match_viewset.get_url_name("index")
    )
    messages = [str(m).strip() for m in response.context["messages"]]
    assert messages == [
        "Hans en Truus zijn gekoppeld. Navragen hoe het gaat op "
        f"{date_format(match.follow_up_on, 'j F Y')}."
    ]
    assert ModelLogEntry.objects.filter(
        action="verbuurzamen.status", user=volunteer, object_id=str(seeker.pk)
    ).exists()


def test_confirmed_match_appears_on_the_dashboard_when_due(
    client, volunteer, buddy_project
):
    seeker = _seeker(buddy_project)
    client.force_login(volunteer)
    client.post(_match_url(seeker), {"buddy": _buddy(buddy_project).pk})
    dashboard = reverse("wagtailadmin_home")

    assert "Hans – Truus" not in client.get(dashboard).content.decode()

    BuddyMatch.objects.update(follow_up_on=timezone.localdate())

    content = client.get(dashboard).content.decode()
    assert "Maatjes: navragen" in content
    assert "Hans – Truus" in content


def test_a_buddy_matched_meanwhile_is_not_matched_again(
    client, volunteer, buddy_project
):
    seeker = _seeker(buddy_project)
    buddy = _buddy(buddy_project, status=BuddySignupStatus.MATCHED)
    client.force_login(volunteer)

    response = client.post(_match_url(seeker), {"buddy": buddy.pk}, follow=True)

    assert not BuddyMatch.objects.exists()
    assert response.redirect_chain == [(_match_url(seeker), 302)]
    messages = [str(m).strip() for m in response.context["messages"]]
    assert messages == ["Truus is al gekoppeld of doet niet meer mee."]


def test_volunteer_cannot_match_with_another_wops_buddy(
    client, volunteer, wop, other_wop, city_buddy_project
):
    seeker = _seeker(city_buddy_project, wop=wop)
    there = _buddy(city_buddy_project, wop=other_wop, postcode="2903AB")
    client.force_login(volunteer)

    response = client.post(_match_url(seeker), {"buddy": there.pk})

    assert response.status_code == 404
    assert not BuddyMatch.objects.exists()
    there.refresh_from_db()
    assert there.status == BuddySignupStatus.NEW


def test_volunteer_cannot_open_or_match_another_wops_seeker(
    client, volunteer, other_buddy_project
):
    seeker = _seeker(other_buddy_project, postcode="2903AB")
    buddy = _buddy(other_buddy_project, postcode="2903AB")
    client.force_login(volunteer)

    assert client.get(_match_url(seeker)).status_code == 404
    assert client.post(_match_url(seeker), {"buddy": buddy.pk}).status_code == 404
    assert not BuddyMatch.objects.exists()


def test_a_matched_seeker_is_not_matched_twice(client, volunteer, buddy_project):
    seeker = _seeker(buddy_project, status=BuddySignupStatus.MATCHED)
    buddy = _buddy(buddy_project)
    client.force_login(volunteer)

    response = client.post(_match_url(seeker), {"buddy": buddy.pk}, follow=True)

    assert not BuddyMatch.objects.exists()
    messages = [str(m).strip() for m in response.context["messages"]]
    assert messages == ["Hans is al gekoppeld of doet niet meer mee."]


@pytest.mark.parametrize("status", [BuddySignupStatus.MATCHED, BuddySignupStatus.ENDED])
def test_service_refuses_to_match_someone_who_is_taken(wop, coordinator, status):
    from neighbourhood.buddies.services import NotMatchable, match_confirm

    project = make_buddy_project(parent=wop)
    seeker = make_buddy_signup(project=project, role="seeker", name="Hans")
    buddy = make_buddy_signup(
        project=project, role="buddy", name="Truus", phone="010-765 43 21"
    )
    buddy.status = status
    buddy.save()

    with pytest.raises(NotMatchable) as refused:
        match_confirm(seeker=seeker, buddy=buddy, by=coordinator)

    assert refused.value.signup == buddy
    assert not BuddyMatch.objects.exists()
    seeker.refresh_from_db()
    assert seeker.status == BuddySignupStatus.NEW
