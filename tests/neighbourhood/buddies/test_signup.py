"""Signing up for a buddy project on its public page: the form, the thanks,
the WOP that gets the sign-up, and a mail outage."""

import re
from datetime import timedelta
from html import unescape
from smtplib import SMTPException

from django.core.management import call_command
from django.utils import timezone
from django.utils.html import strip_tags

from neighbourhood.models import (
    BuddySignup,
    BuddySignupStatus,
    ConsentMethod,
    KeyFigure,
    OutboxEmail,
    PrivacySettings,
)
from tests import factories
from tests.factories import buddy_signup_form_data as answers
from tests.neighbourhood.buddies._support import field_error, thanks_url


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPException("connection refused")


# Signing up -----------------------------------------------------------------


def test_sign_up_with_phone_only_is_saved_as_new_with_online_consent(
    client, buddy_project, wop
):
    response = client.post(buddy_project.url, answers())

    assert response.status_code == 302
    assert response.url == thanks_url(buddy_project)
    signup = BuddySignup.objects.get()
    assert signup.project == buddy_project
    assert signup.wop == wop
    assert signup.status == BuddySignupStatus.NEW
    assert signup.name == "Hans de Vries"
    assert signup.phone == "010-123 45 67"
    assert signup.email == ""
    assert signup.postcode == "2906AB"
    assert signup.role == "seeker"
    assert signup.interests == ["chess", "walking"]
    assert signup.availability == ["mon_morning", "wed_afternoon"]
    assert signup.languages == ["nl"]
    assert signup.meeting_needs == "Ik loop met een rollator."
    assert signup.consent_method == ConsentMethod.ONLINE
    assert signup.registered_by is None


def test_consent_records_the_label_as_shown_and_the_privacy_statement_version(
    client, home, buddy_project
):
    privacy_page = factories.make_standard_page(slug="privacy")
    revision = privacy_page.save_revision()
    revision.publish()
    privacy_page.refresh_from_db()
    privacy = PrivacySettings.for_site(home.get_site())
    privacy.privacy_page = privacy_page
    privacy.save()

    form_page = client.get(buddy_project.url).content.decode()
    client.post(buddy_project.url, answers())

    label = re.search(
        r'<label class="field__label" for="id_consent">(.*?)</label>', form_page, re.S
    ).group(1)
    assert f'<a href="{privacy_page.url}">privacyverklaring</a>' in label
    signup = BuddySignup.objects.get()
    assert signup.consent_text == unescape(strip_tags(label)).strip()
    assert "maatjesproject ‘Schaakmaatjes’" in signup.consent_text
    assert signup.consent_privacy_version == privacy.statement_version()
    assert f"(revisie {revision.pk})" in signup.consent_privacy_version
    assert timezone.now() - signup.consent_at < timedelta(minutes=1)


def test_phone_only_sign_up_tells_the_wop_volunteers_without_personal_data(
    client, public_site, buddy_project, volunteer, other_volunteer, mailoutbox
):
    client.post(buddy_project.url, answers())

    assert len(mailoutbox) == 1  # no confirmation: there is no e-mail address
    staff_mail = mailoutbox[0]
    assert staff_mail.to == ["vrijwilliger@example.org"]
    assert "Schaakmaatjes" in staff_mail.subject
    admin_links = re.findall(r"^https?://\S+$", staff_mail.body, re.M)
    assert admin_links
    assert admin_links[0].startswith("https://wijk.example.nl/beheer/")
    assert "Hans" not in staff_mail.body + staff_mail.subject
    assert "123 45 67" not in staff_mail.body
    assert "2906" not in staff_mail.body


def test_thank_you_page_says_what_happens_next_and_that_no_mail_was_sent(
    client, buddy_project
):
    response = client.post(buddy_project.url, answers(), follow=True)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Bedankt voor uw aanmelding" in content
    assert "Binnen twee weken" in content
    assert "U heeft geen e-mailadres ingevuld" in content
    assert "Hans" not in content
    assert "123 45 67" not in content


def test_thank_you_page_after_signing_up_with_email_mentions_the_confirmation(
    client, buddy_project
):
    response = client.post(
        buddy_project.url,
        answers(email="truus@example.org", contact_preference="email"),
        follow=True,
    )

    content = response.content.decode()
    assert "U krijgt van ons een e-mail" in content
    assert "truus@example.org" not in content


