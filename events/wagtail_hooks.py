"""Registration of the activities' admin: RSVPs, attendee lists, dashboard."""

from wagtail import hooks

from events.admin import dashboard
from events.admin.viewsets import EventViewSetGroup
from events.calendar import upcoming_section


@hooks.register("register_admin_viewset")
def register_event_viewsets():
    return EventViewSetGroup()


# Upcoming activities on the WOP page (added by the calendar work) ----------


@hooks.register("neighbourhood_page_sections")
def add_upcoming_activities_section(request, page):
    return upcoming_section(request, wop=page)


# Dashboard: this week's RSVPs per WOP, signing a resident up (issue 7) ------

hooks.register("construct_homepage_panels", dashboard.homepage_panels)
hooks.register("neighbourhood_dashboard_counts", dashboard.rsvp_counts)
hooks.register("neighbourhood_register_on_behalf", dashboard.rsvp_on_behalf)
