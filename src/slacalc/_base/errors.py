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
    "InputError",
    "InvalidIntervalError",
    "NaiveDatetimeError",
    "OpenOutageError",
    "ProfileError",
    "SlacalcError",
    "TicketError",
    "UnknownContractError",
    "UnknownPriorityError",
    "UnknownProfileError",
    "unknown_contract_message",
]


class SlacalcError(Exception):
    """Base of every error slacalc raises on purpose."""


class CalendarError(SlacalcError, ValueError):
    """A calendar, window, duration or instant that slacalc cannot work with."""


class NaiveDatetimeError(SlacalcError, ValueError):
    """A datetime without a time zone where an absolute instant is needed."""


class InvalidIntervalError(SlacalcError, ValueError):
    """An interval whose end lies before its start."""


class OpenOutageError(InvalidIntervalError):
    """An outage still open (``end=None``) where no ``at`` says until when it lasts, or
    one that opens at or after ``at``."""


class TicketError(SlacalcError, ValueError):
    """A ticket whose events are inconsistent with each other or with the contract."""


class ContractError(SlacalcError, ValueError):
    """A contract definition that is malformed or inconsistent."""


class UnknownContractError(SlacalcError, LookupError):
    """A contract id that is not registered."""


class ProfileError(SlacalcError, ValueError):
    """A profile (how a ticketing tool's export reads) that is malformed or cannot be read."""


class UnknownProfileError(SlacalcError, LookupError):
    """A profile id that is neither built in nor registered."""


class UnknownPriorityError(ContractError, LookupError):
    """A priority name that matches no id or alias of the contract (or lacks a target)."""


def unknown_contract_message(contract_id: str, close: list[str]) -> str:
    """``unknown contract 'x'``, with the close matches if any: the one wording of this
    message (the registry, the command line and ticket rows add the fix in their words).

    >>> unknown_contract_message("reflex/basic", ["reflex/basis"])
    "unknown contract 'reflex/basic'; did you mean 'reflex/basis'?"
    """
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown contract {contract_id!r}{hint}"


class InputError(SlacalcError, ValueError):
    """A file that cannot be read as input at all (the command line: bad usage, exit 2).

    A bad row or event of a readable file is never this error: it is reported with its
    line and the rest is evaluated.
    """
