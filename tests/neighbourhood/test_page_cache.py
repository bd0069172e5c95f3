"""The page cache for anonymous visitors (neighbourhood.page_cache): what it
keeps, what it never keeps, and that a change is visible at once."""

import re

import pytest
from django.http import HttpResponse
from django.test import Client

from neighbourhood.page_cache import is_response_cacheable
from tests import factories

pytestmark = pytest.mark.usefixtures("page_cache")

CACHE_HEADER = "X-Wagtail-Cache"


@pytest.fixture
def wop_calendar(wop):
    return factories.make_event_index(parent=wop)


@pytest.fixture
def city_calendar(home):
    return factories.make_event_index(parent=home, title="Agenda")


def cached_twice(client, url):
    """Ask for ``url`` twice: the second answer should come from the cache."""
    first = client.get(url)
    second = client.get(url)
    return first, second


def without_tokens(response) -> str:
    """The page without what differs per visitor: CSRF tokens and nonces."""
    content = re.sub(r'value="[^"]{64}"', "", response.content.decode())
    return re.sub(r'nonce="[^"]+"', "", content)


def csrf_token_in(response) -> str:
    match = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
    )
    assert match, "no CSRF token in the page"
    return match.group(1)


# What is kept ----------------------------------------------------------------


def test_second_visit_of_a_public_page_comes_from_the_cache_without_queries(
    client, wop, django_assert_num_queries
):
    first = client.get(wop.url)
    assert first.status_code == 200
    assert first[CACHE_HEADER] == "miss"

    with django_assert_num_queries(0):
        second = client.get(wop.url)

    assert second[CACHE_HEADER] == "hit"
    assert without_tokens(second) == without_tokens(first)


def test_each_language_is_kept_apart(client, wop):
    english = Client()
    english.cookies["django_language"] = "en"

    dutch_page = client.get(wop.url)
    english_page = english.get(wop.url)
    dutch_again = client.get(wop.url)
    english_again = english.get(wop.url)

    assert '<html lang="nl"' in dutch_page.content.decode()
    assert '<html lang="en"' in english_page.content.decode()
    assert '<html lang="nl"' in dutch_again.content.decode()
    assert '<html lang="en"' in english_again.content.decode()
    assert english_again[CACHE_HEADER] == "hit"


# A change shows at once --------------------------------------------------------


def test_a_new_activity_is_on_its_wop_page_and_both_calendars_at_once(
    client, wop, wop_calendar, city_calendar
):
    pages = [wop.url, wop_calendar.url, city_calendar.url]
    for url in pages:
        cached_twice(client, url)

    factories.make_event(index=wop_calendar, title="Schaakmiddag in de bieb")

    for url in pages:
        response = client.get(url)
        assert "Schaakmiddag in de bieb" in response.content.decode(), url


def test_an_unpublished_activity_is_gone_from_the_calendar_at_once(
    client, wop_calendar
):
    event = factories.make_event(index=wop_calendar, title="Buurtbarbecue")
    assert "Buurtbarbecue" in cached_twice(client, wop_calendar.url)[1].content.decode()

    event.unpublish()

    assert "Buurtbarbecue" not in client.get(wop_calendar.url).content.decode()


def test_a_moved_activity_moves_on_the_calendars_at_once(
    client, wop, other_wop, wop_calendar
):
    other_calendar = factories.make_event_index(parent=other_wop)
    event = factories.make_event(index=wop_calendar, title="Breiclub")
    cached_twice(client, wop_calendar.url)
    cached_twice(client, other_calendar.url)

    event.move(other_calendar, pos="last-child")

    assert "Breiclub" not in client.get(wop_calendar.url).content.decode()
    assert "Breiclub" in client.get(other_calendar.url).content.decode()


def test_a_deleted_page_is_gone_at_once(client, wop, wop_calendar):
    event = factories.make_event(index=wop_calendar, title="Repaircafé")
    cached_twice(client, wop_calendar.url)
    cached_twice(client, event.url)

    event.delete()

    assert "Repaircafé" not in client.get(wop_calendar.url).content.decode()
    assert client.get(event.url).status_code == 404


def test_a_changed_key_figure_shows_on_the_wop_page_at_once(client, wop):
    from neighbourhood.models import KeyFigure

    figure = KeyFigure.objects.create(wop=wop, name="Ans Visser", role="Buurtcoach")
    assert "Ans Visser" in cached_twice(client, wop.url)[1].content.decode()

    figure.name = "Ans de Visser-Bos"
    figure.save()

    assert "Ans de Visser-Bos" in client.get(wop.url).content.decode()


# What is never kept ----------------------------------------------------------


def test_a_logged_in_member_is_never_served_from_or_into_the_cache(client, wop):
    member = factories.make_user(email="truus@example.org", first_name="Truus")
    client.force_login(member)

    as_member = client.get(wop.url)
    again = client.get(wop.url)
    anonymous = Client().get(wop.url)

    assert as_member[CACHE_HEADER] == "skip"
    assert again[CACHE_HEADER] == "skip"
    assert anonymous[CACHE_HEADER] == "miss"
    assert "truus@example.org" not in anonymous.content.decode()


