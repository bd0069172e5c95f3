"""Claiming a WOP's welcome pack on its public page, and finding the pack from
the home page."""

import re
from datetime import timedelta
from html import unescape
from smtplib import SMTPException

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags

from home.models import SiteSettings
from neighbourhood.models import OutboxEmail
from tests import factories
from tests.factories import welcome_claim_form_data as answers
from welcome_pack.models import ClaimStatus, Present, WelcomePackClaim

FINDER = reverse("neighbourhood:find_welcome_pack")


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPException("connection refused")


@pytest.fixture
def pack(wop):
    wop.contact_name = "Buurtteam Schollevaar"
    wop.contact_phone = "010-111 22 33"
    wop.contact_email = "welkom@schollevaar.example.org"
    wop.save()
    return factories.make_welcome_pack(wop=wop)


@pytest.fixture
def present(wop):
    return factories.make_present(wop=wop, name="Bloembollen", stock=5, image=True)


def field_error(content: str, name: str) -> str:
    """The error shown at field ``name``, as text ("" if none)."""
    match = re.search(
        rf'<div class="field__errors" id="id_{name}_error">(.*?)</div>', content, re.S
    )
    return " ".join(strip_tags(unescape(match.group(1))).split()) if match else ""


def thanks_url(pack) -> str:
    return pack.url + pack.reverse_subpage("thanks")


def offered_presents(content: str) -> list[str]:
    return re.findall(r'class="present-option__name">([^<]*)<', content)


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


# One pack per address -------------------------------------------------------


