"""Withdrawing a submission with the private link from the confirmation e-mail."""

import re

from django.apps import apps
from django.urls import reverse

from neighbourhood.models import BuddySignup, BuddySignupStatus, Submission
from neighbourhood.submissions import registry
from tests import factories
from tests.factories import buddy_signup_form_data as answers


def withdraw_url(signup) -> str:
    return reverse("neighbourhood:withdraw", args=[signup.token])


def test_link_in_the_confirmation_mail_withdraws_and_erases_the_sign_up(
    client, buddy_project, wop, mailoutbox
):
    client.post(
        buddy_project.url,
        answers(
            email="Truus@Example.org",
            contact_preference="visit",
            street="Maasstraat",
            house_number="12",
            interests_other="Fietsen",
            languages_other="Fries",
            message="Ik woon hier sinds kort.",
        ),
    )
    signup = BuddySignup.objects.get()
    confirmation = next(mail for mail in mailoutbox if mail.to == ["Truus@Example.org"])
    link = re.search(r"^(https?://\S+/intrekken/\S+/)$", confirmation.body, re.M)
    assert link, confirmation.body
    # On the site's public address (the test Site's), not the form's host.
    assert link.group(1) == "http://localhost" + withdraw_url(signup)

    page = client.get(link.group(1))

    assert page.status_code == 200
    assert "Schaakmaatjes" in page.content.decode()
    assert "Ja, trek mijn aanmelding in" in page.content.decode()

    done = client.post(link.group(1))

    assert done.status_code == 200
    assert (
        "Uw aanmelding is ingetrokken en uw gegevens zijn gewist."
        in done.content.decode()
    )
    signup.refresh_from_db()
    assert signup.status == BuddySignupStatus.WITHDRAWN
    assert signup.withdrawn_at is not None
    assert signup.anonymised_at is not None
    for field in (
        "name",
        "email",
        "phone",
        "street",
        "house_number",
        "interests_other",
        "languages_other",
        "meeting_needs",
        "message",
    ):
        assert getattr(signup, field) == "", field
    assert signup.interests == signup.availability == signup.languages == []
    assert signup.postcode == "2906"
    assert signup.wop == wop
    assert signup.project == buddy_project


def test_opening_the_link_changes_nothing(client, buddy_project):
    signup = factories.make_buddy_signup(project=buddy_project)

    response = client.get(withdraw_url(signup))

    assert response.status_code == 200
    signup.refresh_from_db()
    assert signup.status == BuddySignupStatus.NEW
    assert signup.name == "Hans de Vries"
    assert signup.anonymised_at is None


def test_withdraw_page_shows_no_personal_data_and_is_not_cached(client, buddy_project):
    signup = factories.make_buddy_signup(project=buddy_project)

    response = client.get(withdraw_url(signup))

    content = response.content.decode()
    assert "Hans" not in content
    assert "123 45 67" not in content
    assert "no-store" in response.headers["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in content


def test_already_withdrawn_link_says_so(client, buddy_project):
    signup = factories.make_buddy_signup(project=buddy_project)
    client.post(withdraw_url(signup))

    again = client.get(withdraw_url(signup))
    posted_again = client.post(withdraw_url(signup))

    assert again.status_code == 200
    assert "Deze aanmelding is al ingetrokken" in again.content.decode()
    assert "Ja, trek mijn aanmelding in" not in again.content.decode()
    assert "Deze aanmelding is al ingetrokken" in posted_again.content.decode()


def test_unknown_link_gets_a_friendly_not_found_page(client, db):
    response = client.get(reverse("neighbourhood:withdraw", args=["niet-bestaand"]))

    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()


def test_withdrawing_is_guarded_like_every_public_form(client, buddy_project):
    signup = factories.make_buddy_signup(project=buddy_project)

    response = client.post(withdraw_url(signup), {"website": "http://spam.example"})

    assert response.status_code == 400
    assert "Laat dit veld leeg" in response.content.decode()
    signup.refresh_from_db()
    assert signup.anonymised_at is None


def test_every_kind_of_submission_can_be_withdrawn_by_its_token():
    concrete = {
        model
        for model in apps.get_models()
        if issubclass(model, Submission) and not model._meta.abstract
    }

    assert concrete
    assert concrete <= set(registry.registered_models())


def test_a_registered_kind_is_found_by_its_token(buddy_project):
    signup = factories.make_buddy_signup(project=buddy_project)

    assert registry.find_by_token(signup.token) == signup
    assert registry.find_by_token("x" + signup.token) is None
    assert registry.describe(signup) == "het maatjesproject ‘Schaakmaatjes’"


def test_withdrawing_takes_the_name_out_of_the_admin_history(
    client, buddy_project, volunteer
):
    from wagtail.models import ModelLogEntry

    from neighbourhood.buddies.services import buddy_signup_status_change

    signup = factories.make_buddy_signup(project=buddy_project, name="Hans de Vries")
    buddy_signup_status_change(signup=signup, status="contacted", by=volunteer)
    assert ModelLogEntry.objects.filter(label="Hans de Vries").exists()

    client.post(withdraw_url(signup))

    history = ModelLogEntry.objects.filter(object_id=str(signup.pk))
    assert history.count() >= 2
    assert not history.filter(label__contains="Hans").exists()
    assert set(history.values_list("label", flat=True)) == {"(geanonimiseerd)"}
