"""What evaluating against one contract needs, looked up once per contract.

A :class:`Plan` holds a contract's targets by priority and ticket kind, the compiled
timeline and zone of every target's clock, and memo tables of the rules a metric obeys
for each sequence of priorities a ticket had. It never holds the contract itself.

>>> from slacalc import contracts
>>> plan = plan_for(contracts.get("vioms/advanced"))
>>> plan.priority_id("prio 1", lambda: "ticket X")
'P1'
>>> plan_for(contracts.get("vioms/advanced")) is plan
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import tzinfo

from slacalc._base.errors import TicketError
from slacalc._base.frozen import instance_cache
from slacalc._calendar.calendar import timeline_of
from slacalc._contract.models import Target, normalise_name
from slacalc._contract.terms import ContractTerms, priority_index
from slacalc._engine.timeline import Timeline

__all__ = ["MEMO_LIMIT", "Plan", "Rules", "plan_for"]


class Plan:
    """What evaluating against one contract needs, looked up once per contract."""

    def __init__(self, contract: ContractTerms) -> None:
        # Never keep ``contract`` itself: the plan is cached beside it, weakly keyed by
        # it, and a reference back would keep every contract ever evaluated alive.
        self.contract_id = contract.id
        self.priority_ids = tuple(p.id for p in contract.priorities)
        self.index = priority_index(contract)
        self.kinds = contract.kinds
        self.labels: dict[str, str] = {p.id: p.id for p in contract.priorities}
        by_key: dict[tuple[str, str], dict[str, Target]] = {}
        for t in contract.targets:
            for kind in t.applies_to:
                by_key.setdefault((t.priority, kind), {})[t.metric] = t
        self.targets = by_key
        # Keyed by id(target): the plan holds every target (in ``targets``), so no id
        # is reused while it lives.
        clock_calendars = {id(t): contract.clock_calendar(t) for t in contract.targets}
        self.timelines: dict[int, Timeline] = {
            key: timeline_of(calendar) for key, calendar in clock_calendars.items()
        }
        self.clock_zones: dict[int, tzinfo] = {
            key: calendar.zone for key, calendar in clock_calendars.items()
        }
        self.zones = {key: calendar.zone for key, calendar in contract.calendars.items()}
        self.zone: tzinfo = contract.zone
        self.restart = contract.clock.on_priority_change == "restart"
        self.new_cycle = contract.clock.on_reopen == "new_cycle"
        # Memo tables keyed by the priorities a ticket had (distinct, in order): tickets
        # share a few such sequences, and looking them up again beats rebuilding the
        # dicts per metric (with the per-metric pause cut in Metric, ~3 us of a ~90 us
        # ticket of three targets; benchmarks/bench_evaluate.py). Bounded: past
        # MEMO_LIMIT entries they are computed without being kept.
        self._metric_names: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        self._metric_rules: dict[tuple[str, str, tuple[str, ...], str], Rules] = {}

    def priority_id(self, name: str, where: Callable[[], str]) -> str:
        """The canonical id of a priority name (memoised), or a ``TicketError`` whose
        message starts with ``where()`` (the ticket, and the event if any)."""
        found = self.labels.get(name)
        if found is None:
            priority = self.index.get(normalise_name(name))
            if priority is None:
                raise TicketError(
                    f"{where()}: unknown priority {name!r}; use one of "
                    f"{', '.join(self.priority_ids)} (or an alias)"
                )
            found = priority.id
            self.labels[name] = found
        return found

    def target(self, pid: str, metric: str, kind: str) -> Target | None:
        return self.targets.get((pid, kind), {}).get(metric)

    def metrics(self, pid: str, kind: str) -> Iterable[str]:
        return self.targets.get((pid, kind), {})

    def metric_names(self, kind: str, priorities: tuple[str, ...]) -> tuple[str, ...]:
        """The metrics with a target for any of ``priorities``, in order (memoised)."""
        key = (kind, priorities)
        found = self._metric_names.get(key)
        if found is None:
            names: dict[str, None] = {}
            for pid in priorities:
                names.update(dict.fromkeys(self.metrics(pid, kind)))
            found = tuple(names)
            if len(self._metric_names) < MEMO_LIMIT:
                self._metric_names[key] = found
        return found

    def rules(self, metric: str, kind: str, priorities: tuple[str, ...], final: str) -> Rules:
        """A metric's targets and timelines per priority (memoised); see :class:`Metric`."""
        key = (metric, kind, priorities, final)
        found = self._metric_rules.get(key)
        if found is None:
            by_priority = {pid: self.target(pid, metric, kind) for pid in priorities}
            final_target = by_priority[final]
            reference = final_target or next(t for t in by_priority.values() if t is not None)
            timelines = {
                pid: (self.timelines[id(t)] if t is not None else None)
                for pid, t in by_priority.items()
            }
            pausable = {pid: (t or reference).pausable for pid, t in by_priority.items()}
            found = Rules(
                by_priority, final_target, reference, timelines, pausable,
                all(pausable.values()), not any(pausable.values()),
            )  # fmt: skip
            if len(self._metric_rules) < MEMO_LIMIT:
                self._metric_rules[key] = found
        return found


MEMO_LIMIT = 4096


@dataclass(frozen=True, slots=True)
class Rules:
    """What a metric's clock obeys, given the priorities a ticket had (never mutated)."""

    by_priority: dict[str, Target | None]  # per priority, in order of first appearance
    final: Target | None  # the target of the priority in force at ``at``
    reference: Target  # the final target, or the first one there is
    timelines: dict[str, Timeline | None]
    pausable: dict[str, bool]  # whether pauses stop the clock while a priority is in force
    always_pausable: bool
    never_pausable: bool


def plan_for(contract: ContractTerms) -> Plan:
    """The plan of a contract, built on its first evaluation and kept beside it (weakly:
    it goes with the contract; docs/architecture.md, caches)."""
    return instance_cache(contract, "_slacalc_evaluation_plan", lambda: Plan(contract))
