"""bench/report.py: wrk's output read right, and the table built from it."""

import json

import pytest

from bench.report import parse_wrk, ratio_text, report

# Real wrk 4 output (Debian's package), captured on loopback.
BARE = """\
Running 3s test @ http://127.0.0.1:38737/health/live/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.44ms    3.69ms  24.64ms   85.49%
    Req/Sec   568.05    224.87     1.07k    67.50%
  Latency Distribution
     50%  812.00us
     75%    6.97ms
     90%    9.86ms
     99%   19.54ms
  2265 requests in 2.00s, 1.12MB read
Requests/sec:   1130.55
Transfer/sec:    574.11KB
"""
NOT_FOUND = """\
Running 2s test @ http://127.0.0.1:18765/nonexistent
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.44ms    3.69ms  24.64ms   85.49%
    Req/Sec   568.05    224.87     1.07k    67.50%
  Latency Distribution
     50%    4.22ms
     75%    6.97ms
     90%    9.86ms
     99%   19.54ms
  2265 requests in 2.00s, 1.12MB read
  Non-2xx or 3xx responses: 2265
Requests/sec:   1130.55
Transfer/sec:    574.11KB
"""
SLOW = """\
Running 3s test @ http://127.0.0.1:38737/agenda/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.15s   320.99ms   1.76s    66.67%
    Req/Sec     6.07      5.40    19.00     85.71%
  Latency Distribution
     50%    1.10s
     75%    1.39s
     90%    1.73s
     99%    1.76s
  17 requests in 3.10s, 503.62KB read
  Socket errors: connect 0, read 0, write 0, timeout 2
Requests/sec:      5.48
Transfer/sec:    162.46KB
"""
NOTHING_ANSWERED = """\
Running 3s test @ http://127.0.0.1:37631/beheer/activiteiten/aanmeldingen/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     0.00      0.00     0.00      -nan%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  0 requests in 3.03s, 0.00B read
Requests/sec:      0.00
Transfer/sec:       0.00B
"""


def test_reads_rate_and_percentiles_in_milliseconds_whatever_the_unit():
    result = parse_wrk(BARE)
    assert result.requests == 2265
    assert result.requests_per_second == 1130.55
    assert result.p50_ms == pytest.approx(0.812)
    assert result.p99_ms == pytest.approx(19.54)
    assert result.non_2xx_3xx == 0
    assert result.socket_errors == 0

    slow = parse_wrk(SLOW)
    assert slow.p50_ms == pytest.approx(1100)
    assert slow.p99_ms == pytest.approx(1760)


def test_counts_failed_responses_and_timeouts():
    assert parse_wrk(NOT_FOUND).non_2xx_3xx == 2265
    assert parse_wrk(SLOW).socket_errors == 2


def test_a_run_where_nothing_answered_reads_as_zero_requests():
    result = parse_wrk(NOTHING_ANSWERED)
    assert result.requests == 0
    assert result.requests_per_second == 0


def test_output_without_figures_is_refused():
    with pytest.raises(ValueError, match="no wrk figures"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_ratio_says_how_many_times_slower_than_the_bare_view():
    assert ratio_text(page_rps=100, bare_rps=730) == "1/7.3"
    assert ratio_text(page_rps=0, bare_rps=730) == "—"


@pytest.fixture
def run_dir(tmp_path):
    (tmp_path / "discover.json").write_text(
        json.dumps({"wop": "Bloemenbuurt", "urls": {}, "cookies": {}})
    )
    (tmp_path / "machine.json").write_text(
        json.dumps(
            {
                "cpu": "Test CPU",
                "cores": 2,
                "ram": "4.0 GB",
                "python": "3.11.7",
                "os": "Linux",
                "date": "2025-01-01 12:00 CET",
                "database": "PostgreSQL 15.4",
                "cache": "Redis 7.0.15",
                "data_set": "scale data set",
                "wrk_args": "-t2 -c8 -d10s",
                "workers": 2,
                "load": 0.5,
            }
        )
    )
    for mode, page_output in (("off", SLOW), ("on", NOT_FOUND)):
        (tmp_path / mode).mkdir()
        (tmp_path / mode / "bare.wrk").write_text(BARE)
        (tmp_path / mode / "city_calendar.wrk").write_text(page_output)
        (tmp_path / mode / "city_calendar.status").write_text("200 0.5")
        (tmp_path / mode / "queries.json").write_text(
            json.dumps({"bare": {"queries": 0}, "city_calendar": {"queries": 19}})
        )
        (tmp_path / mode / "rss.txt").write_text("101 120000\n102 300000\n")
    return tmp_path


def test_report_has_both_modes_with_ratios_to_the_bare_view_of_the_same_mode(run_dir):
    text = report(run_dir)
    assert (
        "| city-wide calendar | cache off | 5 | 1100.0 | 1760.0 | 19 | 1/206.3 "
        "| 0 (+2 socket errors/timeouts) |"
    ) in text
    cache_on = "| cache on | 1,131 | 4.2 | 19.5 | 19 | 1/1.0 | 2265 |"
    assert f"| city-wide calendar {cache_on}" in text
    assert "- cache off: 117 MB, 293 MB" in text
    assert "database PostgreSQL 15.4" in text


def test_report_lists_the_targets_of_issue_9_that_were_missed(run_dir):
    text = report(run_dir)
    missed = text.split("Targets of issue 9 missed in this run:")[1]
    assert "city-wide calendar (cache off): 1/206.3, target 1/15" in missed
    assert "city-wide calendar (cache off): p99 1760 ms > 250" in missed
    assert "city-wide calendar (cache off): 19 queries > 15" in missed
    assert "peak RSS 293 MB (cache off) > 250 MB" in missed
    assert "city-wide calendar (cache on): 1/" not in missed


def test_report_warns_about_failed_responses(run_dir):
    warnings = report(run_dir).split("Warnings:")[1]
    assert "city_calendar (on): 2265 of 2265 responses failed" in warnings
    assert "city_calendar (off): 2 socket errors/timeouts" in warnings