def test_a_form_with_errors_is_never_kept(client, buddy_project):
    first = client.post(
        buddy_project.url, factories.buddy_signup_form_data(name="", phone="")
    )
    assert first.status_code == 200
    assert "no-store" in first["Cache-Control"]

    page = client.get(buddy_project.url)

    assert page[CACHE_HEADER] == "miss"
    assert 'value="010-' not in page.content.decode()


def test_a_search_with_a_mistake_is_never_kept(client, wop):
    response = client.get("/wijk-zoeken/", {"postcode": "29"})
    again = client.get("/wijk-zoeken/", {"postcode": "29"})

    assert response.status_code == 200
    assert again[CACHE_HEADER] == "skip"


def test_a_filtered_calendar_is_kept_per_filter(client, wop, other_wop, city_calendar):
    factories.make_event(index=factories.make_event_index(parent=wop), title="Jeu")
    url = f"{city_calendar.url}?wop={other_wop.slug}"

    first, second = cached_twice(client, url)

    assert second[CACHE_HEADER] == "hit"
    assert "Jeu" in client.get(city_calendar.url).content.decode()
    assert "Jeu" not in second.content.decode()


def test_a_response_that_sets_a_cookie_is_never_kept():
    response = HttpResponse("Welkom")
    response.set_cookie("voorkeur", "groot")

    assert is_response_cacheable(response, True) is False
    assert is_response_cacheable(HttpResponse("Welkom"), True) is True


def test_a_visitor_with_a_message_waiting_gets_their_own_page(client, wop):
    cached_twice(client, wop.url)
    with_message = Client()
    with_message.cookies["messages"] = "iets voor deze bezoeker"

    response = with_message.get(wop.url)

    assert response[CACHE_HEADER] == "skip"


def test_pages_after_signing_up_and_private_links_are_never_kept(client, buddy_project):
    signed_up = client.post(
        buddy_project.url, factories.buddy_signup_form_data(), follow=True
    )
    thanks_again = client.get(signed_up.redirect_chain[-1][0])

    assert signed_up.status_code == 200
    assert thanks_again[CACHE_HEADER] == "skip"
    assert client.get("/intrekken/onbekend/")[CACHE_HEADER] == "skip"


def test_the_admin_and_the_accounts_are_never_kept(client, home):
    for url in ("/beheer/login/", "/account/login/", "/health/"):
        client.get(url)
        assert client.get(url)[CACHE_HEADER] == "skip", url


# Forms on cached pages ---------------------------------------------------------


def test_every_visitor_of_a_cached_form_page_posts_with_their_own_token(
    buddy_project,
):
    first = Client(enforce_csrf_checks=True)
    second = Client(enforce_csrf_checks=True)
    first_page = first.get(buddy_project.url)
    second_page = second.get(buddy_project.url)
    assert second_page[CACHE_HEADER] == "hit"

    first_token = csrf_token_in(first_page)
    second_token = csrf_token_in(second_page)
    assert "placeholder" not in second_token
    assert first_token != second_token
    assert "csrftoken" in second_page.cookies
    assert "private" in second_page["Cache-Control"]

    posted = second.post(
        buddy_project.url,
        {**factories.buddy_signup_form_data(), "csrfmiddlewaretoken": second_token},
    )

    assert posted.status_code == 302


def test_a_token_from_someone_elses_page_is_refused(buddy_project):
    first = Client(enforce_csrf_checks=True)
    second = Client(enforce_csrf_checks=True)
    first_token = csrf_token_in(first.get(buddy_project.url))
    second.get(buddy_project.url)
    assert "csrftoken" in second.cookies

    posted = second.post(
        buddy_project.url,
        {**factories.buddy_signup_form_data(), "csrfmiddlewaretoken": first_token},
    )

    assert posted.status_code == 403


def test_a_placed_wave_tile_is_counted_on_the_public_page_at_once(
    client, wop, volunteer
):
    from neighbourhood.actions.services import action_request_transition
    from neighbourhood.models import ActionStatus

    page = factories.make_wave_tile_action(wop=wop)
    factories.make_tile_stock(wop=wop, quantity=5)
    tile = factories.make_action_request(
        wop=wop, kind="wave_tile", street="Kievitlaan", status=ActionStatus.APPROVED
    )
    assert "Kievitlaan" not in cached_twice(client, page.url)[1].content.decode()

    action_request_transition(request=tile, to=ActionStatus.DONE, by=volunteer)

    assert "Kievitlaan" in client.get(page.url).content.decode()


def test_a_page_approved_in_review_is_live_at_once(client, wop, volunteer):
    from tests.neighbourhood.review.test_workflow import _act, _submit

    street = factories.make_street(wop=wop, intro="Oude tekst.")
    coordinator = factories.make_wop_coordinator(wop, email="co@example.org")
    volunteer_client, coordinator_client = Client(), Client()
    volunteer_client.force_login(volunteer)
    coordinator_client.force_login(coordinator)
    task_state = _submit(volunteer_client, street, intro="Nieuwe tekst.")
    assert "Oude tekst." in cached_twice(client, street.url)[1].content.decode()

    _act(coordinator_client, task_state, "approve")

    assert "Nieuwe tekst." in client.get(street.url).content.decode()


def test_browsers_and_proxies_are_told_not_to_keep_a_cached_page(client, wop):
    first, second = cached_twice(client, wop.url)

    for response in (first, second):
        assert "max-age=0" in response["Cache-Control"]
        assert "Expires" not in response
