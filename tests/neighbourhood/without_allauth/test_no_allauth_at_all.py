"""The plugin in a host where allauth cannot even be imported (installed
without the ``[allauth]`` extra): every module of it imports, the host's URLs
resolve and Django's checks pass."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class NoAllauth(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "allauth" or name.startswith("allauth."):
                raise ModuleNotFoundError(f"No module named {name!r}")

    sys.meta_path.insert(0, NoAllauth())

    import django
    django.setup()
    from django.core.management import call_command
    from django.urls import reverse

    for package_name in ("neighbourhood", "events", "welcome_pack"):
        package = importlib.import_module(package_name)
        for module in pkgutil.walk_packages(package.__path__, package_name + "."):
            importlib.import_module(module.name)
    reverse("neighbourhood:volunteer_set_password", args=["MQ", "x-y"])
    call_command("check", fail_level="WARNING")
    assert not any(name.startswith("allauth") for name in sys.modules)
    print("ok")
    """
)


def test_the_plugin_imports_and_checks_without_allauth_importable():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
            "DJANGO_SETTINGS_MODULE": "tests.neighbourhood.without_allauth.settings",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
