"""WSGI entry point: `gunicorn --pythonpath site verbuurzamen.wsgi`."""

import os
import sys
from pathlib import Path

# The Django apps live at the repository root, next to site/.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verbuurzamen.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
