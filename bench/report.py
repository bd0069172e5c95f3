"""The benchmark's table: wrk's output, the query counts and the workers'
peak memory of both page-cache modes, as one markdown table (``bench/run``
prints it and writes ``bench/results.md``).

    python bench/report.py RUN_DIR OUT.md

RUN_DIR holds ``discover.json`` (from bench/urls.py), ``machine.json`` and,
per mode (``off``, ``on``), ``<page>.wrk`` (wrk's output), ``<page>.status``
(the HTTP status of the warm-up), ``queries.json`` and ``rss.txt`` (one
"pid kB" line per gunicorn worker).

Standard library only: it runs without Django.
"""

import json
import os
import platform
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.urls import PAGES  # noqa: E402

MODES = (("off", "cache off"), ("on", "cache on"))
# Issue 9's targets: the ratio to the bare view's req/s a page must reach.
PUBLIC_RATIO_CACHE_ON = 2
HOME_RATIO_CACHE_OFF = 25
PUBLIC_RATIO_CACHE_OFF = 15
PUBLIC_P99_MS = 250
ADMIN_P99_MS = 300
MAX_QUERIES = 15
MAX_RSS_MB = 250

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass(frozen=True)
class WrkResult:
    requests: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx_3xx: int
    socket_errors: int


def _duration_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * _UNITS_MS[match[2]]


