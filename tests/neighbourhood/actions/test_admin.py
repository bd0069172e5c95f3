"""The neighbour actions' queue in the admin: scoping, the steps from new to
delivered or placed, printing the approved cards, tile stock, dashboard."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from neighbourhood.actions.viewsets import action_request_viewset, tile_stock_viewset
from neighbourhood.models import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    Delivery,
    TileStock,
)
from neighbourhood.submissions.services import consent_record
from tests import factories
from tests.dashboard import todo_counts

pytestmark = pytest.mark.django_db

INDEX = action_request_viewset.get_url_name("index")
EDIT = action_request_viewset.get_url_name("edit")
HANDLE = action_request_viewset.get_url_name("handle")
HISTORY = action_request_viewset.get_url_name("history")
PRINT = action_request_viewset.get_url_name("print")


def _request(*, wop, kind, **kwargs) -> ActionRequest:
    """A request saved straight to the database (no e-mail), online consent."""
    kwargs.setdefault("name", "Truus de Groot")
    kwargs.setdefault("phone", "010-123 45 67")
    kwargs.setdefault("postcode", "2906AB")
    if kind == ActionKind.CARD:
        kwargs.setdefault("card_design", factories.make_card_design())
        kwargs.setdefault("message", "Dank voor de soep!")
        kwargs.setdefault("delivery", Delivery.VOLUNTEER)
    if kind in (ActionKind.CARD, ActionKind.TREAT):
        kwargs.setdefault("recipient_street", "Maasstraat")
        kwargs.setdefault("recipient_house_number", "14")
        kwargs.setdefault("recipient_postcode", "2906AB")
    if kind == ActionKind.TREAT:
        kwargs.setdefault("treat", "Appeltaart")
        kwargs.setdefault("treat_for", "neighbour")
    if kind == ActionKind.WAVE_TILE:
        kwargs.setdefault("street", "Waalstraat")
        kwargs.setdefault("house_number", "3")
        kwargs.setdefault(
            "address_key", f"{kwargs['postcode']}-{kwargs['house_number']}"
        )
    for field, value in consent_record(text="Akkoord").items():
        kwargs.setdefault(field, value)
    return ActionRequest.objects.create(wop=wop, kind=kind, **kwargs)


def _step(client, request, to, **data):
    return client.post(reverse(HANDLE, args=[request.pk]), {"to": to, **data})


@pytest.fixture
def card(wop):
    return _request(wop=wop, kind=ActionKind.CARD)


@pytest.fixture
def foreign_card(other_wop):
    return _request(
        wop=other_wop,
        kind=ActionKind.CARD,
        name="Zeynep uit Oostgaarde",
        message="Geheim van Oostgaarde",
        status=ActionStatus.APPROVED,
    )


# Scoping ---------------------------------------------------------------------


def test_volunteer_sees_only_own_wops_requests(client, volunteer, card, foreign_card):
    client.force_login(volunteer)

    listing = client.get(reverse(INDEX))
    printed = client.get(reverse(PRINT)).content.decode()

    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [card]
    assert "Geheim van Oostgaarde" not in printed
    for view in (EDIT, HANDLE, HISTORY):
        assert client.get(reverse(view, args=[foreign_card.pk])).status_code == 404
    assert (
        client.get(reverse(PRINT), {"wop": foreign_card.wop_id}).context["cards"] == []
    )


def test_volunteer_cannot_take_a_step_on_another_wops_request(
    client, volunteer, foreign_card, mailoutbox
):
    client.force_login(volunteer)

    response = _step(client, foreign_card, "declined", reason="Niet van ons")
    marked = client.post(reverse(PRINT), {"card": [foreign_card.pk]})

    assert response.status_code == 404
    assert marked.status_code == 302
    foreign_card.refresh_from_db()
    assert foreign_card.status == ActionStatus.APPROVED
    assert mailoutbox == []


def test_coordinator_sees_every_wops_requests(client, coordinator, card, foreign_card):
    client.force_login(coordinator)

    listing = client.get(reverse(INDEX))
    handle = client.get(reverse(HANDLE, args=[foreign_card.pk]))

    assert set(listing.context["object_list"]) == {card, foreign_card}
    assert handle.status_code == 200


def test_listing_filters_offer_only_own_wops(client, volunteer, card, foreign_card):
    client.force_login(volunteer)

    filters = client.get(reverse(INDEX)).context["filters"]

    assert list(filters.form.fields["wop"].queryset) == [card.wop]


# The queue -------------------------------------------------------------------


def test_card_message_is_shown_escaped_before_approval(client, volunteer, wop):
    card = _request(wop=wop, kind=ActionKind.CARD, message="<script>x()</script>Hoi")
    client.force_login(volunteer)

    page = client.get(reverse(HANDLE, args=[card.pk])).content.decode()

    assert "&lt;script&gt;x()&lt;/script&gt;Hoi" in page
    assert "<script>x()" not in page
    assert "Goedkeuren" in page


def test_card_goes_from_approved_to_printed_to_delivered(client, volunteer, card):
    client.force_login(volunteer)

    approved = _step(client, card, "approved")
    printed = _step(client, card, "printed")
    delivered = _step(client, card, "done", on="2026-03-02")

    assert approved.status_code == printed.status_code == delivered.status_code == 302
    card.refresh_from_db()
    assert card.status == ActionStatus.DONE
    assert str(card.handled_on) == "2026-03-02"
    steps = ModelLogEntry.objects.filter(
        action="verbuurzamen.status", object_id=str(card.pk)
    ).order_by("pk")
    assert [entry.data["to"] for entry in steps] == ["approved", "printed", "done"]
    assert {entry.user for entry in steps} == {volunteer}


def test_a_step_that_is_not_allowed_shows_why(client, volunteer, card):
    client.force_login(volunteer)

    response = _step(client, card, "printed")

    assert response.status_code == 200
    assert "kan dit niet naar" in response.content.decode()
    card.refresh_from_db()
    assert card.status == ActionStatus.NEW


def test_declining_needs_a_reason_and_mails_it_to_the_sender(
    client, volunteer, wop, mailoutbox
):
    card = _request(wop=wop, kind=ActionKind.CARD, email="truus@example.org")
    client.force_login(volunteer)

    without = _step(client, card, "declined", reason="  ")
    card.refresh_from_db()
    assert without.status_code == 200
    assert "Schrijf erbij waarom" in without.content.decode()
    assert card.status == ActionStatus.NEW

    _step(client, card, "declined", reason="Dit adres bestaat niet.")

    card.refresh_from_db()
    assert card.status == ActionStatus.DECLINED
    assert card.decline_reason == "Dit adres bestaat niet."
    assert [mail.to for mail in mailoutbox] == [["truus@example.org"]]
    assert "Dit adres bestaat niet." in mailoutbox[0].body


def test_approving_a_tile_uses_stock_and_without_stock_says_so(client, volunteer, wop):
    factories.make_tile_stock(wop=wop, quantity=1)
    first = _request(wop=wop, kind=ActionKind.WAVE_TILE)
    second = _request(wop=wop, kind=ActionKind.WAVE_TILE, house_number="5")
    client.force_login(volunteer)

    _step(client, first, "approved")
    refused = _step(client, second, "approved")

    assert TileStock.objects.get(wop=wop).quantity == 0
    assert "geen zwaaitegels meer op voorraad" in refused.content.decode()
    second.refresh_from_db()
    assert second.status == ActionStatus.NEW

    _step(client, first, "declined", reason="Stoep wordt opgebroken")

    assert TileStock.objects.get(wop=wop).quantity == 1


def test_a_tile_is_placed_on_a_date_and_never_printed(client, volunteer, wop):
    factories.make_tile_stock(wop=wop, quantity=3)
    tile = _request(wop=wop, kind=ActionKind.WAVE_TILE)
    client.force_login(volunteer)
    _step(client, tile, "approved")

    page = client.get(reverse(HANDLE, args=[tile.pk])).content.decode()
    _step(client, tile, "done", on="2026-04-01")

    assert "Geplaatst" in page
    assert 'value="printed"' not in page
    tile.refresh_from_db()
    assert (tile.status, str(tile.handled_on)) == (ActionStatus.DONE, "2026-04-01")


def test_edit_form_follows_the_kind_and_never_offers_token_or_consent(
    client, volunteer, card, wop
):
    treat = _request(wop=wop, kind=ActionKind.TREAT)
    client.force_login(volunteer)

    card_form = client.get(reverse(EDIT, args=[card.pk])).context["form"]
    treat_form = client.get(reverse(EDIT, args=[treat.pk])).context["form"]

    assert {"message", "card_design", "recipient_street", "name"} <= set(
        card_form.fields
    )
    assert {"treat", "treat_for", "name"} <= set(treat_form.fields)
    assert "message" not in treat_form.fields
    hidden = {
        "token",
        "consent_text",
        "consent_at",
        "consent_method",
        "consent_privacy_version",
        "registered_by",
        "status",
        "wop",
        "address_key",
    }
    assert not hidden & (set(card_form.fields) | set(treat_form.fields))


def test_requests_come_from_the_action_pages_not_an_empty_form(client, volunteer):
    client.force_login(volunteer)

    listing = client.get(reverse(INDEX)).content.decode()

    assert "/buurtacties/aanvragen/new/" not in listing
    assert reverse(PRINT) in listing


def test_listing_queries_do_not_grow_with_the_number_of_requests(
    client, volunteer, wop
):
    design = factories.make_card_design()
    client.force_login(volunteer)

    def queries_for_listing():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(INDEX))
        assert response.status_code == 200
        return len(captured), len(response.context["object_list"])

    for _number in range(3):
        _request(wop=wop, kind=ActionKind.CARD, card_design=design)
    few, shown = queries_for_listing()
    assert shown == 3

    for _number in range(3, 10):
        _request(
            wop=wop, kind=ActionKind.CARD, card_design=factories.make_card_design()
        )
        _request(wop=wop, kind=ActionKind.TREAT)
    many, shown = queries_for_listing()
    assert shown == 17

    assert many == few


# Printing the approved cards -------------------------------------------------


def test_print_view_puts_each_approved_card_on_its_own_page_escaped(
    client, volunteer, wop
):
    approved = [
        _request(
            wop=wop,
            kind=ActionKind.CARD,
            status=ActionStatus.APPROVED,
            message="<b>Welkom</b> in de straat",
        ),
        _request(
            wop=wop,
            kind=ActionKind.CARD,
            status=ActionStatus.APPROVED,
            anonymous=True,
            name="",
            recipient_street="Waalstraat",
        ),
    ]
    _request(wop=wop, kind=ActionKind.CARD)  # not approved yet
    _request(
        wop=wop,
        kind=ActionKind.CARD,
        status=ActionStatus.APPROVED,
        delivery=Delivery.SELF,
    )
    client.force_login(volunteer)

    response = client.get(reverse(PRINT))
    page = response.content.decode()

    assert [row["card"] for row in response.context["cards"]] == approved
    assert page.count('<section class="card"') == 2
    assert "page-break-after: always" in page
    assert "&lt;b&gt;Welkom&lt;/b&gt; in de straat" in page
    assert "<b>Welkom</b>" not in page
    assert "Een buur" in page
    assert "Waalstraat 14" in page
    assert "2906 AB" in page


def test_marking_printed_moves_only_the_printed_cards_on(client, volunteer, wop):
    shown = _request(wop=wop, kind=ActionKind.CARD, status=ActionStatus.APPROVED)
    client.force_login(volunteer)
    client.get(reverse(PRINT))
    approved_since = _request(
        wop=wop, kind=ActionKind.CARD, status=ActionStatus.APPROVED
    )

    response = client.post(reverse(PRINT), {"card": [shown.pk]})

    assert response.status_code == 302
    shown.refresh_from_db()
    approved_since.refresh_from_db()
    assert shown.status == ActionStatus.PRINTED
    assert approved_since.status == ActionStatus.APPROVED


# Tile stock, card designs, dashboard -----------------------------------------


def test_volunteer_adjusts_own_stock_only(client, volunteer, wop, other_wop):
    own = factories.make_tile_stock(wop=wop, quantity=2)
    foreign = factories.make_tile_stock(wop=other_wop, quantity=9)
    edit = tile_stock_viewset.get_url_name("edit")
    client.force_login(volunteer)

    listing = client.get(reverse(tile_stock_viewset.get_url_name("index")))
    saved = client.post(reverse(edit, args=[own.pk]), {"wop": wop.pk, "quantity": 7})

    assert list(listing.context["object_list"]) == [own]
    assert saved.status_code == 302
    own.refresh_from_db()
    assert own.quantity == 7
    assert client.get(reverse(edit, args=[foreign.pk])).status_code == 404


def test_coordinators_manage_card_designs_and_volunteers_do_not(volunteer, coordinator):
    assert coordinator.has_perms(
        ["neighbourhood.add_carddesign", "neighbourhood.change_carddesign"]
    )
    assert coordinator.has_perm("neighbourhood.add_tilestock")
    assert not volunteer.has_perm("neighbourhood.change_carddesign")
    assert volunteer.has_perms(
        ["neighbourhood.view_tilestock", "neighbourhood.change_tilestock"]
    )
    assert not volunteer.has_perm("neighbourhood.add_tilestock")


def test_dashboard_counts_open_requests_of_own_wops(
    client, volunteer, wop, card, foreign_card
):
    _request(wop=wop, kind=ActionKind.TREAT, status=ActionStatus.WAITING)
    client.force_login(volunteer)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    # Only what waits is shown: nothing approved or printed.
    assert todo_counts(dashboard) == {wop.pk: {"actions_new": 1, "actions_waiting": 1}}
    assert "Buurtacties: op de wachtlijst" in dashboard
