"""Shared test set-up: hypothesis profiles (``CI=true`` selects the deterministic one)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=200,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "dev")

# tests/typing/ holds a user's script that tests/test_typing.py type-checks and runs in a
# subprocess; importing it here would run it inside the test session.
collect_ignore_glob = ["typing/*"]
