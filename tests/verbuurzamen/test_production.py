"""Production is configured by the environment: PostgreSQL, Redis, sessions,
mail, media on a volume or S3-compatible storage, TLS headers; and image
uploads are limited in every environment."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

BASE_DIR = Path(__file__).resolve().parents[2]
HOST = "verbuurzamen.example.nl"
REALISTIC = {
    "SECRET_KEY": "v3rbuurzamen-test-7Qx!kP2zR9mW4tL8nB6cY1dF5gH0jS3aE-long-enough",
    "ALLOWED_HOSTS": f"{HOST},www.{HOST}",
    "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
    "DATABASE_URL": "postgres://verbuurzamen:geheim@db.internal:5432/verbuurzamen",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
    "EMAIL_HOST": "smtp.internal",
    "EMAIL_PORT": "587",
    "EMAIL_HOST_USER": "verbuurzamen",
    "EMAIL_HOST_PASSWORD": "mail-geheim",
    "DEFAULT_FROM_EMAIL": f"Verbuurzamen <noreply@{HOST}>",
    "MEDIA_ROOT": "/srv/verbuurzamen/media",
}
# Variables of this machine or of the test run that must not leak in.
CLEARED = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "REDIS_PAGE_CACHE_URL",
    "PAGE_CACHE",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_QUERYSTRING_AUTH",
}


def run_production(code: str, **env) -> subprocess.CompletedProcess:
    """Run ``code`` after django.setup() under the production settings, in a
    process of its own (settings are read once per process)."""
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(DJANGO_SETTINGS_MODULE="verbuurzamen.settings.production")
    environment.update(env)
    script = (
        "import sys\n"
        f"sys.path[:0] = [{str(BASE_DIR)!r}, {str(BASE_DIR / 'site')!r}]\n"
        "import django\n"
        "django.setup()\n" + code
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_json(code: str, **env) -> dict:
    result = run_production(code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_deploy_check_passes_with_a_realistic_environment():
    result = run_production(
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')\n",
        **REALISTIC,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


def test_database_cache_sessions_mail_and_tasks_come_from_the_environment():
    found = production_json(
        "import json\n"
        "from django.conf import settings as s\n"
        "from django.core.cache.backends.redis import RedisCache\n"
        "from django.utils.module_loading import import_string\n"
        "db = s.DATABASES['default']\n"
        "print(json.dumps({\n"
        "  'db': [db['ENGINE'], db['HOST'], db['NAME'], db['CONN_MAX_AGE'],\n"
        "         db['CONN_HEALTH_CHECKS']],\n"
        "  'cache': [issubclass(import_string(s.CACHES['default']['BACKEND']),\n"
        "                       RedisCache),\n"
        "            s.CACHES['default']['LOCATION'],\n"
        "            s.CACHES['pages']['LOCATION']],\n"
        "  'sessions': s.SESSION_ENGINE,\n"
        "  'mail': [s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS,\n"
        "           s.EMAIL_TIMEOUT],\n"
        "  'tasks': s.TASKS['default']['BACKEND'],\n"
        "  'static': s.STORAGES['staticfiles']['BACKEND'],\n"
        "  'media': [s.STORAGES['default']['BACKEND'], str(s.MEDIA_ROOT)],\n"
        "}))\n",
        **REALISTIC,
    )

    assert found["db"] == [
        "django.db.backends.postgresql",
        "db.internal",
        "verbuurzamen",
        60,
        True,
    ]
    assert found["cache"] == [
        True,
        "redis://cache.internal:6379/0",
        "redis://cache.internal:6379/1",
    ]
    assert found["sessions"] == "django.contrib.sessions.backends.cached_db"
    # A mail server that hangs holds a worker for at most ten seconds.
    assert found["mail"] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.internal",
        587,
        True,
        10,
    ]
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert found["static"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert found["media"] == [
        "django.core.files.storage.FileSystemStorage",
        "/srv/verbuurzamen/media",
    ]


MEDIA_PROBE = (
    "import json\n"
    "from django.conf import settings\n"
    "from django.core.files.storage import storages\n"
    "media = storages['default']\n"
    "print(json.dumps({\n"
    "  'storage': type(media).__module__ + '.' + type(media).__name__,\n"
    "  'bucket': getattr(media, 'bucket_name', None),\n"
    "  'url': media.url('original_images/zwaaitegel.jpg'),\n"
    "  'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],\n"
    "}))\n"
)


def test_media_stay_on_the_local_volume_without_a_bucket():
    found = production_json(MEDIA_PROBE, **REALISTIC)

    assert found["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["url"] == "/media/original_images/zwaaitegel.jpg"
    assert found["img_src"] == ["'self'", "data:"]


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_named():
    found = production_json(
        MEDIA_PROBE,
        **REALISTIC,
        AWS_STORAGE_BUCKET_NAME="verbuurzamen-media",
        AWS_S3_ENDPOINT_URL="https://s3.provider.example:9000",
        AWS_S3_REGION_NAME="nl-ams",
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )

    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["bucket"] == "verbuurzamen-media"
    # A private bucket: links are signed and expire.
    assert found["url"].startswith(
        "https://s3.provider.example:9000/verbuurzamen-media/original_images/"
        "zwaaitegel.jpg?"
    )
    assert "Signature" in found["url"]
    # Pages may show images from there.
    assert found["img_src"] == ["'self'", "data:", "https://s3.provider.example:9000"]


HEADERS_PROBE = (
    "import json\n"
    "from django.test import Client\n"
    f"client = Client(SERVER_NAME={HOST!r})\n"
    "plain = client.get('/health/live/')\n"
    "tls = client.get('/health/live/', HTTP_X_FORWARDED_PROTO='https')\n"
    "admin = client.get('/beheer/', HTTP_X_FORWARDED_PROTO='https')\n"
    "print(json.dumps({\n"
    "  'plain': [plain.status_code, plain.get('Location')],\n"
    "  'tls': [tls.status_code, dict(tls.headers)],\n"
    "  'admin': [admin.status_code, admin.get('Location'),\n"
    "            admin.get('Content-Security-Policy')],\n"
    "}))\n"
)


def test_production_answers_only_over_tls_with_security_headers():
    env = {k: v for k, v in REALISTIC.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    found = production_json(HEADERS_PROBE, **env)

    assert found["plain"] == [301, f"https://{HOST}/health/live/"]
    status, headers = found["tls"]
    assert status == 200
    assert headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "upgrade-insecure-requests" in policy
    assert "'unsafe-inline'" not in policy

    status, location, admin_policy = found["admin"]
    assert (status, location) == (302, "/account/login/?next=/beheer/")
    assert "script-src 'self' 'unsafe-inline'" in admin_policy
    assert "upgrade-insecure-requests" in admin_policy


# Uploads (every environment) ---------------------------------------------------


def _upload(admin_client, name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return admin_client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content)},
    )


def test_svg_images_are_refused(admin_client):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert(1)</script></svg>"
    )

    response = _upload(admin_client, "tegel.svg", svg)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_images_with_too_many_pixels_are_refused(admin_client, settings):
    # 8000 × 6000 = 48 million pixels, over the limit of 40 million, in a
    # file of a few kilobytes.
    buffer = io.BytesIO()
    PILImage.new("1", (8000, 6000)).save(buffer, format="PNG")
    assert buffer.tell() < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    response = _upload(admin_client, "groot.png", buffer.getvalue())

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("extension", ["png", "jpg"])
def test_ordinary_photos_are_accepted(admin_client, extension):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), "orange").save(
        buffer, format="PNG" if extension == "png" else "JPEG"
    )

    response = _upload(admin_client, f"foto.{extension}", buffer.getvalue())

    assert response.status_code == 302
    assert get_image_model().objects.count() == 1
