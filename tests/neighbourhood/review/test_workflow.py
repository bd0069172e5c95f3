"""The WOP review: volunteers submit their WOP's pages, the coordinator
responsible for that WOP approves or asks for changes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from neighbourhood.models import OutboxEmail, StreetPage, WopReviewTask
from neighbourhood.review.services import review_recipients
from neighbourhood.review.setup import wop_review_workflow_sync
from neighbourhood.scoping.access import wop_access_repair
from tests import factories

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def street(wop):
    return factories.make_street(wop=wop, intro="Oude tekst.")


@pytest.fixture
def wop_coordinator(wop):
    """The coordinator responsible for Schollevaar only."""
    return factories.make_wop_coordinator(
        wop, email="coordinator.schollevaar@example.org"
    )


@pytest.fixture
def other_wop_coordinator(other_wop):
    return factories.make_wop_coordinator(
        other_wop, email="coordinator.oostgaarde@example.org"
    )


@pytest.fixture
def superuser(db):
    return factories.User.objects.create_superuser(
        email="beheer@example.org", password=PASSWORD
    )


def _client_for(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


@pytest.fixture
def as_user(client):
    """A logged-in test client per user."""
    return lambda user: _client_for(type(client), user)


def _street_form_data(page, *, go_live_at="", **fields) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "streets": page.streets,
        "intro": page.intro,
        "body": rich_text(page.body or "<p></p>"),
        "contacts": inline_formset([]),
        "comments": inline_formset([]),
        "kitty_keeper": "",
        "go_live_at": go_live_at,
        "expire_at": "",
    }
    data.update(fields)
    return nested_form_data(data)


def _edit(client, page, action, **fields):
    data = _street_form_data(page, **fields)
    data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def _submit(client, page, **fields):
    response = _edit(client, page, "action-submit", **fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    return TaskState.objects.get(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__object_id=str(page.pk),
    )


def _act(client, task_state, action, comment=""):
    page_id = task_state.workflow_state.object_id
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page_id, action, task_state.pk]
    )
    return client.post(url, {"comment": comment}, follow=True)


def _messages(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def _review_mails():
    return OutboxEmail.objects.filter(subject__startswith="Ter controle")


def _live(page):
    return StreetPage.objects.get(pk=page.pk)


# The workflow -----------------------------------------------------------------


def test_the_whole_neighbourhood_tree_goes_through_the_wop_review(street):
    wop_review_workflow_sync()
    wop_access_repair()

    workflow = Workflow.objects.get(name="WOP-controle")
    assert street.get_workflow() == workflow
    assert street.get_parent().get_workflow() == workflow
    assert [task.specific for task in workflow.tasks] == list(
        WopReviewTask.objects.all()
    )
    assert workflow.tasks.get().name == "Controle door coördinator"


# Submitting -------------------------------------------------------------------


def test_volunteer_submits_and_only_the_coordinator_of_that_wop_is_asked(
    street,
    volunteer,
    wop_coordinator,
    other_wop_coordinator,
    coordinator,
    superuser,
    as_user,
    mailoutbox,
):
    volunteer.first_name, volunteer.last_name = "Truus", "Jansen"
    volunteer.save()

    _submit(as_user(volunteer), street, intro="Nieuwe tekst over de buurt.")

    assert _live(street).intro == "Oude tekst."
    mail = _review_mails().get()
    assert mail.to == ["coordinator.schollevaar@example.org"]
    assert "Truus Jansen" in mail.body
    assert "‘Rivierenbuurt’ van Schollevaar" in mail.body
    # On the site's public address (the test Site's).
    assert f"http://localhost/beheer/pages/{street.pk}/edit/" in mail.body
    # Nobody else hears of it: not the other WOP, not the superuser, not the
    # city-wide coordinators (this WOP has its own).
    assert [message.to for message in mailoutbox] == [
        ["coordinator.schollevaar@example.org"]
    ]


def test_a_wop_without_its_own_coordinator_goes_to_the_city_wide_ones(
    street, volunteer, coordinator, superuser, as_user
):
    _submit(as_user(volunteer), street, intro="Nieuwe tekst.")

    assert _review_mails().get().to == ["coordinator@example.org"]


def test_a_page_outside_every_wop_goes_to_the_city_wide_coordinators(
    neighbourhood_index, wop_coordinator, coordinator
):
    assert review_recipients(page=neighbourhood_index) == ["coordinator@example.org"]


def test_volunteer_cannot_edit_the_page_while_it_is_in_review(
    street, volunteer, wop_coordinator, as_user
):
    client = as_user(volunteer)
    _submit(client, street, intro="Ingediend.")

    _edit(client, street, "action-save", intro="Stiekem nog iets anders.")

    assert Page.objects.get(pk=street.pk).get_latest_revision().as_object().intro == (
        "Ingediend."
    )


def test_coordinator_finds_the_page_under_awaiting_your_review(
    street, volunteer, wop_coordinator, other_wop_coordinator, as_user
):
    _submit(as_user(volunteer), street, title="Rivierenbuurt en Maaskade")

    own = as_user(wop_coordinator).get(reverse("wagtailadmin_home"))
    other = as_user(other_wop_coordinator).get(reverse("wagtailadmin_home"))

    assert "Rivierenbuurt en Maaskade" in own.content.decode()
    assert "Goedkeuren" in own.content.decode()
    assert "Rivierenbuurt en Maaskade" not in other.content.decode()


# Approving and asking for changes ---------------------------------------------


def test_approval_publishes_the_change_and_tells_the_volunteer(
    street, volunteer, wop_coordinator, as_user
):
    task_state = _submit(as_user(volunteer), street, intro="Nieuwe tekst.")

    response = _act(as_user(wop_coordinator), task_state, "approve", "Mooi gedaan!")

    assert response.status_code == 200
    assert _live(street).intro == "Nieuwe tekst."
    assert _live(street).live
    mail = OutboxEmail.objects.get(subject="Goedgekeurd: Rivierenbuurt")
    assert mail.to == ["vrijwilliger@example.org"]
    assert "Mooi gedaan!" in mail.body
    assert "staat nu op de website" in mail.body


def test_asking_for_changes_keeps_the_page_as_it_was_and_shows_the_comment(
    street, volunteer, wop_coordinator, as_user
):
    client = as_user(volunteer)
    task_state = _submit(client, street, intro="Te korte tekst.")

    _act(
        as_user(wop_coordinator),
        task_state,
        "reject",
        "Noemt u ook de koffieochtend op dinsdag?",
    )

    assert _live(street).intro == "Oude tekst."
    mail = OutboxEmail.objects.get(subject="Wijzigingen gevraagd: Rivierenbuurt")
    assert mail.to == ["vrijwilliger@example.org"]
    assert "Noemt u ook de koffieochtend op dinsdag?" in mail.body
    assert f"/beheer/pages/{street.pk}/edit/" in mail.body
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Uw pagina’s ter controle" in dashboard
    assert "Wijzigingen gevraagd" in dashboard
    assert "Noemt u ook de koffieochtend op dinsdag?" in dashboard


def test_the_volunteer_sees_their_page_waiting_for_review(
    street, volunteer, wop_coordinator, as_user
):
    client = as_user(volunteer)
    _submit(client, street, intro="Nieuwe tekst.")

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Uw pagina’s ter controle" in dashboard
    assert "Wacht op controle door een coördinator" in dashboard


def test_wagtails_own_mail_to_the_volunteer_is_not_sent_as_well(
    street, volunteer, wop_coordinator, as_user, mailoutbox
):
    task_state = _submit(as_user(volunteer), street, intro="Nieuwe tekst.")
    mailoutbox.clear()

    _act(as_user(wop_coordinator), task_state, "approve")

    assert [message.subject for message in mailoutbox] == ["Goedgekeurd: Rivierenbuurt"]


# Publishing directly ----------------------------------------------------------


def test_trusted_volunteer_publishes_directly(street, wop, wop_coordinator, as_user):
    publisher = factories.make_publisher(wop, email="publiceert@example.org")

    response = _edit(as_user(publisher), street, "action-publish", intro="Meteen.")

    assert response.status_code == 302
    assert _live(street).intro == "Meteen."
    assert not WorkflowState.objects.exists()
    assert not _review_mails().exists()


def test_plain_volunteer_cannot_publish_directly(street, volunteer, as_user):
    _edit(as_user(volunteer), street, "action-publish", intro="Meteen.")

    assert _live(street).intro == "Oude tekst."
    assert _live(street).has_unpublished_changes


def test_publisher_of_another_wop_cannot_publish_here(
    street, other_wop, wop, volunteer, as_user
):
    publisher = factories.make_publisher(other_wop, email="elders@example.org")
    publisher.groups.add(*volunteer.groups.all())

    _edit(as_user(publisher), street, "action-publish", intro="Meteen.")

    assert _live(street).intro == "Oude tekst."


# Scheduled publishing ---------------------------------------------------------


def test_approved_page_with_a_future_date_goes_live_only_when_its_time_comes(
    wop, volunteer, wop_coordinator, as_user, monkeypatch
):
    draft = factories.make_street(wop=wop, title="Nieuwe straat", live=False)
    go_live_at = timezone.localtime() + timedelta(days=3)
    task_state = _submit(
        as_user(volunteer),
        draft,
        intro="Vanaf volgende week.",
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"),
    )

    _act(as_user(wop_coordinator), task_state, "approve")

    assert not _live(draft).live
    mail = OutboxEmail.objects.get(subject="Goedgekeurd: Nieuwe straat")
    assert "komt op" in mail.body

    call_command("publish_scheduled")
    assert not _live(draft).live

    later = timezone.now() + timedelta(days=4)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")

    assert _live(draft).live
    assert _live(draft).intro == "Vanaf volgende week."


# Bad input --------------------------------------------------------------------


def test_page_moved_to_another_wop_is_reviewed_there(
    street,
    other_wop,
    volunteer,
    wop_coordinator,
    other_wop_coordinator,
    as_user,
):
    task_state = _submit(as_user(volunteer), street, intro="Nieuwe tekst.")

    Page.objects.get(pk=street.pk).move(other_wop, pos="last-child")

    moved_mail = _review_mails().filter(to=["coordinator.oostgaarde@example.org"])
    assert "verplaatst naar Oostgaarde" in moved_mail.get().body

    refused = _act(as_user(wop_coordinator), task_state, "approve")
    assert _live(street).intro == "Oude tekst."
    assert refused.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert "geen toegang" in _messages(refused)

    _act(as_user(other_wop_coordinator), task_state, "approve")
    assert _live(street).intro == "Nieuwe tekst."


def test_approving_what_was_already_approved_says_so(
    street, volunteer, wop_coordinator, as_user
):
    task_state = _submit(as_user(volunteer), street, intro="Nieuwe tekst.")
    coordinator_client = as_user(wop_coordinator)
    _act(coordinator_client, task_state, "approve")

    again = _act(coordinator_client, task_state, "approve")

    assert "wacht momenteel niet op goedkeuring" in _messages(again)
    assert OutboxEmail.objects.filter(subject__startswith="Goedgekeurd").count() == 1


def test_acting_on_an_earlier_round_of_review_changes_nothing(
    street, volunteer, wop_coordinator, as_user
):
    volunteer_client = as_user(volunteer)
    coordinator_client = as_user(wop_coordinator)
    first = _submit(volunteer_client, street, intro="Eerste poging.")
    _act(coordinator_client, first, "reject", "Nog wat langer graag.")
    _submit(volunteer_client, street, intro="Tweede poging, langer.")

    response = _act(coordinator_client, first, "approve")

    assert "Deze controle is al afgerond" in _messages(response)
    assert _live(street).intro == "Oude tekst."


def test_a_review_of_another_wop_cannot_be_approved_through_ones_own_page(
    street, other_wop, volunteer, other_volunteer, wop_coordinator, as_user
):
    own = _submit(as_user(volunteer), street, intro="Eigen wijk.")
    elsewhere = factories.make_street(wop=other_wop, title="Kreekbuurt", intro="Oud.")
    theirs = _submit(as_user(other_volunteer), elsewhere, intro="Andere wijk.")
    # The page in the URL is one this coordinator reviews; the review is not.
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[own.workflow_state.object_id, "approve", theirs.pk],
    )

    response = as_user(wop_coordinator).post(url, {"comment": ""}, follow=True)

    assert "waarvoor u geen coördinator bent" in _messages(response)
    assert StreetPage.objects.get(pk=elsewhere.pk).intro == "Oud."
