"""My own contract from a YAML file: load it, register it, evaluate a ticket on it.

Run it with ``python examples/my_own_contract.py``. It reads ``examples/my_contract.yaml``
(Acme Hosting "Gold": 08:00-18:00 on Dutch working days; urgent tickets answered within
2 hours and resolved within 8 hours of the answer) with ``contracts.load``, makes it
findable as ``acme/hosting-gold`` with ``contracts.register``, and evaluates an urgent ticket
opened on Christmas Eve 2026 at 16:30, as of Tuesday 29 December 09:00. Reading YAML
needs PyYAML (``pip install 'slacalc[yaml]'``); without it the script says so and stops.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from slacalc import Event, Ticket, contracts

AMS = ZoneInfo("Europe/Amsterdam")
FMT = "%a %Y-%m-%d %H:%M"
CONTRACT_FILE = Path(__file__).with_name("my_contract.yaml")


def main() -> None:
    try:
        import yaml  # noqa: F401  (contracts.load needs it for .yaml files)
    except ImportError:
        print("This example reads a YAML contract and needs PyYAML: pip install 'slacalc[yaml]'")
        return
    contract = contracts.register(contracts.load(CONTRACT_FILE), replace=True)
    mine = contracts.get("acme/hosting-gold")
    print(f"Loaded {CONTRACT_FILE.name}: {mine.id} ({mine.vendor}, {mine.name})")
    print(f"  registered: contracts.get('acme/hosting-gold') is the loaded one: {mine is contract}")
    ticket = Ticket(
        id="ACME-7",
        priority="P1",
        opened_at=datetime(2026, 12, 24, 16, 30, tzinfo=AMS),
        events=[
            Event(at=datetime(2026, 12, 28, 8, 15, tzinfo=AMS), kind="responded"),
            Event(at=datetime(2026, 12, 28, 17, 0, tzinfo=AMS), kind="resolved"),
        ],
    )
    at = datetime(2026, 12, 29, 9, 0, tzinfo=AMS)
    report = mine.evaluate(ticket, at=at)
    print(f"Ticket {ticket.id}, priority {report.priority}, opened {ticket.opened_at:{FMT}}")
    for metric, target in report.targets.items():
        due = "-" if target.due_at is None else f"{target.due_at:{FMT}}"
        stopped = "-" if target.stopped_at is None else f"{target.stopped_at:{FMT}}"
        print(
            f"  {metric:<10} due {due}, stopped {stopped}"
            f" after {target.elapsed} of office time: {target.status.value}"
        )


if __name__ == "__main__":
    main()
