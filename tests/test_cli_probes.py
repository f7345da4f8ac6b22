"""``slacalc availability --probes INTERVAL`` (cli/_availability.py): probe samples in,
outages by ``Outage.from_probes``'s rules, gaps reported as unknown, bad rows by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import run

ROOT = Path(__file__).resolve().parent.parent


def probes(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "probes.csv"
    path.write_text("time,up\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return str(path)


def every_5_minutes(down: set[str]) -> list[str]:
    """A probe every 5 minutes through November 2026 (Amsterdam, +01:00 all month)."""
    rows = []
    for day in range(1, 31):
        for minute in range(0, 24 * 60, 5):
            t = f"2026-11-{day:02d}T{minute // 60:02d}:{minute % 60:02d}:00+01:00"
            rows.append(f"{t},{'down' if t in down else 'up'}")
    return rows


def test_a_failed_probe_opens_an_outage_until_the_next_good_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Down at 10:00 and 10:05, up at 10:10: ten minutes of downtime in 720 h of 24x7.
    rows = every_5_minutes({"2026-11-10T10:00:00+01:00", "2026-11-10T10:05:00+01:00"})
    code, out, err = run(capsys, "availability", "connexys/standard", probes(tmp_path, *rows),
                         "--month", "2026-11", "--probes", "5m", "--format", "json")  # fmt: skip
    assert (code, err) == (0, "")
    (uptime, interruptions) = [json.loads(line) for line in out.splitlines()]
    assert uptime["downtime_seconds"] == 600
    assert uptime["measured_seconds"] == 720 * 3600
    assert interruptions["interruptions"] == 1


@pytest.mark.parametrize(
    ("second", "gaps"),
    [("07:30", "probe gaps (unknown, not downtime): 0, 0m"),  # 1.5 intervals: ordinary
     ("07:31", "probe gaps (unknown, not downtime): 1, 2m")],  # [09:05, 09:07:31)
)  # fmt: skip
def test_more_than_one_and_a_half_intervals_without_a_sample_is_unknown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, second: str, gaps: str
) -> None:
    path = probes(tmp_path, "2026-11-10T09:00:00+01:00,up", f"2026-11-10T09:{second}+01:00,up")
    _, out, _ = run(capsys, "availability", "connexys/standard", path, "--month", "2026-11",
                    "--probes", "5m")  # fmt: skip
    assert gaps in out.splitlines()


def test_a_bad_probe_row_is_reported_by_its_line_and_the_rest_measured(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = probes(tmp_path, "2026-11-10T09:00:00+01:00,up", "2026-11-10T09:05:00+01:00,maybe",
                  "2026-11-10T09:10,down")  # fmt: skip
    code, out, _ = run(capsys, "availability", "connexys/standard", path, "--month", "2026-11",
                       "--probes", "5m", "--format", "json")  # fmt: skip
    assert code == 1
    bad = [json.loads(line) for line in out.splitlines() if "error" in line]
    assert [b["line"] for b in bad] == [3, 4]
    assert "up 'maybe' is not up/down or true/false" in bad[0]["error"]
    assert "no UTC offset" in bad[1]["error"]


@pytest.mark.parametrize("interval", ["0m", "5x", "m", "-5m"])
def test_a_bad_interval_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, interval: str
) -> None:
    path = probes(tmp_path, "2026-11-10T09:00:00+01:00,up")
    code, out, err = run(capsys, "availability", "connexys/standard", path, "--month",
                         "2026-11", f"--probes={interval}")  # fmt: skip
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert f"--probes {interval!r} is not an interval: write e.g. 5m" in err


def test_the_shipped_probes_give_the_example_script_s_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # examples/probes.csv holds examples/uptime_from_probes.py's samples: 99.514 %, 3h30m.
    code, out, _ = run(
        capsys,
        "availability",
        "connexys/standard",
        str(ROOT / "examples/probes.csv"),
        "--month",
        "2026-11",
        "--probes",
        "5m",
    )
    assert code == 0
    assert "uptime  99.50%   99.514%  720h      3h30m     3h36m    yes" in out
    assert "probe gaps (unknown, not downtime): 1, 2h" in out


def test_an_interval_too_long_for_python_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = probes(tmp_path, "2026-11-10T09:00:00+01:00,up")
    code, out, err = run(capsys, "availability", "connexys/standard", path, "--month",
                         "2026-11", "--probes", "99999999999999h")  # fmt: skip
    assert (code, out) == (2, "")
    assert err == "slacalc availability: --probes '99999999999999h' is too long an interval: " \
        "write e.g. 5m\n"  # fmt: skip
