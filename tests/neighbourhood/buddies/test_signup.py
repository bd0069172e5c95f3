"""Signing up for a buddy project on its public page."""

import re
from datetime import timedelta
from html import unescape
from smtplib import SMTPException

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
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


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPException("connection refused")


def field_error(content: str, name: str) -> str:
    """The error shown at field ``name``, as text ("" if none)."""
    match = re.search(
        rf'<div class="field__errors" id="id_{name}_error">(.*?)</div>', content, re.S
    )
    return " ".join(strip_tags(unescape(match.group(1))).split()) if match else ""


def thanks_url(project) -> str:
    return project.url + project.reverse_subpage("thanks")


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
    client, settings, buddy_project, volunteer, other_volunteer, mailoutbox
):
    client.post(buddy_project.url, answers())

    assert len(mailoutbox) == 1  # no confirmation: there is no e-mail address
    staff_mail = mailoutbox[0]
    assert staff_mail.to == ["vrijwilliger@example.org"]
    assert "Schaakmaatjes" in staff_mail.subject
    admin_links = re.findall(r"^https?://\S+$", staff_mail.body, re.M)
    assert admin_links
    assert admin_links[0].startswith(settings.WAGTAILADMIN_BASE_URL + "/beheer/")
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


# Mistakes -------------------------------------------------------------------


