"""Many residents at the same moment, through the real forms on a live server:
one welcome pack per address, never more places than there are, and a double
click or a resend stores one record.

Each resident is a browser of its own (cookies, the CSRF token of the form it
loaded); a barrier sends their posts at the same moment.
"""

import time
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import EventRSVP, RSVPStatus
from neighbourhood.models import ActionKind, ActionRequest, BuddySignup
from tests import factories
from tests.reliability.inprocess import Browser, at_once, percentile, postgresql_only
from welcome_pack.models import WelcomePackClaim

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.postgres,
    # serialized_rollback: the flush between tests empties what the
    # migrations made (the site, its home page), which the next test needs.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("postgresql_only"),
]

__all__ = ["postgresql_only"]

CLAIMANTS = 50
CAPACITY = 20


@pytest.fixture(autouse=True)
def _many_posts_from_loopback(settings, tmp_path):
    """Every browser here posts from 127.0.0.1: the per-address rate limit
    would stop them after a few. Card images go to a folder of the test."""
    settings.PUBLIC_FORM_RATE_LIMIT = 10_000
    settings.MEDIA_ROOT = tmp_path


def timed(job):
    """``job`` returning (seconds, its result)."""

    def run():
        started = time.monotonic()
        result = job()
        return time.monotonic() - started, result

    return run


def report(title: str, results) -> Counter:
    """Print the figures of a burst: statuses and latencies."""
    statuses = Counter(response.status for _seconds, response in results)
    seconds = [seconds for seconds, _response in results]
    print(
        f"\n{title}: {len(results)} posts at once; statuses {dict(statuses)}; "
        f"p50 {percentile(seconds, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(seconds, 0.99) * 1000:.0f} ms, "
        f"slowest {max(seconds) * 1000:.0f} ms"
    )
    return statuses


def test_fifty_claims_for_one_address_at_once_store_one_and_refuse_the_rest_kindly(
    live_server, wop
):
    pack = factories.make_welcome_pack(wop=wop)
    browsers = [Browser(live_server.url) for _number in range(CLAIMANTS)]
    # Fifty people, one address however it is typed.
    spellings = ["12", " 12", "12 "]
    forms = [
        browser.load_form(
            pack.url,
            factories.welcome_claim_form_data(
                name=f"Bewoner {number}",
                phone=f"06-1234{number:04d}",
                house_number=spellings[number % len(spellings)],
                postcode=["2906 ab", "2906AB", "2906ab"][number % 3],
            ),
        )
        for number, browser in enumerate(browsers)
    ]

    results, errors = at_once(
        [
            timed(lambda browser=browser, form=form: browser.post(pack.url, form))
            for browser, form in zip(browsers, forms, strict=True)
        ]
    )

    assert errors == [], errors[:3]
    statuses = report("Welcome-pack claims, one address", results)
    assert WelcomePackClaim.objects.count() == 1
    assert statuses == {302: 1, 200: CLAIMANTS - 1}
    thanks = pack.url + pack.reverse_subpage("thanks")
    assert [r.location for _s, r in results if r.status == 302] == [thanks]
    refusals = [r for _s, r in results if r.status == 200]
    assert all(
        "Voor dit adres is het pakket al aangevraagd" in r.text
        and "We hebben uw aanvraag daarom niet opgeslagen" in r.text
        for r in refusals
    )
    # Only when, never who.
    claimant = WelcomePackClaim.objects.get()
    assert not any(
        claimant.name in r.body or claimant.phone in r.body for r in refusals
    )


def test_more_sign_ups_than_places_at_once_fill_the_places_and_the_rest_wait(
    live_server, wop
):
    event = factories.make_event(
        index=factories.make_event_index(parent=wop),
        signup_required=True,
        capacity=CAPACITY,
        start_date=timezone.localdate() + timedelta(days=3),
    )
    occurrence = event.occurrences.get()
    people = CAPACITY + 10
    browsers = [Browser(live_server.url) for _number in range(people)]
    forms = [
        browser.load_form(
            event.url,
            factories.rsvp_form_data(
                occurrence=occurrence,
                name=f"Buurtbewoner {number}",
                phone=f"010-555{number:04d}",
            ),
        )
        for number, browser in enumerate(browsers)
    ]

    results, errors = at_once(
        [
            timed(lambda browser=browser, form=form: browser.post(event.url, form))
            for browser, form in zip(browsers, forms, strict=True)
        ]
    )

    assert errors == [], errors[:3]
    statuses = report(f"RSVPs for {CAPACITY} places", results)
    assert statuses == {302: people}
    rsvps = EventRSVP.objects.filter(occurrence=occurrence)
    assert rsvps.filter(status=RSVPStatus.CONFIRMED).count() == CAPACITY
    assert rsvps.filter(status=RSVPStatus.WAITING).count() == 10
    # Each resident reads on the page after signing up where they stand.
    pages = [
        browser.get(response.location)
        for browser, (_s, response) in zip(browsers, results, strict=True)
    ]
    assert all(page.status == 200 for page in pages)
    waiting = [page for page in pages if "wachtlijst" in page.text]
    assert len(waiting) == 10
    print(
        f"RSVPs: {CAPACITY} confirmed, {len(waiting)} told they are on the waiting list"
    )


