"""The backup an operator makes (README, "Backups"): pg_dump in the custom
format, restored with pg_restore into a fresh database, holds every
submission; the media archive holds every uploaded image."""

import subprocess
import tarfile
import time

import psycopg
import pytest

pytestmark = pytest.mark.reliability

SUBMISSIONS = {
    "buddy sign-ups": "neighbourhood_buddysignup",
    "neighbour-action requests": "neighbourhood_actionrequest",
    "RSVPs": "events_eventrsvp",
    "welcome-pack claims": "welcome_pack_welcomepackclaim",
}


def ids(database_url: str, table: str) -> set[int]:
    with psycopg.connect(database_url, connect_timeout=5) as connection:
        return {row[0] for row in connection.execute(f'SELECT id FROM "{table}"')}


def table_counts(database_url: str) -> dict[str, int]:
    with psycopg.connect(database_url, connect_timeout=5) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        return {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in tables
        }


def test_dump_restored_into_a_fresh_database_has_every_submission(stack, tmp_path):
    before = {
        kind: ids(stack.database_url, table) for kind, table in SUBMISSIONS.items()
    }
    counts_before = table_counts(stack.database_url)
    assert all(before.values()), f"the demo has submissions of every kind: {before}"

    dump = tmp_path / "verbuurzamen.dump"
    started = time.monotonic()
    subprocess.run(
        ["pg_dump", "-Fc", "--no-owner", "-f", str(dump), stack.database_url],
        check=True,
        timeout=120,
    )
    dumped = time.monotonic() - started
    with psycopg.connect(
        stack.postgres.url + "/postgres", autocommit=True, connect_timeout=5
    ) as connection:
        connection.execute("DROP DATABASE IF EXISTS restored")
        connection.execute("CREATE DATABASE restored")
    restored_url = stack.postgres.url + "/restored"
    started = time.monotonic()
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "-d", restored_url, str(dump)],
        check=True,
        timeout=180,
    )
    restored = time.monotonic() - started

    after = {kind: ids(restored_url, table) for kind, table in SUBMISSIONS.items()}
    counts_after = table_counts(restored_url)
    print(
        f"\npg_dump {dump.stat().st_size / 1024:.0f} KiB in {dumped:.1f} s, "
        f"pg_restore in {restored:.1f} s; submissions restored: "
        + ", ".join(f"{len(after[kind])}/{len(before[kind])} {kind}" for kind in before)
        + f"; {len(counts_after)} tables, "
        f"{sum(counts_after.values())}/{sum(counts_before.values())} rows"
    )
    assert after == before
    # Every table is there; the live site went on writing (sessions, the
    # worker's task rows) while the dump was made, so only the submissions
    # are compared row by row.
    assert counts_after.keys() == counts_before.keys()


def test_media_archive_holds_every_uploaded_image(stack, tmp_path):
    media_root = stack.run_dir / "media"
    files = {name for (name,) in stack.query('SELECT file FROM "wagtailimages_image"')}
    archive = tmp_path / "media.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(media_root, arcname=".")
    with tarfile.open(archive) as tar:
        archived = {member.name.removeprefix("./") for member in tar.getmembers()}

    print(
        f"\nmedia archive {archive.stat().st_size / 1024:.0f} KiB: "
        f"{len(files & archived)} of {len(files)} original images"
    )
    assert files
    assert files <= archived
