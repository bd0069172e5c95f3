#!/usr/bin/env python
"""Django's command-line utility for Verbuurzamen."""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

if __name__ == "__main__":
    # The project package lives in site/, a folder that cannot be a package
    # itself because `site` is a standard-library module.
    sys.path.insert(0, str(BASE_DIR / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verbuurzamen.settings.dev")

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
