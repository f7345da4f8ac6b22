"""``Contract``: a contract's terms with the questions a user asks of them.

:class:`Contract` is :class:`~slacalc._contract.terms.ContractTerms` (every field and
lookup of SPEC 2) plus the questions about tickets and outages: ``evaluate``,
``evaluate_many`` and ``availability(...)``. It sits above the clock and the reports,
which take terms, so imports only go downward (docs/architecture.md).

``contract.availability`` is both the tuple of availability targets (the field) and,
called, their measurement (SPEC 2 and 4). The field stores a plain tuple; reading it
through a contract gives that tuple bound to the contract (:class:`AvailabilityTargets`),
whichever way the contract was built or copied.

>>> from datetime import datetime, timedelta, timezone
>>> from slacalc import AvailabilityTarget, Calendar, Outage, Priority
>>> c = Contract(id="acme/web", calendars={"24x7": Calendar.always("UTC")},
...              priorities=[Priority(id="P1")],
...              availability=[AvailabilityTarget(name="uptime", calendar="24x7",
...                                               minimum=0.99)])
>>> day = datetime(2026, 6, 1, tzinfo=timezone.utc)
>>> c.availability[0].name, len(c.availability)
('uptime', 1)
>>> report = c.availability(outages=[Outage(start=day, end=day + timedelta(minutes=36))],
...                         start=day, end=day + timedelta(days=1))
>>> report.windows["uptime"].met
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, overload

from slacalc._clock.evaluate import evaluate_many, evaluate_ticket
from slacalc._clock.report import BatchReport, TicketReport
from slacalc._clock.statuses import StatusMap
from slacalc._clock.ticket import Ticket
from slacalc._contract.models import (
    AvailabilityTarget,
    ClockPolicy,
    ComplianceGoal,
    InterruptionLimit,
    Priority,
    Target,
)
from slacalc._contract.terms import ContractTerms
from slacalc._reports.availability import AvailabilityReport, availability
from slacalc._reports.outages import Outage

if TYPE_CHECKING:
    from slacalc._calendar.calendar import Calendar

__all__ = ["AvailabilityTargets", "Contract"]


class AvailabilityTargets(tuple[AvailabilityTarget, ...]):
    """A contract's availability targets: a tuple that, called, measures them.

    ``contract.availability(outages, start, end)`` is the uptime per target and the
    interruptions over ``[start, end)`` (SPEC 4). It equals and hashes as the plain tuple
    the field stores, and pickles and copies as that tuple.
    """

    _contract: ContractTerms

    def __call__(
        self,
        outages: Iterable[Outage | Mapping[str, Any]],
        start: datetime,
        end: datetime,
        *,
        at: datetime | None = None,
    ) -> AvailabilityReport:
        """Uptime per availability target and interruptions over ``[start, end)``; with
        ``at``, of a period in progress measured up to ``at`` (docs/error-budgets.md)."""
        return availability(self._contract, outages, start, end, at=at)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))


class _AvailabilityField:
    """Reads ``contract.availability`` as the stored tuple bound to the contract.

    A data descriptor on the class wins over the instance's ``__dict__``, where pydantic
    keeps the field's value, so the binding holds for a contract built by validation,
    ``model_construct``, ``model_copy``, ``copy``, ``deepcopy`` or ``pickle`` alike, and
    nothing is written into a frozen model.
    """

    @overload
    def __get__(self, contract: None, owner: type[Any]) -> _AvailabilityField: ...

    @overload
    def __get__(self, contract: ContractTerms, owner: type[Any]) -> AvailabilityTargets: ...

    def __get__(
        self, contract: ContractTerms | None, owner: type[Any]
    ) -> AvailabilityTargets | _AvailabilityField:
        if contract is None:
            return self
        bound = AvailabilityTargets(contract.__dict__.get("availability", ()))
        bound._contract = contract
        return bound

    def __set__(self, contract: ContractTerms, value: object) -> None:
        raise AttributeError("Contract is frozen: use model_copy(update={'availability': ...})")


class Contract(ContractTerms):
    """A vendor's service-level agreement as slacalc reads it.

    Its fields and lookups are those of the terms (``priority``, ``targets_for``,
    ``calendar_for``, ``zone``, ...); it adds ``evaluate``, ``evaluate_many`` and
    ``availability(outages, start, end)``. ``priorities`` are ordered most urgent first.

    >>> from datetime import timedelta
    >>> from slacalc import Calendar, Priority, Target
    >>> c = Contract(
    ...     id="acme/gold", vendor="Acme", name="Gold",
    ...     calendars={"office": Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")},
    ...     priorities=[Priority(id="P1", aliases=["urgent", "prio 1"]), Priority(id="P2")],
    ...     targets=[Target(metric="response", priority="P1", within=timedelta(hours=2),
    ...                     calendar="office")],
    ... )
    >>> c.priority("PRIO-1").id, [t.metric for t in c.targets_for("P1")]
    ('P1', ['response'])
    """

    statuses: StatusMap | None = None
    """How the contract reads a status history when a profile gives none; `None`: ask one."""

    if TYPE_CHECKING:
        # Read through the contract, the field is callable (see _AvailabilityField).
        availability: AvailabilityTargets
        """The uptime promises; called, `availability(outages, start, end)` measures them."""

        def __init__(
            self,
            *,
            id: str,
            vendor: str = "",
            name: str = "",
            source: str = "",
            valid_from: date | None = None,
            valid_to: date | None = None,
            calendars: Mapping[str, Calendar] = ...,
            priorities: Sequence[Priority],
            targets: Sequence[Target] = (),
            availability: Sequence[AvailabilityTarget] = (),
            interruption_limit: InterruptionLimit | None = None,
            compliance: Sequence[ComplianceGoal] = (),
            clock: ClockPolicy = ...,
            notes: Sequence[str] | str = (),
            statuses: StatusMap | None = None,
        ) -> None: ...

    def evaluate(self, ticket: Ticket, at: datetime | None = None) -> TicketReport:
        """The ticket's report per target as of ``at`` (default: now).

        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from slacalc import Ticket, contracts
        >>> ams = ZoneInfo("Europe/Amsterdam")
        >>> t = Ticket(id="T", priority="P1", opened_at=datetime(2026, 11, 23, 16, tzinfo=ams))
        >>> contracts.get("vioms/advanced").evaluate(t, at=t.opened_at).targets["response"].status
        <Status.RUNNING: 'running'>
        """
        return evaluate_ticket(self, ticket, at)

    def evaluate_many(
        self, tickets: Iterable[Ticket | dict[str, Any]], at: datetime | None = None
    ) -> BatchReport:
        """Evaluate many tickets; see :func:`slacalc.evaluate_many`."""
        return evaluate_many(self, tickets, at)


type.__setattr__(Contract, "availability", _AvailabilityField())