def test_each_mistake_is_explained_in_dutch_at_its_field_and_typed_values_stay(
    client, buddy_project
):
    response = client.post(
        buddy_project.url,
        answers(
            role=None,
            name="",
            phone="12345",
            postcode="29O6 AB",
            contact_preference=None,
            consent=None,
            interests_other="Fietsen",
        ),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert not BuddySignup.objects.exists()
    assert "<title>Fout:" in content
    assert "Er ging iets mis" in content
    assert "maatje zoekt of graag maatje wilt zijn" in field_error(content, "role")
    assert field_error(content, "name") == "Fout: Vul uw naam in."
    assert "geen geldig telefoonnummer" in field_error(content, "phone")
    assert "4 cijfers en 2 letters" in field_error(content, "postcode")
    assert "Kies hoe we contact" in field_error(content, "contact_preference")
    assert "Zonder uw toestemming" in field_error(content, "consent")
    assert re.search(r'<input[^>]*name="phone"[^>]*aria-invalid="true"', content)
    assert 'value="12345"' in content
    assert 'value="29O6 AB"' in content
    assert 'value="Fietsen"' in content
    assert re.search(r'value="chess"[^>]*checked', content)
    assert re.search(r'value="wed_afternoon"[^>]*checked', content)


def test_neither_phone_nor_email_asks_for_one_of_them(client, buddy_project):
    response = client.post(buddy_project.url, answers(phone="", email=""))

    content = response.content.decode()
    assert response.status_code == 200
    assert field_error(content, "phone") == (
        "Fout: Vul een telefoonnummer of een e-mailadres in, zodat we u kunnen "
        "bereiken."
    )
    assert not BuddySignup.objects.exists()


def test_malformed_phone_number_is_refused(client, buddy_project):
    response = client.post(buddy_project.url, answers(phone="06-1234"))

    assert "Vul 10 cijfers in" in field_error(response.content.decode(), "phone")
    assert not BuddySignup.objects.exists()


def test_malformed_email_address_is_refused(client, buddy_project):
    response = client.post(buddy_project.url, answers(email="truus@"))

    assert "geen geldig e-mailadres" in field_error(response.content.decode(), "email")
    assert not BuddySignup.objects.exists()


@pytest.mark.parametrize("preference", ["post", "visit"])
def test_a_letter_or_a_visit_needs_street_and_house_number(
    client, buddy_project, preference
):
    response = client.post(buddy_project.url, answers(contact_preference=preference))

    content = response.content.decode()
    assert "Vul uw straat in" in field_error(content, "street")
    assert "Vul uw huisnummer in" in field_error(content, "house_number")
    assert not BuddySignup.objects.exists()

    response = client.post(
        buddy_project.url,
        answers(contact_preference=preference, street="Maasstraat", house_number="12"),
    )

    assert response.status_code == 302
    assert BuddySignup.objects.get().address == "Maasstraat 12, 2906 AB"


def test_all_contact_problems_are_shown_at_once(client, buddy_project):
    response = client.post(
        buddy_project.url, answers(phone="", email="", contact_preference="post")
    )

    content = response.content.decode()
    assert "Vul een telefoonnummer of een e-mailadres in" in field_error(
        content, "phone"
    )
    assert "Vul uw straat in" in field_error(content, "street")
    assert "Vul uw huisnummer in" in field_error(content, "house_number")


def test_phone_as_the_way_of_contact_needs_a_phone_number(client, buddy_project):
    response = client.post(
        buddy_project.url, answers(phone="", email="truus@example.org")
    )

    assert "dan kunnen we u bellen" in field_error(response.content.decode(), "phone")
    assert not BuddySignup.objects.exists()


def test_email_as_the_way_of_contact_needs_an_email_address(client, buddy_project):
    response = client.post(buddy_project.url, answers(contact_preference="email"))

    assert "Vul uw e-mailadres in" in field_error(response.content.decode(), "email")
    assert not BuddySignup.objects.exists()


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


# Duplicates, closed projects, the guard -------------------------------------


def thanks_text(client, response) -> str:
    """The page a visitor lands on after posting the form, as text."""
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200
    return " ".join(unescape(strip_tags(page.content.decode())).split())


def test_second_sign_up_within_a_day_is_not_saved_again(
    client, buddy_project, mailoutbox
):
    first = client.post(buddy_project.url, answers())
    first_thanks = thanks_text(client, first)
    mails_after_first = len(mailoutbox)

    # Someone else, with only the phone number of the first: no e-mail on
    # file, so nobody is told, and the visitor sees the usual thanks.
    other = Client()
    response = other.post(
        buddy_project.url, answers(name="Iemand Anders", phone="0101234567")
    )

    assert response.status_code == first.status_code == 302
    assert response.url == first.url == thanks_url(buddy_project)
    again_thanks = thanks_text(other, response)
    assert again_thanks == first_thanks
    assert "al aangemeld" not in again_thanks
    assert "al ontvangen" not in again_thanks
    assert BuddySignup.objects.count() == 1
    assert BuddySignup.objects.get().name == "Hans de Vries"
    assert len(mailoutbox) == mails_after_first


def test_sign_up_with_someone_elses_email_reveals_nothing_and_tells_them(
    client, buddy_project, mailoutbox
):
    earlier = factories.make_buddy_signup(
        project=buddy_project,
        name="Truus Bakker",
        email="truus@example.org",
        phone="",
        created_at=timezone.now() - timedelta(hours=3),
    )
    before = BuddySignup.objects.values().get()
    # A fresh sign-up with an e-mail address, for comparison.
    fresh_client = Client()
    fresh = fresh_client.post(
        buddy_project.url,
        answers(
            name="Nog Iemand",
            phone="",
            email="nog@example.org",
            contact_preference="email",
        ),
    )
    fresh_thanks = thanks_text(fresh_client, fresh)
    mailoutbox.clear()

    response = client.post(
        buddy_project.url,
        answers(
            name="Nieuwsgierige Buur",
            phone="",
            email="TRUUS@example.org",
            contact_preference="email",
        ),
    )

    assert response.status_code == fresh.status_code
    assert response.url == fresh.url
    again_thanks = thanks_text(client, response)
    assert again_thanks == fresh_thanks
    assert "al aangemeld" not in again_thanks
    with translation.override("nl"):
        signed_up_on = date_format(timezone.localtime(earlier.created_at), "j F Y")
    assert signed_up_on not in again_thanks
    assert "Truus" not in again_thanks
    # Nothing stored, nothing changed.
    assert BuddySignup.objects.filter(email__iexact="truus@example.org").count() == 1
    assert BuddySignup.objects.values().get(pk=earlier.pk) == before
    # Truus hears of it, at the address on file, with her own withdraw link.
    (mail,) = mailoutbox
    assert mail.to == ["truus@example.org"]
    assert "Beste Truus Bakker," in mail.body
    assert "opnieuw aangemeld voor Schaakmaatjes" in mail.body
    assert f"/intrekken/{earlier.token}/" in mail.body
    assert "Nieuwsgierige Buur" not in mail.body


def test_same_phone_with_another_email_is_saved_and_confirmed_like_a_new_one(
    client, buddy_project, mailoutbox
):
    factories.make_buddy_signup(project=buddy_project, email="truus@example.org")

    response = client.post(
        buddy_project.url,
        answers(name="Piet de Vries", email="piet@example.org"),
    )

    assert response.status_code == 302
    assert response.url == thanks_url(buddy_project)
    assert BuddySignup.objects.count() == 2
    assert [mail.to for mail in mailoutbox if "Uw aanmelding" in mail.subject] == [
        ["piet@example.org"]
    ]
    assert not [mail for mail in mailoutbox if "truus@example.org" in mail.to]


def test_sign_up_after_more_than_a_day_is_saved_again(client, buddy_project):
    factories.make_buddy_signup(
        project=buddy_project, created_at=timezone.now() - timedelta(days=2)
    )

    response = client.post(buddy_project.url, answers())

    assert response.status_code == 302
    assert BuddySignup.objects.count() == 2


def test_closed_project_shows_its_reason_and_no_form(client, buddy_project):
    buddy_project.is_open = False
    buddy_project.closed_message = "We zoeken eerst maatjes voor wie al wacht."
    buddy_project.save()

    content = client.get(buddy_project.url).content.decode()

    assert "We zoeken eerst maatjes voor wie al wacht." in content
    assert 'name="consent"' not in content
    assert "<form" not in content.split('<section class="signup"')[1]


def test_closed_project_without_a_reason_explains_it_and_stores_no_post(
    client, buddy_project
):
    buddy_project.is_open = False
    buddy_project.save()

    response = client.post(buddy_project.url, answers())

    assert response.status_code == 200
    assert "kunt u zich niet aanmelden" in response.content.decode()
    assert not BuddySignup.objects.exists()


def test_filled_in_honeypot_stores_nothing_and_says_why(
    client, buddy_project, volunteer, mailoutbox
):
    response = client.post(buddy_project.url, answers(website="http://spam.example"))

    content = response.content.decode()
    assert response.status_code == 400
    assert "Laat dit veld leeg" in content
    assert "Uw aanmelding is niet verstuurd" in content
    assert not BuddySignup.objects.exists()
    assert mailoutbox == []
    # What was typed is still there, the trap is empty for the next try.
    assert 'value="Hans de Vries"' in content
    assert "spam.example" not in content
    assert "Er ging iets mis" not in content


def test_too_many_posts_from_one_address_are_refused(client, settings, buddy_project):
    for _attempt in range(settings.PUBLIC_FORM_RATE_LIMIT):
        client.post(buddy_project.url, answers(name=""))

    response = client.post(buddy_project.url, answers())

    content = response.content.decode()
    assert response.status_code == 429
    assert "Wacht een minuut" in content
    assert 'value="Hans de Vries"' in content
    assert not BuddySignup.objects.exists()

    other_address = client.post(buddy_project.url, answers(), REMOTE_ADDR="192.0.2.44")
    assert other_address.status_code == 302


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
