"""The app's one wall clock: timezone-aware UTC. Code that tells time takes a ``clock``
argument defaulting to :func:`utc_now`, so tests can hand in their own."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["utc_now"]


def utc_now() -> datetime:
    return datetime.now(UTC)
