"""The one error hierarchy of slacalc.

Every error slacalc raises on purpose is a :class:`SlacalcError`. Each subclass also
inherits the built-in error a caller would naturally catch, so ``except ValueError``
keeps working for code that does not know slacalc:

>>> issubclass(CalendarError, ValueError) and issubclass(CalendarError, SlacalcError)
True
>>> issubclass(UnknownContractError, LookupError)
True
"""

from __future__ import annotations

__all__ = [
    "CalendarError",
    "ContractError",
    "InvalidIntervalError",
    "NaiveDatetimeError",
    "SlacalcError",
    "TicketError",
    "UnknownContractError",
    "UnknownPriorityError",
]


class SlacalcError(Exception):
    """Base of every error slacalc raises on purpose."""


class CalendarError(SlacalcError, ValueError):
    """A calendar, window, duration or instant that slacalc cannot work with."""


class NaiveDatetimeError(SlacalcError, ValueError):
    """A datetime without a time zone where an absolute instant is needed."""


class InvalidIntervalError(SlacalcError, ValueError):
    """An interval whose end lies before its start."""


class TicketError(SlacalcError, ValueError):
    """A ticket whose events are inconsistent with each other or with the contract."""


class ContractError(SlacalcError, ValueError):
    """A contract definition that is malformed or inconsistent."""


class UnknownContractError(SlacalcError, LookupError):
    """A contract id that is not registered."""


class UnknownPriorityError(ContractError, LookupError):
    """A priority name that matches no id or alias of the contract (or lacks a target)."""
