"""The example scripts answer their questions: each runs and prints the verified answer."""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest

from slacalc import contracts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(name: str, capsys: pytest.CaptureFixture[str]) -> str:
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    return capsys.readouterr().out


def test_was_this_ticket_in_sla_explains_the_intramed_wait(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run("was_this_ticket_in_sla.py", capsys)
    # docs/contracts/, Intramed: 12 h target, due Tuesday 12:00 after a 2 h pause.
    assert "Ticket IM-1 on intramed/on-premise, priority level-1" in out
    assert "  restore: met\n" in out
    assert "    target       12 h of support time" in out
    assert "    due at       Tue 2026-11-24 12:00 CET" in out
    assert "    counted      11.5 h (paused 2 h)" in out
    assert "    milestone    50% at Mon 2026-11-23 16:00" in out
    assert out.rstrip().endswith("Answer: ticket IM-1 is in SLA.")


def test_monthly_compliance_prints_the_table_and_the_goals(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a chart, if matplotlib is there, lands here
    out = run("monthly_compliance.py", capsys)
    assert "infravision/cloud: 60 tickets opened in November 2026" in out
    assert "top      response      1        4     0    20%" in out
    assert "high     resolution    4        4     1    50%" in out
    # InfraVision counts requests (3.2): every top request had a breached target (per
    # target 1 of 9 targets met, 0.1.0's 11.1 %)
    assert "goal top >= 100% per ticket: 0/5 = 0.0% NOT held (0 never started)" in out
    assert "goal high+medium+low >= 80% per ticket: 47/51 = 92.2% held (2 never started)" in out
    assert "All goals held: no" in out
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert "(matplotlib is not installed: no chart written)" in out
    else:
        assert (tmp_path / "monthly_compliance.png").stat().st_size > 0


class _Axes:
    def __init__(self, calls: list[tuple[str, tuple[object, ...]]]) -> None:
        self.calls = calls

    def __getattr__(self, name: str) -> object:
        return lambda *args, **kwargs: self.calls.append((name, args))


def test_monthly_compliance_draws_one_bar_per_cell_when_matplotlib_is_there(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chart branch, with a stand-in matplotlib that records what it is asked to draw."""
    import sys
    import types

    calls: list[tuple[str, tuple[object, ...]]] = []
    axes = _Axes(calls)
    pyplot = types.ModuleType("matplotlib.pyplot")
    pyplot.subplots = lambda **kwargs: (axes, axes)  # type: ignore[attr-defined]
    pyplot.close = lambda fig: calls.append(("close", ()))  # type: ignore[attr-defined]
    matplotlib = types.ModuleType("matplotlib")
    matplotlib.use = lambda backend: calls.append(("use", (backend,)))  # type: ignore[attr-defined]
    matplotlib.pyplot = pyplot  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "matplotlib", matplotlib)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", pyplot)
    monkeypatch.chdir(tmp_path)
    out = run("monthly_compliance.py", capsys)
    assert "chart written to monthly_compliance.png" in out
    by_name = dict(calls)
    assert by_name["use"] == ("Agg",)
    labels, shares = by_name["bar"]
    assert isinstance(labels, list)
    assert isinstance(shares, list)
    assert len(labels) == len(shares) == 8  # four priorities, response and resolution
    assert labels[0] == "top\nresponse"
    assert shares[0] == pytest.approx(20.0)  # "top response ... 20%" in the table
    assert by_name["savefig"] == ("monthly_compliance.png",)
    assert [name for name, _ in calls][-1] == "close"


def test_breaching_soon_lists_the_targets_due_within_four_business_hours(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run("breaching_soon.py", capsys)
    lines = out.splitlines()
    assert lines[0] == (
        "vioms/advanced at Thu 2026-11-26 15:00; 4 business hours later is Fri 2026-11-27 11:00"
    )
    assert lines[1] == "Breaching within 4 business hours (5):"
    # soonest first; P1 response 4 h from Thu 13:00 is due at Thu 17:00, the close.
    assert [line.split()[0] for line in lines[2:7]] == [
        "INC-105",
        "INC-103",
        "INC-101",
        "INC-102",
        "INC-104",
    ]
    assert "INC-101 P1 response   breaches after Fri 2026-11-27 09:00 (2 h" in out
    assert "INC-102 P2 response   breaches after Fri 2026-11-27 09:30 (2.5 h" in out
    assert "Already breached (1):\n  INC-106 P3 response breached" in out


def test_uptime_from_probes_reports_november(capsys: pytest.CaptureFixture[str]) -> None:
    out = run("uptime_from_probes.py", capsys)
    assert "connexys/standard: 8616 probe samples, every 5 minutes" in out
    assert "  outage  Sun 29 Nov 14:05 -> Sun 29 Nov 15:40  (1h35m)" in out
    assert "  unknown Tue 24 Nov 22:15 -> Wed 25 Nov 00:15  (no samples, not downtime)" in out
    # 50 + 65 + 95 minutes = 3.5 h down of 720 h; 0.5 % of 720 h is 3 h 36 min.
    assert (
        "November 2026 uptime: 99.514% up (minimum 99.5%), down 3h30m of 720h00m, "
        "allowed 3h36m: met"
    ) in out
    assert "interruptions: 3" in out


@pytest.fixture
def unregister_mine() -> Iterator[None]:
    """The example registers acme/hosting-gold; keep it out of the other tests."""
    yield
    contracts._registry.pop("acme/hosting-gold", None)


@pytest.mark.usefixtures("unregister_mine")
def test_my_own_contract_loads_registers_and_evaluates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("yaml")
    assert "acme/hosting-gold" not in contracts.ids()
    out = run("my_own_contract.py", capsys)
    assert "acme/hosting-gold" in contracts.ids()
    assert "Loaded my_contract.yaml: acme/hosting-gold (Acme Hosting, Gold support)" in out
    assert "contracts.get('acme/hosting-gold') is the loaded one: True" in out
    # Christmas Eve 16:30-18:00 is 1.5 h; Christmas and the weekend are closed.
    assert "response   due Mon 2026-12-28 08:30, stopped Mon 2026-12-28 08:15" in out
    assert "after 1:45:00 of office time: met" in out
    assert "resolution due Mon 2026-12-28 16:15, stopped Mon 2026-12-28 17:00" in out
    assert "after 8:45:00 of office time: breached" in out


def test_my_own_contract_without_pyyaml_says_how_to_get_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "yaml", None)
    out = run("my_own_contract.py", capsys)
    assert "needs PyYAML: pip install 'slacalc[yaml]'" in out


def test_cluster_compliance_runs_on_a_local_cluster(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("sys.argv", ["cluster_compliance.py", "3000"])
    out = run("cluster_compliance.py", capsys)
    assert out.startswith("3,000 tickets, vioms/advanced, share of targets met per month:")
    assert "2 worker processes:" in out
    assert "P4       response" in out


def test_scheduler_wakes_only_for_changes(capsys: pytest.CaptureFixture[str]) -> None:
    out = run("scheduler.py", capsys).splitlines()
    # Intramed Online level-1 restore, 4 h from Monday 09:00 (support 08:00-20:00): 50 % at
    # 11:00, breached after 13:00; IM-7002 from 16:00: 50 % at 18:00, resolved at 18:30
    # before its breach (Tuesday 08:00, the next opening after the 20:00 close).
    assert "Mon 23 Nov 11:00 IM-7001: restore reached 50% of its target" in out
    assert "Mon 23 Nov 13:00 IM-7001: restore is now breached" in out
    assert "Mon 23 Nov 18:00 IM-7002: restore reached 50% of its target" in out
    assert "  IM-7002: look again at Tue 24 Nov 08:00" in out
    assert out[-1].startswith("3 wake-ups for alerts in 27 hours")


def test_which_tier_compares_a_year_under_standard_and_advanced(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run("which_tier.py", capsys)
    assert out.startswith("157 tickets and 157 support calls in 2026\n")
    # the same handling times: Advanced's 4 h P1 response is breached where 8 h is not
    assert "P1        response        18/18 100%       9/18  50%" in out
    assert "vioms/standard: 294 targets met, 0 breached; calls EUR 22715.00" in out
    assert "vioms/advanced: 277 targets met, 17 breached; calls EUR 21630.00" in out
    # 868 units at 95 and 90 euro an hour: 868 / 4 x 5 = 1085.00 apart
    assert "Advanced's lower rates save EUR 1085.00 on these calls." in out
    assert "Verdict: Advanced pays off if it costs at most EUR 1085.00 a year more" in out


def test_which_tier_gives_a_verdict_with_the_fees(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from decimal import Decimal

    namespace = runpy.run_path(str(EXAMPLES / "which_tier.py"))
    capsys.readouterr()
    fees = namespace["FEE_PER_YEAR"]
    monkeypatch.setitem(fees, "vioms/standard", Decimal("1000.00"))
    monkeypatch.setitem(fees, "vioms/advanced", Decimal("2000.00"))
    namespace["main"]()
    assert "Verdict: at EUR 1000.00 a year more, Advanced would have paid off." in (
        capsys.readouterr().out
    )
    monkeypatch.setitem(fees, "vioms/advanced", Decimal("2085.01"))
    namespace["main"]()
    assert "Advanced would not have paid off." in capsys.readouterr().out
