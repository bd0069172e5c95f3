"""The private services under the reliability stack: a PostgreSQL cluster
and a redis-server of its own, on free ports, that a test may stop and
start; and what this machine must have to run them."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin_dir() -> Path | None:
    """The newest PostgreSQL server binaries (Debian keeps them out of PATH)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing_binaries() -> list[str]:
    """What the stack needs and this machine lacks. (nginx is installed by
    bin/production when missing and run as root.)"""
    missing = []
    if postgres_bin_dir() is None:
        missing.append("PostgreSQL server (initdb, pg_ctl)")
    for name in ("redis-server", "pg_dump", "pg_restore", "curl"):
        if shutil.which(name) is None:
            missing.append(name)
    if shutil.which("nginx") is None and not os.path.exists("/usr/sbin/nginx"):
        if os.geteuid() != 0 or shutil.which("apt-get") is None:
            missing.append("nginx")
    return missing


def wait_for(check, *, timeout: float, what: str) -> float:
    """Poll ``check`` until it is true; seconds it took. TimeoutError after
    ``timeout``."""
    start = time.monotonic()
    while True:
        try:
            if check():
                return time.monotonic() - start
        except OSError:
            pass
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"{what} not within {timeout:.0f} s")
        time.sleep(0.2)


class PrivatePostgres:
    """A PostgreSQL cluster of our own. As root, the server runs as the
    ``postgres`` user, as PostgreSQL insists."""

    def __init__(self, directory: Path):
        self.bin = postgres_bin_dir()
        self.directory = directory
        self.data = directory / "data"
        self.log = directory / "postgres.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *args: str, timeout: float = 60) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(
            command,
            check=True,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def init(self) -> None:
        self.directory.mkdir(mode=0o700)
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-k {self.directory} -c max_connections=200 "
            # Throw-away data: no waiting for the disk (a stopped or killed
            # server still keeps every commit; only the OS crashing would not).
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
            "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self, *, mode: str = "immediate") -> None:
        """Stop the server; "immediate" is a crash as far as clients see."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def answers(self) -> bool:
        import psycopg

        try:
            psycopg.connect(self.url + "/postgres", connect_timeout=2).close()
            return True
        except psycopg.OperationalError:
            return False


class PrivateRedis:
    """A redis-server of our own, without persistence (like the cache)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.directory.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            [
                "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.directory),
                "--logfile", str(self.directory / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(self.answers, timeout=20, what="redis-server")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def answers(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
