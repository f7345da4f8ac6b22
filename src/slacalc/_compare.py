"""Several contracts judged on the same tickets, side by side (:func:`compare`), and what
support calls cost under each VIOMS tier (:class:`SupportCall`, :class:`CallsBill`).

This layer sits right above ``slacalc.contracts`` (it resolves contract ids) and so above
``slacalc.billing`` and ``slacalc._reports``, whose :func:`~slacalc.compliance` and
:func:`~slacalc.billing.quote` it runs once per contract; ``slacalc.frame`` and the
command line use it.

>>> from datetime import datetime, timedelta
>>> from zoneinfo import ZoneInfo
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> from slacalc import Event
>>> ticket = {"id": "T-1", "priority": "P1", "opened_at": "2026-11-23T09:00+01:00",
...           "events": [Event(at=datetime(2026, 11, 23, 12, 0, tzinfo=ams), kind="responded")]}
>>> result = compare(["vioms/standard", "vioms/enterprise"], [ticket],
...                  datetime(2026, 11, 1, tzinfo=ams), datetime(2026, 12, 1, tzinfo=ams),
...                  calls=[SupportCall(datetime(2026, 11, 23, 10, 0, tzinfo=ams),
...                                     timedelta(minutes=20))])
>>> row = result.rows()[0]
>>> row.priority, row.metric, [(c.met, c.breached) for c in row.cells if c is not None]
('P1', 'response', [(1, 0), (0, 1)])
>>> [(b.contract_id, b.total) for b in result.bills.values()]
[('vioms/standard', Decimal('47.50')), ('vioms/enterprise', Decimal('42.50'))]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from slacalc import contracts as registry
from slacalc._base.errors import ContractError, InvalidIntervalError
from slacalc._base.frozen import FrozenMap
from slacalc._clock.ticket import Ticket
from slacalc._engine.instants import in_range, require_aware, to_us
from slacalc._facade import Contract
from slacalc._reports.compliance import ComplianceCell, ComplianceReport, compliance
from slacalc.billing import TIERS, BillingError, Tier, quote

__all__ = [
    "ADD_ON_PRIORITIES",
    "CallsBill",
    "Comparison",
    "ComparisonRow",
    "SupportCall",
    "bill_calls",
    "compare",
    "parse_duration",
    "vioms_tier",
]

#: The priorities the VIOMS evening and weekend add-on covers (1.3.16: "voor de prio's 1 en 2").
ADD_ON_PRIORITIES = ("P1", "P2")

_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_SHORT = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?(?:(\d+)s)?")
_ISO = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


def parse_duration(text: str) -> timedelta:
    """A call's duration: ISO 8601 (``PT1H30M``, ``P1DT2H``), short (``1h30m``, ``45m``,
    ``90s``, ``1d2h``) or a whole number of minutes (``90``); case and spaces ignored.

    >>> [str(parse_duration(text)) for text in ("PT1H30M", "1h30m", "90", "P1DT2H", "45s")]
    ['1:30:00', '1:30:00', '1:30:00', '1 day, 2:00:00', '0:00:45']
    >>> parse_duration("99999999999h")
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: duration '99999999999h' is too long: a call lasts hours, ...
    >>> parse_duration("an hour")
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: duration 'an hour' is not a duration: write PT1H30M, ...
    """
    cleaned = "".join(str(text).split()).lower()
    seconds: int | None = None
    if cleaned.isascii() and cleaned.isdigit():  # not '²': int() refuses other digits
        seconds = int(cleaned) * 60
    for pattern, order in ((_ISO, "dhms"), (_SHORT, "dhms")):
        found = pattern.fullmatch(cleaned.upper() if pattern is _ISO else cleaned)
        if seconds is None and found and any(found.groups()) and cleaned not in ("p", "pt"):
            seconds = sum(
                int(v) * _UNITS[u] for v, u in zip(found.groups(), order, strict=True) if v
            )
    if seconds is not None:
        try:
            return timedelta(seconds=seconds)
        except OverflowError:
            raise BillingError(
                f"duration {text!r} is too long: a call lasts hours, e.g. 1h30m"
            ) from None
    raise BillingError(
        f"duration {text!r} is not a duration: write PT1H30M, 1h30m, 45m or a whole number "
        "of minutes (90)"
    )


@dataclass(frozen=True, slots=True)
class SupportCall:
    """One support call: when it started, how long it took, whether it fell in the VIOMS
    evening and weekend hours (1.3.16), and the priority of its ticket where known (the
    add-on covers PRIO 1 and 2 only).

    >>> from datetime import datetime, timedelta, timezone
    >>> SupportCall(datetime(2026, 11, 2, 9, tzinfo=timezone.utc), timedelta(minutes=-1))
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: call duration must not be negative, got ...
    """

    start: datetime
    duration: timedelta
    evening_weekend: bool = False
    priority: str | None = None
    id: str | None = None

    def __post_init__(self) -> None:
        require_aware(self.start, "call start")
        if not isinstance(self.duration, timedelta) or self.duration < timedelta(0):
            raise BillingError(
                f"call duration must not be negative, got {self.duration!r}: a timedelta "
                "of zero or more"
            )
        if not isinstance(self.evening_weekend, bool):
            raise BillingError(
                f"evening_weekend must be True or False, got {self.evening_weekend!r}"
            )


def vioms_tier(contract: Contract) -> tuple[Tier, bool] | None:
    """The VIOMS billing tier of a contract and whether it has the evening and weekend
    add-on; ``None`` for a contract slacalc does not bill (every other vendor).

    >>> vioms_tier(registry.get("vioms/advanced+evening-weekend"))
    ('advanced', True)
    >>> vioms_tier(registry.get("infravision/cloud")) is None
    True
    """
    if contract.vendor != "VIOMS":
        return None
    tier, _, extra = contract.id.partition("/")[2].partition("+")
    for known in TIERS:
        if tier == known:
            return known, extra == "evening-weekend"
    return None


@dataclass(frozen=True, slots=True)
class CallsBill:
    """What the support calls of the period cost under one contract.

    ``tier`` is the VIOMS tier (``None``: not billed by slacalc, and ``total`` is
    ``None``); ``calls`` the calls priced, ``units`` their 15-minute units, ``start_fees``
    and ``labour`` the parts of ``total``, in euro.

    >>> from decimal import Decimal
    >>> bill = CallsBill("vioms/standard", "standard", False, 1, 2, Decimal("0.00"),
    ...                  Decimal("47.50"), Decimal("47.50"))
    >>> bill.billed, bill.as_dict()["total"]
    (True, '47.50')
    >>> CallsBill("reflex/basis", None, False, 1).as_dict()["total"] is None
    True
    """

    contract_id: str
    tier: Tier | None
    add_on: bool
    calls: int
    units: int = 0
    start_fees: Decimal = Decimal("0.00")
    labour: Decimal = Decimal("0.00")
    total: Decimal | None = None

    @property
    def billed(self) -> bool:
        """Whether slacalc priced the calls (a VIOMS tier)."""
        return self.tier is not None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (amounts as text, to the cent)."""
        return {
            "contract": self.contract_id,
            "tier": self.tier,
            "add_on": self.add_on,
            "calls": self.calls,
            "units": self.units if self.billed else None,
            "start_fees": str(self.start_fees) if self.billed else None,
            "labour": str(self.labour) if self.billed else None,
            "total": None if self.total is None else str(self.total),
            "billed": self.billed,
        }


