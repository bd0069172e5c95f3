"""ASGI entry point, for servers that speak ASGI."""

import os
import sys
from pathlib import Path

# The Django apps live at the repository root, next to site/.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verbuurzamen.settings.production")

from django.core.asgi import get_asgi_application  # noqa: E402

application = get_asgi_application()
