import pytest

from tests import factories


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def neighbourhood_index(db):
    return factories.make_neighbourhood_index()


@pytest.fixture
def wop(neighbourhood_index):
    return factories.make_wop(title="Schollevaar", areas=["2906", "2907"])


@pytest.fixture
def other_wop(neighbourhood_index):
    return factories.make_wop(title="Oostgaarde", areas=[("2903 AA", "2903 MZ")])


@pytest.fixture
def volunteer(wop):
    return factories.make_volunteer(wop, email="vrijwilliger@example.org")


@pytest.fixture
def coordinator(neighbourhood_index):
    return factories.make_coordinator(email="coordinator@example.org")