def bill_calls(contract: Contract, calls: Iterable[SupportCall]) -> CallsBill:
    """The calls priced by the 0.1.0 billing rules under ``contract``'s VIOMS tier.

    Each call is a :func:`~slacalc.billing.quote`: its time in 15-minute units at the
    tier's rate; an evening or weekend call adds the start fee, unless the contract has
    the add-on and the call's priority is PRIO 1 or 2 (then it is included: 0.00). A call
    without a priority is not known to be covered and pays as without the add-on.

    >>> from datetime import datetime, timezone
    >>> call = SupportCall(datetime(2026, 11, 2, 18, tzinfo=timezone.utc),
    ...                    timedelta(minutes=20), evening_weekend=True, priority="P1")
    >>> bill_calls(registry.get("vioms/advanced+evening-weekend"), [call]).total
    Decimal('0.00')
    >>> bill_calls(registry.get("vioms/advanced"), [call]).total
    Decimal('145.00')
    >>> bill_calls(registry.get("reflex/basis"), [call]).total is None
    True
    """
    calls = list(calls)
    found = vioms_tier(contract)
    if found is None:
        return CallsBill(contract.id, None, False, len(calls))
    tier, has_add_on = found
    units = 0
    fees = labour = Decimal("0.00")
    for call in calls:
        covered = call.priority is not None and contract.priority(call.priority).id in (
            ADD_ON_PRIORITIES
        )
        priced = quote(
            call.duration,
            tier=tier,
            evening_weekend=call.evening_weekend,
            add_on=has_add_on and call.evening_weekend and covered,
        )
        units += priced.units
        fees += priced.start_fee
        labour += priced.labour
    return CallsBill(contract.id, tier, has_add_on, len(calls), units, fees, labour, fees + labour)


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One priority and metric across the compared contracts: ``cells[n]`` is contract
    ``n``'s :class:`~slacalc.ComplianceCell`, ``None`` where it has no such target.

    >>> from slacalc import ComplianceCell
    >>> row = ComparisonRow("P1", "on_site", (None, ComplianceCell("P1", "on_site", met=1)))
    >>> [cell.met if cell else "-" for cell in row.cells]
    ['-', 1]
    """

    priority: str
    metric: str
    cells: tuple[ComplianceCell | None, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The same tickets judged against several contracts; built by :func:`compare`.

    ``reports`` maps each contract id (in the order given) to its
    :class:`~slacalc.ComplianceReport` (a ticket whose priority a contract does not know
    is one of that report's ``errors``); ``bills`` maps it to the :class:`CallsBill` of
    the calls started in the period (empty when no calls were given); ``calls`` counts those calls
    and ``ignored_calls`` the calls outside ``[start, end)``.

    >>> from datetime import datetime, timedelta, timezone
    >>> from slacalc import SupportCall, compare
    >>> nov, dec = (datetime(2026, m, 1, tzinfo=timezone.utc) for m in (11, 12))
    >>> call = SupportCall(datetime(2026, 11, 2, 9, tzinfo=timezone.utc), timedelta(hours=1))
    >>> result = compare(["vioms/standard", "vioms/enterprise"], [], nov, dec, calls=[call])
    >>> result.contract_ids, result.cheapest(), result.goals_met["vioms/standard"]
    (('vioms/standard', 'vioms/enterprise'), 'vioms/enterprise', True)
    >>> (row := result.rows()[0]).priority, row.metric, row.cells[0].judged
    ('P1', 'response', 0)
    >>> sorted({r["row"] for r in result.as_records()})
    ['bill', 'cell']
    """

    start: datetime
    end: datetime
    reports: FrozenMap[str, ComplianceReport]
    bills: FrozenMap[str, CallsBill]
    calls: int = 0
    ignored_calls: int = 0

    @property
    def contract_ids(self) -> tuple[str, ...]:
        """The contracts compared, in the order given."""
        return tuple(self.reports)

    @property
    def goals_met(self) -> dict[str, bool]:
        """Per contract: whether every compliance goal held (``True`` without goals)."""
        return {cid: report.met for cid, report in self.reports.items()}

    def cheapest(self) -> str | None:
        """The billed contract whose calls cost least (the first of equals); ``None``
        without a call in the period or without a billed contract."""
        billed = [b for b in self.bills.values() if b.total is not None]
        if not self.calls or not billed:
            return None
        return min(billed, key=lambda b: b.total or Decimal(0)).contract_id

    def rows(self) -> list[ComparisonRow]:
        """One row per priority and metric of any contract, in the first contract's order
        (then the others' new ones), with each contract's cell side by side."""
        keys: dict[tuple[str, str], None] = {}
        for report in self.reports.values():
            keys.update(dict.fromkeys(report.cells))
        return [
            ComparisonRow(p, m, tuple(r.cells.get((p, m)) for r in self.reports.values()))
            for p, m in keys
        ]

    def as_records(self) -> list[dict[str, Any]]:
        """Flat dicts: one per contract, priority and metric (``row="cell"``), per
        contract and goal (``row="goal"``) and per contract's bill (``row="bill"``)."""
        records: list[dict[str, Any]] = []
        for cid, report in self.reports.items():
            cells = report.cells.values()
            records += [{"row": "cell", "contract": cid, **c.as_dict()} for c in cells]
        for cid, report in self.reports.items():
            records += [{"row": "goal", "contract": cid, **g.as_dict()} for g in report.goals]
        records += [{"row": "bill", **b.as_dict()} for b in self.bills.values()]
        return records


