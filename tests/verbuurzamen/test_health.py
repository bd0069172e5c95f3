"""/health/ for load balancers and /health/live/ for "is the process up"."""

from unittest import mock

from django.db.utils import OperationalError


def test_health_says_ok_when_database_and_cache_answer(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_without_the_database_the_app_server_leaves_the_rotation(client, db):
    with mock.patch(
        "verbuurzamen.health.connection.cursor",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "failing"


def test_without_the_cache_the_app_server_stays_in_the_rotation(client, db):
    with mock.patch(
        "verbuurzamen.health.cache.set", side_effect=ConnectionError("no redis")
    ):
        response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "failing"


def test_live_touches_neither_database_nor_cache(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
