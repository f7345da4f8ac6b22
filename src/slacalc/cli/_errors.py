"""The one error of the command line: bad usage (one line on stderr, exit status 2)."""

from __future__ import annotations

__all__ = ["UsageError"]


class UsageError(Exception):
    """Bad usage: reported as one line on stderr, exit status 2."""