# Double clicks and resends ----------------------------------------------------


def _card_form(design, **changes) -> dict:
    return {
        "card_design": str(design.pk),
        "message": "Dank je wel voor de soep toen ik ziek was!",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": "2906 ab",
        "delivery": "volunteer",
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "",
        "consent": "on",
        "website": "",
        **changes,
    }


def _treat_form(page, **changes) -> dict:
    return {
        "treat": str(page.treats.get(name="Appeltaart").pk),
        "treat_for": "neighbour",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": "2906AB",
        "name": "Zeynep Kaya",
        "phone": "010-123 45 67",
        "email": "",
        "consent": "on",
        "website": "",
        **changes,
    }


def _tile_form(**changes) -> dict:
    return {
        "name": "Truus Jansen",
        "street": "Maasstraat",
        "house_number": "12 a",
        "postcode": "2906 AB",
        "phone": "",
        "email": "truus@example.org",
        "consent": "on",
        "website": "",
        **changes,
    }


def public_forms(wop):
    """Every public form: (what, page url, thanks url, form data for person
    ``n``, the records it stores)."""
    project = factories.make_buddy_project(parent=wop)
    card_page = factories.make_card_action(wop=wop)
    design = factories.make_card_design()
    treat_page = factories.make_treat_action(wop=wop, monthly_limit=100)
    tile_page = factories.make_wave_tile_action(wop=wop)
    factories.make_tile_stock(wop=wop, quantity=10)
    pack = factories.make_welcome_pack(wop=wop)
    event = factories.make_event(
        index=factories.make_event_index(parent=wop),
        signup_required=True,
        capacity=10,
    )
    occurrence = event.occurrences.get()

    def thanks(page, route="thanks"):
        return page.url + page.reverse_subpage(route)

    return [
        (
            "buddy sign-up",
            project.url,
            thanks(project),
            lambda n: factories.buddy_signup_form_data(
                name=f"Hans {n}", phone=f"010-100{n:04d}"
            ),
            BuddySignup.objects.all(),
        ),
        (
            "card",
            card_page.url,
            thanks(card_page),
            lambda n: _card_form(design, name=f"Hans {n}", phone=f"010-200{n:04d}"),
            ActionRequest.objects.filter(kind=ActionKind.CARD),
        ),
        (
            "treat",
            treat_page.url,
            thanks(treat_page),
            lambda n: _treat_form(
                treat_page, name=f"Zeynep {n}", phone=f"010-300{n:04d}"
            ),
            ActionRequest.objects.filter(kind=ActionKind.TREAT),
        ),
        (
            "wave tile",
            tile_page.url,
            thanks(tile_page),
            lambda n: _tile_form(name=f"Truus {n}", house_number=str(n + 1)),
            ActionRequest.objects.filter(kind=ActionKind.WAVE_TILE),
        ),
        (
            "welcome pack",
            pack.url,
            thanks(pack),
            lambda n: factories.welcome_claim_form_data(
                name=f"Patricia {n}", house_number=str(n + 1)
            ),
            WelcomePackClaim.objects.all(),
        ),
        (
            "RSVP",
            event.url,
            thanks(event, "rsvp_thanks"),
            lambda n: factories.rsvp_form_data(
                occurrence=occurrence, name=f"Yonas {n}", phone=f"010-400{n:04d}"
            ),
            EventRSVP.objects.all(),
        ),
    ]


def test_a_double_click_or_a_resend_of_any_public_form_stores_one_record(
    live_server, wop
):
    failures = []
    for what, url, thanks, answers, stored in public_forms(wop):
        # A resend: the same post again, after the first one was answered.
        browser = Browser(live_server.url)
        form = browser.load_form(url, answers(1))
        resend = [browser.post(url, form), browser.post(url, form)]
        after_resend = stored.count()

        # A double click: the same post twice at the same moment.
        browser = Browser(live_server.url)
        form = browser.load_form(url, answers(2))
        double_click, errors = at_once(
            [lambda b=browser, u=url, f=form: b.post(u, f) for _click in range(2)]
        )
        after_double_click = stored.count()

        responses = resend + double_click
        if what in ("card", "treat"):
            # The same answers in a form loaded again: a second request.
            browser = Browser(live_server.url)
            again = browser.post(url, browser.load_form(url, answers(2)))
            if (again.status, stored.count()) != (302, 3):
                failures.append(f"{what}: a new form with the same answers refused")
        print(
            f"{what}: resend {[r.status for r in resend]} -> {after_resend} stored; "
            f"double click {sorted(r.status for r in double_click)} -> "
            f"{after_double_click - after_resend} stored"
        )
        if errors or after_resend != 1 or after_double_click != 2:
            failures.append(
                f"{what}: {after_resend} stored after a resend, "
                f"{after_double_click - after_resend} after a double click"
            )
        if any(r.status >= 500 for r in responses):
            failures.append(f"{what}: server error")
        # Both answers lead to the thanks page: the resident sees their
        # request went through, never "not stored".
        if any((r.status, r.location) != (302, thanks) for r in responses):
            failures.append(
                f"{what}: answers {[(r.status, r.location) for r in responses]}"
            )
    assert failures == []
