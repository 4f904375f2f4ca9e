"""Small helpers for the services' own asyncio tasks."""

from __future__ import annotations

import asyncio
from typing import Any


def discard(task: asyncio.Future[Any]) -> None:
    """Stop waiting for ``task``: cancel it if it runs, and take its outcome either way,
    so that no "exception was never retrieved" is left behind."""
    task.cancel()
    task.add_done_callback(lambda done: done.cancelled() or done.exception())
