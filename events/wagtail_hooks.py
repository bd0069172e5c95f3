"""Registration of the activities' admin: RSVPs, attendee lists, dashboard."""

from wagtail import hooks

from events.admin_views import EventViewSetGroup, RSVPsThisWeekPanel


@hooks.register("register_admin_viewset")
def register_event_viewsets():
    return EventViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_rsvps_this_week_panel(request, panels):
    panels.append(RSVPsThisWeekPanel())


# Upcoming activities on the WOP page (added by the calendar work) ----------


@hooks.register("neighbourhood_page_sections")
def add_upcoming_activities_section(request, page):
    from events.calendar import upcoming_section

    return upcoming_section(request, wop=page)
