"""Monthly compliance for a vendor: did InfraVision meet its goals in November 2026?

Run it with ``python examples/monthly_compliance.py``. It generates 60 InfraVision
(``infravision/cloud``) tickets opened in November 2026, deterministically
(``random.Random(7)``), evaluates them with ``slacalc.compliance`` as of 1 December
00:00, and prints a table per priority and metric (met, breached, other, % met) and
whether each compliance goal held; InfraVision's goals count requests (per ticket: a
request with a breached target is outside its objective), and the targets that never
started (resolutions without a root cause) are shown beside them. If matplotlib is
installed it also writes a bar chart to ``monthly_compliance.png`` in the current
directory; without it the chart is skipped.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from slacalc import ComplianceReport, Event, Ticket, compliance, contracts

AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 11, 1, tzinfo=AMS)
END = datetime(2026, 12, 1, tzinfo=AMS)
PRIORITIES = ("top", "high", "medium", "low")
CHART = "monthly_compliance.png"


def make_tickets(count: int = 60, seed: int = 7) -> list[Ticket]:
    """``count`` tickets opened on November weekdays 08:30-17:30, with their events."""
    rng = random.Random(seed)
    weekdays = [
        START + timedelta(days=d) for d in range(30) if (START + timedelta(days=d)).weekday() < 5
    ]
    tickets = []
    for n in range(count):
        day = rng.choice(weekdays)
        opened = day.replace(hour=8, minute=30) + timedelta(minutes=rng.randrange(0, 9 * 60))
        priority = rng.choices(PRIORITIES, weights=(1, 3, 4, 4))[0]
        responded = opened + timedelta(minutes=rng.randrange(5, 16 * 60))
        root_cause = responded + timedelta(minutes=rng.randrange(0, 24 * 60))
        fixed = root_cause + timedelta(minutes=rng.randrange(30, 5 * 24 * 60))
        events = [
            Event(at=responded, kind="responded"),
            Event(at=root_cause, kind="root_cause_identified"),
        ]
        if fixed < END:
            events.append(Event(at=fixed, kind="workaround"))
        tickets.append(
            Ticket(id=f"IV-{n + 1:03d}", priority=priority, opened_at=opened, events=events)
        )
    return tickets


def print_table(report: ComplianceReport) -> None:
    print(f"{'priority':<8} {'metric':<10} {'met':>4} {'breached':>8} {'other':>5} {'% met':>6}")
    for (priority, metric), cell in sorted(
        report.cells.items(), key=lambda kv: (PRIORITIES.index(kv[0][0]), kv[0][1])
    ):
        share = "-" if cell.fraction_met is None else f"{float(cell.fraction_met):.0%}"
        other = cell.total - cell.judged
        print(f"{priority:<8} {metric:<10} {cell.met:>4} {cell.breached:>8} {other:>5} {share:>6}")


def write_chart(report: ComplianceReport) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("(matplotlib is not installed: no chart written)")
        return
    labels = [f"{p}\n{m}" for p, m in report.cells]
    shares = [
        0.0 if c.fraction_met is None else 100 * float(c.fraction_met)
        for c in report.cells.values()
    ]
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.bar(labels, shares)
    ax.set_ylabel("% within target")
    ax.set_title(f"{report.contract_id}, November 2026")
    fig.tight_layout()
    fig.savefig(CHART)
    plt.close(fig)
    print(f"chart written to {CHART}")


def main() -> None:
    contract = contracts.get("infravision/cloud")
    report = compliance(contract, make_tickets(), START, END)
    print(f"{contract.id}: {report.tickets} tickets opened in November 2026")
    print_table(report)
    for goal in report.goals:
        share = "-" if goal.fraction is None else f"{float(goal.fraction):.1%}"
        verdict = "held" if goal.held else "NOT held"
        print(
            f"goal {'+'.join(goal.goal.priorities)} >= {float(goal.minimum):.0%} per "
            f"{goal.per}: {goal.met}/{goal.met + goal.breached} = {share} {verdict}"
            f" ({goal.not_started} never started)"
        )
    print(f"All goals held: {'yes' if report.met else 'no'}")
    write_chart(report)


if __name__ == "__main__":
    main()
