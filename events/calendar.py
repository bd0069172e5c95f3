"""The public calendar of a WOP (or of the whole city), and the short list of
what is coming up that WOP pages show."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from events.forms_calendar import CalendarFilterForm
from events.models import EventIndexPage
from events.selectors import event_occurrences_upcoming, occurrences_upcoming
from neighbourhood.models import NeighbourhoodPage

PER_PAGE = 20
# How many dates the WOP page lists before pointing to the calendar.
SECTION_LIMIT = 8


def calendar(request, *, page: EventIndexPage):
    """Upcoming dates, filtered by a GET form, a page of ``PER_PAGE`` at a time.

    The queries do not grow with the number of dates: the selector joins the
    activity and the WOP, one prefetch fetches the audiences of the whole
    page, and the activities' URLs come from Wagtail's cached site roots.
    """
    wop = page.wop
    wops = None
    if wop is None:
        wops = NeighbourhoodPage.objects.live().public().order_by("title")
    form = CalendarFilterForm(request.GET, wops=wops)
    occurrences = occurrences_upcoming(wop=wop, **form.filters()).prefetch_related(
        "event__audiences"
    )
    page_obj = Paginator(occurrences, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page.render(
        request,
        context_overrides={
            "wop": wop,
            "show_wop": wop is None,
            "form": form,
            "page_obj": page_obj,
            "occurrences": page_obj.object_list,
            "query": query.urlencode(),
        },
    )


def upcoming_section(request, *, wop: NeighbourhoodPage) -> str | None:
    """ "Binnenkort in <WOP>": the WOP's dates in the coming four weeks, as
    HTML for the WOP page; None when nothing is planned."""
    occurrences = event_occurrences_upcoming(wop=wop)
    if not occurrences:
        return None
    calendar_page = EventIndexPage.objects.child_of(wop).live().public().first()
    return render_to_string(
        "events/includes/upcoming_section.html",
        {
            "wop": wop,
            "occurrences": occurrences[:SECTION_LIMIT],
            "more": len(occurrences) > SECTION_LIMIT,
            "calendar_page": calendar_page,
        },
        request=request,
    )


def cache_publicly(response, *, page, max_age: int):
    """Let shared caches keep ``response`` (posters and feeds hold no personal
    data), unless ``page`` is behind a Wagtail view restriction."""
    if page.get_view_restrictions().exists():
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, public=True, max_age=max_age)
    return response
