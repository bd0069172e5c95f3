"""Privacy (AVG/GDPR): finding everything stored about one person, exporting
and erasing it, the log of who did so, and the retention rule."""
