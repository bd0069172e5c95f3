"""The presents offered with a welcome pack: only those in stock, and one that
runs out while a resident claims it."""

from tests import factories
from tests.factories import welcome_claim_form_data as answers
from tests.welcome_pack._support import field_error, offered_presents
from welcome_pack.models import Present, WelcomePackClaim


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
