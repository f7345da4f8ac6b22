"""The base layer: the error hierarchy and the frozen mapping and caches every layer uses.

Imports nothing of slacalc. See docs/architecture.md for the layers above it.
"""
