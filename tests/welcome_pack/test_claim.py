"""Claiming a WOP's welcome pack on its public page: the page, the mails, the
thanks, and a mail outage."""

import re
from datetime import timedelta
from smtplib import SMTPException

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from neighbourhood.models import OutboxEmail
from tests import factories
from tests.factories import welcome_claim_form_data as answers
from tests.welcome_pack._support import offered_presents
from welcome_pack.models import ClaimStatus, WelcomePackClaim


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPException("connection refused")


def thanks_url(pack) -> str:
    return pack.url + pack.reverse_subpage("thanks")


# Claiming -------------------------------------------------------------------


def test_claim_is_saved_in_the_wop_and_takes_the_present_from_stock(
    client, pack, present, wop
):
    response = client.post(
        pack.url, answers(present=present.pk, house_number_addition="b")
    )

    assert response.status_code == 302
    assert response.url == thanks_url(pack)
    claim = WelcomePackClaim.objects.get()
    assert claim.wop == wop
    assert claim.status == ClaimStatus.NEW
    assert claim.name == "Patricia Jansen"
    assert claim.street == "Maasstraat"
    assert claim.postcode == "2906AB"
    assert claim.address_key == "2906AB|12B"
    assert claim.household_size == 2
    assert claim.preferred_language == "nl"
    assert claim.interests == ["buddy", "activities"]
    assert claim.present == present
    assert claim.contact_preference == "phone"
    assert "vrijwilligers van wijk Schollevaar" in claim.consent_text
    present.refresh_from_db()
    assert present.stock == 4


def test_page_shows_intro_body_flyers_presents_and_the_form(client, wop, present):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from welcome_pack.models import WelcomePackFlyer

    document = get_document_model().objects.create(
        title="Activiteiten in Schollevaar",
        file=ContentFile(b"%PDF-1.4", name="activiteiten.pdf"),
    )
    pack = factories.make_welcome_pack(
        wop=wop, body="<p>Een plattegrond en een smoelenboek.</p>"
    )
    WelcomePackFlyer.objects.create(page=pack, document=document)

    content = client.get(pack.url).content.decode()

    assert "Nieuw in de wijk? Welkom!" in content
    assert "Een plattegrond en een smoelenboek." in content
    assert f'href="{document.url}"' in content
    assert "Activiteiten in Schollevaar" in content
    assert offered_presents(content) == ["Bloembollen"]
    assert re.search(r'<img[^>]*class="present-option__image"', content)
    assert 'type="date"' in content
    assert "dag-maand-jaar" in content
    assert "Ik wil ook graag…" in content
    assert "Een maatje" in content
    assert '<input type="radio" name="preferred_language" value="ti"' in content


def test_claim_with_email_mails_staff_without_personal_data_and_a_withdraw_link(
    client, pack, present, volunteer, mailoutbox
):
    response = client.post(
        pack.url,
        answers(present=present.pk, phone="", email="patricia@example.org"),
        follow=True,
    )

    assert "U krijgt van ons een e-mail" in response.content.decode()
    assert "patricia@example.org" not in response.content.decode()
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    assert len(mailoutbox) == 2
    staff_mail = by_recipient["vrijwilliger@example.org"]
    confirmation = by_recipient["patricia@example.org"]
    assert "Patricia" not in staff_mail.body + staff_mail.subject
    assert "Maasstraat" not in staff_mail.body
    assert "2906" not in staff_mail.body
    claim = WelcomePackClaim.objects.get()
    withdraw_url = reverse("neighbourhood:withdraw", args=[claim.token])
    assert withdraw_url in confirmation.body

    # The link from the mail withdraws: details erased, present back in stock.
    client.post(withdraw_url, {"website": ""})

    claim.refresh_from_db()
    assert claim.anonymised_at is not None
    assert claim.status == ClaimStatus.WITHDRAWN
    assert claim.name != "Patricia Jansen"
    assert claim.email == ""
    present.refresh_from_db()
    assert present.stock == 5


def test_phone_only_claim_is_saved_and_thanks_says_no_mail_was_sent(
    client, pack, present, volunteer, mailoutbox
):
    response = client.post(pack.url, answers(present=present.pk), follow=True)

    content = response.content.decode()
    assert WelcomePackClaim.objects.get().phone == "06-12345678"
    assert "Bedankt voor uw aanvraag" in content
    assert "Binnen twee weken" in content
    assert "U heeft geen e-mailadres ingevuld" in content
    assert "Bloembollen" in content
    assert "Patricia" not in content
    assert "12345678" not in content
    assert [mail.to for mail in mailoutbox] == [["vrijwilliger@example.org"]]


def test_pages_with_the_form_or_the_thanks_are_not_kept_by_shared_caches(
    client, pack, present
):
    form_page = client.get(pack.url)
    errors = client.post(pack.url, answers(name=""))
    thanks = client.post(pack.url, answers(present=present.pk), follow=True)

    # The form page holds this visitor's own CSRF token: no shared HTTP cache
    # may keep it (the page cache keeps it without, neighbourhood.page_cache).
    assert "private" in form_page.headers["Cache-Control"]
    for response in (errors, thanks):
        cache_control = response.headers["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control


def test_thanks_page_without_a_claim_points_back_to_the_form(client, pack):
    content = client.get(thanks_url(pack)).content.decode()

    assert "Bedankt voor uw aanvraag" not in content
    assert "Wilt u het welkomstpakket aanvragen?" in content


# Mail outage ----------------------------------------------------------------


def test_claim_survives_a_mail_outage_and_the_mail_goes_out_later(
    client, settings, pack, present, volunteer, mailoutbox
):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    response = client.post(
        pack.url,
        answers(present=present.pk, email="patricia@example.org"),
        follow=True,
    )

    assert "Bedankt voor uw aanvraag" in response.content.decode()
    assert WelcomePackClaim.objects.count() == 1
    queued = OutboxEmail.objects.all()
    assert queued.count() == 2
    assert {message.status for message in queued} == {OutboxEmail.Status.PENDING}

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queued.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("send_outbox", stdout=None)

    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "patricia@example.org",
        "vrijwilliger@example.org",
    ]
