"""Load and fault tests against the production shape (see stack/).

They run only when asked for, serially, with their figures printed:

    DATABASE_URL=<pg> .venv/bin/python -m pytest -m reliability -p no:xdist \
        -s tests/reliability

Without PostgreSQL's server binaries or redis-server they are skipped (under
CI=true that is an error).
"""

import os
from pathlib import Path

import pytest

from tests.reliability.stack.production import running_stack
from tests.reliability.stack.servers import missing_binaries

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    asked = "reliability" in (config.getoption("markexpr") or "")
    skip = pytest.mark.skip(reason="reliability tests run with -m reliability")
    for item in items:
        if Path(item.fspath).is_relative_to(HERE):
            item.add_marker(pytest.mark.reliability)
            if not asked:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def stack():
    """PostgreSQL, Redis, two app servers, the worker and nginx, with the
    demo content; torn down at the end of the session, also on failure."""
    missing = missing_binaries()
    if missing:
        message = "the reliability stack needs: " + ", ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with running_stack() as running:
        yield running