def test_availability_is_offered_as_a_week_grid_with_a_label_for_every_box(
    client, buddy_project
):
    content = client.get(buddy_project.url).content.decode()

    grid = content[content.index('<table class="availability__table">') :]
    grid = grid[: grid.index("</table>")]
    assert '<th scope="row">Maandag</th>' in grid
    assert '<th scope="col">Avond</th>' in grid
    assert grid.count('type="checkbox"') == 21
    assert (
        '<label class="availability__cell" for="id_availability_0">' in grid
        and "maandag ochtend" in grid
    )


def test_honeypot_is_out_of_sight_of_screen_readers_and_the_keyboard(
    client, buddy_project
):
    content = client.get(buddy_project.url).content.decode()

    wrapper = content[content.index('<div class="honeypot" aria-hidden="true">') :]
    wrapper = wrapper[: wrapper.index("</form>")]
    assert re.search(r'<input[^>]*name="website"[^>]*tabindex="-1"', wrapper)


def test_logged_in_member_finds_name_email_and_phone_filled_in(client, buddy_project):
    member = factories.make_user(
        email="truus@example.org",
        first_name="Truus",
        last_name="Bakker",
        phone="06-12345678",
    )
    client.force_login(member)

    content = client.get(buddy_project.url).content.decode()

    assert 'value="Truus Bakker"' in content
    assert 'value="truus@example.org"' in content
    assert 'value="06-12345678"' in content


def test_pages_with_the_form_or_the_thanks_are_not_kept_by_shared_caches(
    client, buddy_project
):
    form_page = client.get(buddy_project.url)
    errors = client.post(buddy_project.url, answers(name=""))
    thanks = client.post(buddy_project.url, answers(), follow=True)

    # The form page holds this visitor's own CSRF token: no shared HTTP cache
    # may keep it (the page cache keeps it without, neighbourhood.page_cache).
    assert "private" in form_page.headers["Cache-Control"]
    for response in (errors, thanks):
        cache_control = response.headers["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control


# City-wide projects ---------------------------------------------------------


def test_city_wide_project_gives_the_sign_up_to_the_wop_of_the_postcode(
    client, city_buddy_project, wop, other_wop
):
    response = client.post(city_buddy_project.url, answers(postcode="2903ab"))

    assert response.status_code == 302
    signup = BuddySignup.objects.get()
    assert signup.project == city_buddy_project
    assert signup.wop == other_wop


def test_city_wide_project_refuses_a_postcode_outside_every_wop(
    client, city_buddy_project, wop, other_wop, mailoutbox
):
    city_buddy_project.contact = KeyFigure.objects.create(
        wop=wop, name="Fatima", role="Coördinator", phone="010-765 43 21"
    )
    city_buddy_project.save()

    response = client.post(city_buddy_project.url, answers(postcode="3011 ab"))

    content = response.content.decode()
    assert response.status_code == 200
    assert field_error(content, "postcode") == (
        "Fout: We zijn nog niet actief in uw buurt (postcode 3011 AB). "
        "Bel gerust met Fatima: 010-765 43 21."
    )
    assert not BuddySignup.objects.exists()
    assert mailoutbox == []


def test_wop_project_keeps_a_sign_up_from_another_postcode_in_its_own_wop(
    client, buddy_project, wop, other_wop
):
    client.post(buddy_project.url, answers(postcode="2903 AB"))

    assert BuddySignup.objects.get().wop == wop


# Mail outage ----------------------------------------------------------------


def test_sign_up_survives_a_mail_outage_and_the_mail_goes_out_later(
    client, settings, buddy_project, volunteer, mailoutbox
):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    response = client.post(
        buddy_project.url,
        answers(email="truus@example.org", contact_preference="email"),
        follow=True,
    )

    assert response.status_code == 200
    assert "Bedankt voor uw aanmelding" in response.content.decode()
    assert BuddySignup.objects.count() == 1
    queued = OutboxEmail.objects.all()
    assert queued.count() == 2  # staff notification and confirmation
    for message in queued:
        assert message.status == OutboxEmail.Status.PENDING
        assert message.attempts == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queued.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("send_outbox", stdout=None)

    assert set(OutboxEmail.objects.values_list("status", flat=True)) == {
        OutboxEmail.Status.SENT
    }
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "truus@example.org",
        "vrijwilliger@example.org",
    ]
