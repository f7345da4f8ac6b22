"""The contract terms: priorities, targets, availability targets, compliance goals, the
clock policy, and the lookups on them (a priority by name, the targets of a ticket, the
calendar a target's clock runs on, the contract's zone).

The public :class:`slacalc.Contract` adds the questions (evaluate, availability) on top
of these terms in ``slacalc._facade``. Imports ``slacalc._calendar`` and below.
"""
