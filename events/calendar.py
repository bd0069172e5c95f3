"""The public calendar of a WOP (or of the whole city), and the short list of
what is coming up that WOP pages show."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property

from events.forms_calendar import CalendarFilterForm
from events.models import EventIndexPage
from events.selectors import event_occurrences_upcoming, occurrences_upcoming
from neighbourhood.models import NeighbourhoodPage
from neighbourhood.models.pages import live_children_of_type, public_only

PER_PAGE = 20
# Dates counted for "N activiteiten in de agenda" before it says "more than":
# counting all of a city's upcoming dates reads every one of them (0.1 s on
# PostgreSQL, 1 s on SQLite with 40,000 dates), for a number nobody needs.
COUNT_UP_TO = 1000
# How many dates the WOP page lists before pointing to the calendar.
SECTION_LIMIT = 8
# No calendar has this many pages; a larger ?page= shows the last one.
MAX_PAGE_WANTED = 100_000


class UpcomingPaginator(Paginator):
    """Counts no further than ``COUNT_UP_TO`` dates, or than the page after
    the one ``wanted``: the page numbers and "later" link stay right, the
    count of a long calendar becomes "more than"."""

    def __init__(self, object_list, per_page, *, wanted=None):
        super().__init__(object_list, per_page)
        try:
            # Capped: ?page=111…1 must not become a LIMIT the database refuses.
            wanted = min(max(int(wanted), 1), MAX_PAGE_WANTED)
        except (TypeError, ValueError):
            wanted = 1
        self.count_limit = max(COUNT_UP_TO, (wanted + 1) * per_page)

    @cached_property
    def count(self) -> int:
        return self.object_list.values("pk")[: self.count_limit + 1].count()

    @property
    def is_capped(self) -> bool:
        """Whether there are more dates than counted."""
        return self.count > self.count_limit


def calendar(request, *, page: EventIndexPage):
    """Upcoming dates, filtered by a GET form, a page of ``PER_PAGE`` at a time.

    The queries do not grow with the number of dates: the selector joins the
    activity and the WOP, one prefetch fetches the audiences of the whole
    page, and the activities' URLs come from Wagtail's cached site roots.
    """
    wop = page.wop
    wops = None
    if wop is None:
        wops = public_only(NeighbourhoodPage.objects.live()).order_by("title")
    form = CalendarFilterForm(request.GET, wops=wops)
    occurrences = occurrences_upcoming(wop=wop, **form.filters()).prefetch_related(
        "event__audiences"
    )
    paginator = UpcomingPaginator(occurrences, PER_PAGE, wanted=request.GET.get("page"))
    page_obj = paginator.get_page(request.GET.get("page"))
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
    # From the WOP page's own list of children: no query of its own.
    calendar_page = next(iter(live_children_of_type(wop, EventIndexPage)), None)
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