def parse_wrk(output: str) -> WrkResult:
    """The figures of one ``wrk --latency`` run. Raises ``ValueError`` when
    the output has none (wrk failed to connect, say)."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in ", output, re.M)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    if not (rps and total and p50 and p99):
        raise ValueError("no wrk figures in this output:\n" + output)
    non_ok = re.search(r"^\s*Non-2xx or 3xx responses:\s+(\d+)", output, re.M)
    errors = re.search(
        r"^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
        output,
        re.M,
    )
    return WrkResult(
        requests=int(total[1]),
        requests_per_second=float(rps[1]),
        p50_ms=_duration_ms(p50[1]),
        p99_ms=_duration_ms(p99[1]),
        non_2xx_3xx=int(non_ok[1]) if non_ok else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def ratio_text(*, page_rps: float, bare_rps: float) -> str:
    """``1/7.3``: the page serves 7.3 times fewer requests than the bare view."""
    if page_rps <= 0:
        return "—"
    return f"1/{bare_rps / page_rps:.1f}"


def _read(path: Path) -> str | None:
    return path.read_text() if path.exists() else None


def report(run_dir: Path) -> str:
    """The whole report as markdown: the table, peak RSS, the machine, and
    which of issue 9's targets were missed."""
    found = json.loads((run_dir / "discover.json").read_text())
    machine = json.loads((run_dir / "machine.json").read_text())
    lines = [
        f"# Benchmark, {machine['date']}",
        "",
        f"{machine['data_set']}; pages of WOP {found['wop']!r}. "
        f"wrk {machine['wrk_args']}, after a warm-up, per page; gunicorn with "
        f"{machine['workers']} sync workers, production settings. Queries per "
        "request are counted in-process (Django test client and "
        "CaptureQueriesContext, same settings and database); with the cache "
        "on, of the second request (a hit). Ratio: the page's req/s to the "
        "bare view's in the same mode of this run.",
        "",
        "| page | mode | req/s | p50 ms | p99 ms | queries/request | ratio to bare"
        " | non-2xx/3xx |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    results, notes, missed = {}, [], []
    for mode, _label in MODES:
        queries = json.loads(_read(run_dir / mode / "queries.json") or "{}")
        for key, _page in PAGES:
            output = _read(run_dir / mode / f"{key}.wrk")
            if output is None:
                continue
            try:
                wrk = parse_wrk(output)
            except ValueError:
                notes.append(f"{key} ({mode}): wrk gave no figures")
                continue
            results[mode, key] = (wrk, queries.get(key, {}))
            counted_status = str(queries.get(key, {}).get("status", "200"))
            if counted_status != "200":
                notes.append(
                    f"{key} ({mode}): counting its queries got {counted_status}"
                )
            if wrk.non_2xx_3xx:
                notes.append(
                    f"{key} ({mode}): {wrk.non_2xx_3xx} of {wrk.requests} "
                    "responses failed"
                )
            if wrk.socket_errors:
                notes.append(
                    f"{key} ({mode}): {wrk.socket_errors} socket errors/timeouts"
                )
            status = (_read(run_dir / mode / f"{key}.status") or "").split()
            if status and status[0] != "200":
                notes.append(f"{key} ({mode}): the first request answered {status[0]}")
    for key, page in PAGES:
        for mode, label in MODES:
            if (mode, key) not in results:
                continue
            wrk, counted = results[mode, key]
            bare = results.get((mode, "bare"))
            ratio = (
                ratio_text(
                    page_rps=wrk.requests_per_second,
                    bare_rps=bare[0].requests_per_second,
                )
                if bare
                else "—"
            )
            failed = str(wrk.non_2xx_3xx)
            if wrk.socket_errors:
                failed += f" (+{wrk.socket_errors} socket errors/timeouts)"
            p50, p99 = (
                (f"{wrk.p50_ms:.1f}", f"{wrk.p99_ms:.1f}")
                if wrk.requests
                else ("—", "—")
            )
            lines.append(
                f"| {page} | {label} | {wrk.requests_per_second:,.0f} "
                f"| {p50} | {p99} "
                f"| {counted.get('queries', '—')} | {ratio} | {failed} |"
            )
            missed += _targets_missed(
                key=key, page=page, mode=mode, wrk=wrk, counted=counted, bare=bare
            )
    lines += ["", "Peak RSS per gunicorn worker (VmHWM at the end of each mode):", ""]
    for mode, label in MODES:
        rss = [
            int(line.split()[1]) / 1024
            for line in (_read(run_dir / mode / "rss.txt") or "").splitlines()
            if line.strip()
        ]
        if rss:
            figures = ", ".join(f"{mb:.0f} MB" for mb in rss)
            lines.append(f"- {label}: {figures}")
            if max(rss) > MAX_RSS_MB:
                missed.append(f"peak RSS {max(rss):.0f} MB ({label}) > {MAX_RSS_MB} MB")
    lines += [
        "",
        "Machine:",
        "",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores; RAM {machine['ram']}",
        f"- Python {machine['python']}; database {machine['database']}; "
        f"cache {machine['cache']}",
        f"- {machine['os']}; date {machine['date']}",
        f"- load average (1 min) at the start {machine['load']:.1f}, at the end "
        f"{os.getloadavg()[0]:.1f}: other work on the machine lowers every figure",
    ]
    lines += ["", "Targets of issue 9 missed in this run:", ""]
    lines += [f"- {miss}" for miss in missed] or ["- none"]
    if notes:
        lines += ["", "Warnings:", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def _targets_missed(*, key, page, mode, wrk, counted, bare) -> list[str]:
    if key == "bare":
        return []
    missed = []
    if not wrk.requests:
        return [f"{page} (cache {mode}): no request finished within the run"]
    if key.startswith("admin_"):
        if wrk.p99_ms > ADMIN_P99_MS:
            missed.append(
                f"{page} (cache {mode}): p99 {wrk.p99_ms:.0f} ms > {ADMIN_P99_MS}"
            )
        return missed
    if bare and wrk.requests_per_second > 0:
        times = bare[0].requests_per_second / wrk.requests_per_second
        limit = (
            PUBLIC_RATIO_CACHE_ON
            if mode == "on"
            else HOME_RATIO_CACHE_OFF
            if key == "home"
            else PUBLIC_RATIO_CACHE_OFF
        )
        if times > limit:
            missed.append(f"{page} (cache {mode}): 1/{times:.1f}, target 1/{limit}")
    if wrk.p99_ms > PUBLIC_P99_MS:
        missed.append(
            f"{page} (cache {mode}): p99 {wrk.p99_ms:.0f} ms > {PUBLIC_P99_MS}"
        )
    if counted.get("queries", 0) > MAX_QUERIES:
        missed.append(
            f"{page} (cache {mode}): {counted['queries']} queries > {MAX_QUERIES}"
        )
    return missed


def machine_info(*, database: str, cache: str, data_set: str, wrk_args: str) -> dict:
    """What the figures depend on, read from /proc where Linux has it."""
    cpuinfo = _read(Path("/proc/cpuinfo")) or ""
    meminfo = _read(Path("/proc/meminfo")) or ""
    cpu = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    ram = re.search(r"^MemTotal:\s+(\d+) kB", meminfo, re.M)

    return {
        "cpu": cpu[1].strip() if cpu else platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "ram": f"{int(ram[1]) / 1024 / 1024:.1f} GB" if ram else "unknown",
        "python": platform.python_version(),
        "os": platform.platform(),
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "database": database,
        "cache": cache,
        "data_set": data_set,
        "wrk_args": wrk_args,
        "workers": 2,
        "load": os.getloadavg()[0],
    }


def workers_peak_rss(master: int) -> list[tuple[int, int]]:
    """(pid, VmHWM in kB) of each child process of ``master``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name may hold spaces: the fields after ")" are fixed.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != master:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError):
            continue
        hwm = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
        if hwm:
            found.append((int(stat.parent.name), int(hwm[1])))
    return sorted(found)


def main(argv: list[str]) -> int:
    if len(argv) == 7 and argv[1] == "machine":
        _cmd, _machine, out, database, cache, data_set, wrk_args = argv
        info = machine_info(
            database=database, cache=cache, data_set=data_set, wrk_args=wrk_args
        )
        Path(out).write_text(json.dumps(info, indent=2))
        return 0
    if len(argv) == 3 and argv[1] == "rss":
        for pid, kb in workers_peak_rss(int(argv[2])):
            print(pid, kb)
        return 0
    if len(argv) == 3:
        text = report(Path(argv[1]))
        Path(argv[2]).write_text(text)
        print(text)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
