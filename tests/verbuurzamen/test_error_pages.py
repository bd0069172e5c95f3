"""Error pages speak Dutch, also when the request itself is the problem."""

from tests import factories


def test_a_post_too_large_to_read_gets_a_dutch_page_and_nothing_is_stored(
    client, buddy_project
):
    from neighbourhood.models import BuddySignup

    response = client.post(
        buddy_project.url,
        factories.buddy_signup_form_data(message="a" * 3_000_000),
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "Dit konden we niet verwerken" in content
    assert "Er is niets opgeslagen" in content
    assert BuddySignup.objects.count() == 0
