"""The volunteer's dashboard, the Wagtail admin home: its panels
(``panels``), the hooks through which every app adds to them (``hooks``),
and what this app's own rooms add (``contributions``)."""
