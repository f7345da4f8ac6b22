"""``slacalc availability --at``: the month so far, the budget left and the burn rate.

examples/outages.csv for infravision/cloud (support hours Mon-Fri 08:30-17:30, 99.5 %;
95 % outside), November 2026, as of Friday 20 November 12:00:
- support hours so far: 14 weekdays (2-6, 9-13, 16-19) x 9 h + 08:30-12:00 = 129.5 h; the
  only support-hours downtime is Tuesday 10 November 10:00-11:00 (1 h). The month's 189 h
  allow 3402 s, so 3402 - 3600 = -198 s is left; burn 3600 / (0.005 x 129.5 h = 2331 s).
- outside so far: 19.5 days = 468 h, less 129.5 h, less the 2 h planned on 18 November
  (excluded) = 336.5 h; down Saturday 14 November 02:00-04:00 (2 h). The month measures
  531 - 2 = 529 h, allowing 0.05 x 529 h = 95220 s; 95220 - 7200 = 88020 s left; burn
  7200 / (0.05 x 336.5 h = 60570 s).
- the 26 November outage lies after --at: not yet measured or counted.
"""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from cli_run import run

ROOT = Path(__file__).resolve().parents[1]
OUTAGES = str(ROOT / "examples/outages.csv")
AT = "2026-11-20T12:00+01:00"


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def availability(capsys: pytest.CaptureFixture[str], path: str, *more: str) -> tuple[int, str, str]:
    return run(capsys, "availability", "infravision/cloud", path, "--month", "2026-11", *more)


def test_at_reports_the_month_so_far_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = availability(capsys, OUTAGES, "--at", AT, "--format", "json")
    assert err == ""
    support, outside, interruptions = records(out)
    assert support["measured_seconds"] == 129.5 * 3600
    assert support["downtime_seconds"] == 3600
    assert support["allowed_downtime_seconds"] == 3402
    assert support["downtime_left_seconds"] == -198
    assert support["burn_rate"] == float(Fraction(3600, 2331))
    assert support["met"] is False
    assert outside["measured_seconds"] == 336.5 * 3600
    assert outside["allowed_downtime_seconds"] == 95220
    assert outside["downtime_left_seconds"] == 88020
    assert outside["burn_rate"] == float(Fraction(7200, 60570))
    assert interruptions["interruptions"] == 2
    assert code == 1  # support hours are below 99.5 % so far


def test_at_in_csv_and_the_table_fits_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = availability(capsys, OUTAGES, "--at", AT, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (rows[0]["downtime_left_seconds"], rows[1]["downtime_left_seconds"]) == (
        "-198",
        "88020",
    )
    assert rows[0]["burn_rate"] == str(float(Fraction(3600, 2331)))
    _, out, _ = availability(capsys, OUTAGES, "--at", AT)
    assert "measured up to 2026-11-20T12:00:00+01:00" in out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "support_hours          99.50%   99.228%  129h30m   1h        56m      NO" in lines
    assert "support_hours          56m      -3m     1.54" in lines
    assert "outside_support_hours  26h27m   24h27m  0.12" in lines


def test_without_at_the_whole_month_budget(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = availability(capsys, OUTAGES, "--format", "json")
    support = records(out)[0]
    # 1 h on the 10th + 1 h on the 26th (16:30-17:30) = 2 h of support time: 3402 - 7200.
    assert (support["measured_seconds"], support["downtime_seconds"]) == (189 * 3600, 7200)
    assert support["downtime_left_seconds"] == 3402 - 7200
    assert support["burn_rate"] == float(Fraction(7200, 3402))
    assert code == 1


def test_a_blank_end_is_an_open_outage_with_at_and_a_bad_row_without(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "open.csv"
    path.write_text("start,end,planned,cause\n2026-11-18T16:30:00+01:00,,false,open\n")
    code, out, _ = availability(capsys, str(path), "--format", "json")
    assert code == 1
    bad = records(out)[-1]
    assert bad["line"] == 2
    assert "--at" in bad["error"]
    # Open from 16:30 to --at 18:30: 1 h in support hours, 1 h outside.
    code, out, _ = availability(
        capsys, str(path), "--at", "2026-11-18T18:30+01:00", "--format", "json"
    )
    support, outside, interruptions = records(out)
    assert (support["downtime_seconds"], outside["downtime_seconds"]) == (3600, 3600)
    assert support["downtime_left_seconds"] == -198
    assert interruptions["interruptions"] == 1
    code, out, _ = availability(
        capsys, str(path), "--at", "2026-11-18T16:30+01:00", "--format", "json"
    )
    assert "not before --at" in records(out)[-1]["error"]


@pytest.mark.parametrize(
    ("at", "needle"),
    [("2026-11-20T12:00", "no UTC offset"), ("soon", "not an ISO 8601 time")],
)
def test_a_bad_at_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], at: str, needle: str
) -> None:
    code, out, err = availability(capsys, OUTAGES, "--at", at)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert needle in err
    assert "Traceback" not in err


def test_nothing_allowed_burns_inf_and_json_writes_it_as_a_string(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    contract = tmp_path / "full.yaml"
    contract.write_text(
        "id: test/full\ncalendars:\n  office:\n    tz: Europe/Amsterdam\n"
        "    hours:\n      mon: ['09:00-17:00']\npriorities:\n  - id: P1\n"
        "availability:\n  - name: up\n    calendar: 24x7\n    minimum: 1.0\n"
    )
    path = tmp_path / "o.csv"
    path.write_text("start,end\n2026-11-02T10:00+01:00,2026-11-02T10:00:01+01:00\n")
    argv = ["availability", "--contract-file", str(contract), str(path), "--month", "2026-11"]
    code, out, err = run(capsys, *argv, "--format", "json")
    assert err == ""
    up = records(out)[0]
    assert (up["burn_rate"], up["downtime_left_seconds"], code) == ("inf", -1, 1)
    assert "Infinity" not in out  # plain JSON has no infinity
    _, out, _ = run(capsys, *argv)
    assert out.splitlines()[-2].split() == ["up", "0m", "-0m", "inf"]
