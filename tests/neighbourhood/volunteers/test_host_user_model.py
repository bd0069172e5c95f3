"""The plugin with the host's own user model: a volunteer's phone and home
WOP live in the plugin's profile, and an invitation makes an account the
host's login accepts, also when it logs in by username."""

import pytest
from django.contrib.auth.models import User as UsernameUser

from home.models import User
from neighbourhood.models import VolunteerProfile, profile_for
from neighbourhood.submissions.forms import SubmissionForm
from neighbourhood.volunteers.invitations import new_account_fields
from tests import factories

pytestmark = pytest.mark.django_db


def test_profile_holds_phone_and_home_wop_and_is_made_once(wop):
    user = factories.make_user(email="fatima@example.org")

    profile = profile_for(user)
    profile.phone = "010-4567890"
    profile.home_wop = wop
    profile.save()

    again = profile_for(User.objects.get(pk=user.pk))
    assert (again.pk, again.phone, again.home_wop) == (profile.pk, "010-4567890", wop)
    assert VolunteerProfile.objects.filter(user=user).count() == 1


def test_deleting_the_account_deletes_its_profile(wop):
    user = factories.make_user(phone="010-4567890", home_wop=wop)

    user.delete()

    assert not VolunteerProfile.objects.exists()


def test_logged_in_member_finds_the_phone_of_their_profile_filled_in(wop):
    user = factories.make_user(
        email="kees@example.org", first_name="Kees", phone="06-11223344"
    )

    initial = SubmissionForm.initial_for(user)

    assert initial["phone"] == "06-11223344"
    assert initial["email"] == "kees@example.org"


def test_new_account_of_an_email_login_site_has_no_username():
    fields = new_account_fields(
        model=User, email="truus@example.org", name="Truus de Boer"
    )

    assert fields == {
        "email": "truus@example.org",
        "first_name": "Truus",
        "last_name": "de Boer",
    }


def test_new_account_of_a_username_login_site_logs_in_with_the_address():
    # Django's own User (swapped out here, but its fields are what a host
    # with a username login has).
    fields = new_account_fields(
        model=UsernameUser, email="truus@example.org", name="Truus"
    )

    assert fields["username"] == "truus@example.org"
    assert fields["email"] == "truus@example.org"
    assert fields["first_name"] == "Truus"
    assert UsernameUser(**fields).get_username() == "truus@example.org"
    UsernameUser._meta.get_field("username").run_validators(fields["username"])
