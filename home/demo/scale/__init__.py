"""A big, realistic data set for performance work (``manage.py seed_scale``).

Thousands of pages made one ``add_child`` at a time take hours: each is a
handful of queries plus signals. Here the WOPs are made the ordinary way, so
their groups, permissions and collections come from the same signal as on the
site; everything below them (streets, calendars, action pages, activities) is
inserted in bulk with treebeard paths computed here (``pages_bulk_add``). The
activities' dates come from the events app's own recurrence function, and the
submissions are bulk-inserted: nobody is mailed, nothing is logged.

The content is drawn from ``random.Random(seed)``: the same seed gives the
same data set, counted from today. Private tokens stay random (they are keys).
"""