def test_second_claim_for_the_same_address_written_differently_is_refused(
    client, pack, present
):
    client.post(
        pack.url,
        answers(present=present.pk, postcode="2906ab", house_number="12 a"),
    )
    first = WelcomePackClaim.objects.get()

    response = client.post(
        pack.url,
        answers(
            present=present.pk,
            name="Yonas Tesfay",
            postcode="2906 AB",
            house_number="12",
            house_number_addition="A",
        ),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert WelcomePackClaim.objects.count() == 1
    present.refresh_from_db()
    assert present.stock == 4
    on = date_format(timezone.localtime(first.created_at).date(), "j F Y")
    # The rule, not who or when: no name, no date.
    assert "Voor dit adres is al een welkomstpakket aangevraagd." in content
    assert on not in content
    assert "Patricia" not in content
    assert "Yonas" not in content
    assert "Buurtteam Schollevaar" in content
    assert "010-111 22 33" in content
    assert "welkom@schollevaar.example.org" in content


# Presents -------------------------------------------------------------------


def test_present_out_of_stock_is_not_offered(client, pack, present, wop, other_wop):
    factories.make_present(wop=wop, name="Theedoek", stock=0)
    factories.make_present(wop=other_wop, name="Kaars", stock=3)

    content = client.get(pack.url).content.decode()

    assert offered_presents(content) == ["Bloembollen"]


def test_without_presents_in_stock_there_is_no_present_question(client, pack, wop):
    factories.make_present(wop=wop, name="Theedoek", stock=0)

    content = client.get(pack.url).content.decode()
    response = client.post(pack.url, answers())

    assert offered_presents(content) == []
    assert 'name="present"' not in content
    assert "De cadeautjes zijn op dit moment op" in content
    assert response.status_code == 302
    assert WelcomePackClaim.objects.get().present is None


def test_present_that_ran_out_after_the_form_was_shown_asks_for_another(
    client, pack, present, wop
):
    factories.make_present(wop=wop, name="Theedoek", stock=2)
    client.get(pack.url)
    Present.objects.filter(pk=present.pk).update(stock=0)

    response = client.post(
        pack.url, answers(present=present.pk, email="patricia@example.org")
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert not WelcomePackClaim.objects.exists()
    assert field_error(content, "present") == (
        "Fout: Dit cadeautje is net op. Kies een ander."
    )
    assert offered_presents(content) == ["Theedoek"]
    assert 'value="Patricia Jansen"' in content
    assert 'value="patricia@example.org"' in content
    assert 'value="Maasstraat"' in content


def test_present_taken_by_someone_else_during_the_claim_asks_for_another(
    client, pack, present, wop, monkeypatch
):
    """The race the service guards: the form saw stock, the locked row not."""
    factories.make_present(wop=wop, name="Theedoek", stock=2)
    from welcome_pack import services

    real_claim = services.welcome_pack_claim

    def last_one_taken_meanwhile(**kwargs):
        Present.objects.filter(pk=present.pk).update(stock=0)
        return real_claim(**kwargs)

    monkeypatch.setattr(
        "welcome_pack.views.welcome_pack_claim", last_one_taken_meanwhile
    )

    response = client.post(pack.url, answers(present=present.pk))

    content = response.content.decode()
    assert not WelcomePackClaim.objects.exists()
    assert "Dit cadeautje is net op. Kies een ander." in field_error(content, "present")
    assert offered_presents(content) == ["Theedoek"]
    assert 'value="Patricia Jansen"' in content


def test_last_present_gone_during_the_claim_offers_the_pack_without_one(
    client, pack, present
):
    Present.objects.filter(pk=present.pk).update(stock=0)

    response = client.post(pack.url, answers(present=present.pk))
    again = client.post(pack.url, answers())

    assert "U krijgt het pakket zonder cadeautje" in response.content.decode()
    assert again.status_code == 302
    assert WelcomePackClaim.objects.get().present is None


# Mistakes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moved_in_on", "message"),
    [
        (timezone.localdate() + timedelta(days=1), "in de toekomst"),
        (timezone.localdate() - timedelta(days=400), "in het afgelopen jaar"),
    ],
)
def test_moved_in_date_must_lie_within_the_last_year(
    client, pack, present, moved_in_on, message
):
    response = client.post(
        pack.url, answers(present=present.pk, moved_in_on=moved_in_on.isoformat())
    )

    assert message in field_error(response.content.decode(), "moved_in_on")
    assert not WelcomePackClaim.objects.exists()


def test_moved_in_date_typed_the_dutch_way_is_understood(client, pack, present):
    day = timezone.localdate() - timedelta(days=10)

    client.post(
        pack.url, answers(present=present.pk, moved_in_on=day.strftime("%d-%m-%Y"))
    )

    assert WelcomePackClaim.objects.get().moved_in_on == day


def test_each_mistake_is_explained_in_dutch_at_its_field(client, pack, present):
    response = client.post(
        pack.url,
        answers(
            name="",
            street="",
            house_number="",
            household_size="16",
            moved_in_on="gisteren",
            phone="",
            email="",
            present=None,
            consent=None,
        ),
    )

    content = response.content.decode()
    assert "<title>Fout:" in content
    assert field_error(content, "name") == "Fout: Vul uw naam in."
    assert "Vul uw straat in." in field_error(content, "street")
    assert "Vul uw huisnummer in." in field_error(content, "house_number")
    assert "van 1 tot en met 15" in field_error(content, "household_size")
    assert "geen geldige datum" in field_error(content, "moved_in_on")
    assert "telefoonnummer of een e-mailadres" in field_error(content, "phone")
    assert "Kies een cadeautje." in field_error(content, "present")
    assert "Zonder uw toestemming" in field_error(content, "consent")
    assert not WelcomePackClaim.objects.exists()


def test_address_in_another_wop_links_to_that_wops_welcome_pack(
    client, pack, present, other_wop
):
    other_pack = factories.make_welcome_pack(wop=other_wop)

    response = client.post(pack.url, answers(present=present.pk, postcode="2903 AB"))

    content = response.content.decode()
    assert "Dit adres hoort bij wijk Oostgaarde" in field_error(content, "postcode")
    assert f'href="{other_pack.url}"' in content
    assert not WelcomePackClaim.objects.exists()


def test_address_in_another_wop_without_a_pack_links_to_that_wop(
    client, pack, present, other_wop
):
    response = client.post(pack.url, answers(present=present.pk, postcode="2903 AB"))

    content = response.content.decode()
    assert "Dit adres hoort bij wijk Oostgaarde" in field_error(content, "postcode")
    assert f'href="{other_wop.url}"' in content


def test_address_outside_every_wop_says_so(client, pack, present):
    response = client.post(pack.url, answers(present=present.pk, postcode="3011 AB"))

    assert "geen van onze wijken" in field_error(response.content.decode(), "postcode")
    assert not WelcomePackClaim.objects.exists()


# The guard ------------------------------------------------------------------


def test_filled_in_honeypot_stores_nothing_and_keeps_what_was_typed(
    client, pack, present, mailoutbox
):
    response = client.post(
        pack.url, answers(present=present.pk, website="http://spam.example")
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Uw aanvraag is niet verstuurd" in content
    assert 'value="Patricia Jansen"' in content
    assert "spam.example" not in content
    assert not WelcomePackClaim.objects.exists()
    assert mailoutbox == []
    present.refresh_from_db()
    assert present.stock == 5


def test_too_many_posts_from_one_address_are_refused(client, settings, pack, present):
    for _attempt in range(settings.PUBLIC_FORM_RATE_LIMIT):
        client.post(pack.url, answers(name=""))

    response = client.post(pack.url, answers(present=present.pk))

    assert response.status_code == 429
    assert "Wacht een minuut" in response.content.decode()
    assert not WelcomePackClaim.objects.exists()


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


# From the home page ---------------------------------------------------------


def test_home_page_offers_the_welcome_pack_finder(client, wop):
    content = client.get("/").content.decode()

    assert "Nieuw in de wijk?" in content
    assert f'action="{FINDER}"' in content
    assert 'id="id_welkom_postcode"' in content
    assert content.count('id="id_postcode"') == 1


def test_postcode_leads_to_its_wops_welcome_pack(client, pack, other_wop):
    factories.make_welcome_pack(wop=other_wop)

    response = client.get(FINDER, {"postcode": " 2906  ab "})

    assert response.status_code == 302
    assert response.url == pack.url


def test_wop_without_a_welcome_pack_is_explained_with_a_link_to_the_wop(client, wop):
    response = client.get(FINDER, {"postcode": "2906AB"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Uw wijk Schollevaar heeft (nog) geen welkomstpakket" in content
    assert f'href="{wop.url}"' in content


def test_postcode_outside_every_wop_says_whom_to_contact(client, home, wop):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.contact_phone = "010-123 45 67"
    site_settings.save()

    response = client.get(FINDER, {"postcode": "3011ab"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "3011 AB" in content
    assert "010-123 45 67" in content


def test_malformed_postcode_in_the_welcome_pack_finder_gets_a_dutch_message(
    client, wop
):
    response = client.get(FINDER, {"postcode": "29O6 AB"})

    content = response.content.decode()
    assert "4 cijfers en 2 letters" in content
    assert 'value="29O6 AB"' in content