def _resolved(items: Iterable[Contract | str]) -> list[Contract]:
    chosen: list[Contract] = []
    for item in items if not isinstance(items, (str, Contract)) else [items]:
        if isinstance(item, str):
            item = registry.get(item)  # UnknownContractError, with close matches
        if not isinstance(item, Contract):
            raise TypeError(f"contracts must be Contracts or ids, not {type(item).__name__}")
        if any(c.id == item.id for c in chosen):
            raise ContractError(f"contract {item.id!r} is given twice: compare each contract once")
        chosen.append(item)
    if not chosen:
        raise ContractError("compare needs at least one contract (e.g. 'vioms/standard')")
    return chosen


def compare(
    contracts: Iterable[Contract | str],
    tickets: Iterable[Ticket | Mapping[str, Any]],
    start: datetime,
    end: datetime,
    *,
    calls: Iterable[SupportCall] | None = None,
) -> Comparison:
    """Judge the same tickets against each contract: :func:`~slacalc.compliance` per
    contract (opened in ``[start, end)``, as of ``end``), and with ``calls`` (even none)
    the bill of the calls started in the period under each VIOMS tier (:func:`bill_calls`).

    Every ticket is judged against every contract: a ticket whose priority a contract
    does not know (another vendor's ``high`` for VIOMS) is one of that contract's report
    ``errors`` and counts nowhere else. Tiers of one vendor share priorities; across
    vendors map the priorities first.

    >>> from datetime import datetime, timezone
    >>> result = compare(["vioms/standard", "infravision/cloud"],
    ...                  [{"id": "A", "priority": "P2", "opened_at": "2026-11-02T09:00+01:00"}],
    ...                  datetime(2026, 11, 1, tzinfo=timezone.utc),
    ...                  datetime(2026, 12, 1, tzinfo=timezone.utc))
    >>> [(cid, r.tickets, len(r.errors)) for cid, r in result.reports.items()]
    [('vioms/standard', 1, 0), ('infravision/cloud', 0, 1)]
    >>> compare(["vioms/standard", "vioms/standard"], [], result.start, result.end)
    Traceback (most recent call last):
    ...
    slacalc.ContractError: contract 'vioms/standard' is given twice: compare each contract once
    """
    chosen = _resolved(contracts)
    start_us = in_range(require_aware(start, "start"), "start")
    end_us = in_range(require_aware(end, "end"), "end")
    if end_us <= start_us:
        raise InvalidIntervalError(
            f"comparison period end={end.isoformat()} is not after start={start.isoformat()}"
        )
    given = list(tickets)
    reports = FrozenMap((c.id, compliance(c, given, start, end)) for c in chosen)
    all_calls = [] if calls is None else list(calls)
    for call in all_calls:
        if not isinstance(call, SupportCall):
            raise TypeError(f"calls must be SupportCall objects, not {type(call).__name__}")
    inside = [c for c in all_calls if start_us <= to_us(c.start, "call start") < end_us]
    bills: FrozenMap[str, CallsBill] = FrozenMap(
        (c.id, bill_calls(c, inside)) for c in chosen if calls is not None
    )
    return Comparison(start, end, reports, bills, len(inside), len(all_calls) - len(inside))
