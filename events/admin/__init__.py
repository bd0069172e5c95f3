"""The activities' admin: the RSVPs (``rsvps``), the attendee lists and the
attendance (``attendance``), their forms, the viewsets that put them in the
menu (``viewsets``), and the activities' part of the dashboard
(``dashboard``)."""
