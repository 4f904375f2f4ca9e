"""Small test doubles shared across the suite."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from keyring.backend import KeyringBackend

from pos_app.services.staff import ScryptParams, StaffService

#: The staff PIN key a test's staff file is opened with (the app takes one from the keyring).
STAFF_PIN_KEY = bytes(range(32))
#: Cheap PIN hashes keep the suite fast; one test checks the real defaults.
FAST_SCRYPT = ScryptParams(n=2**8, r=8, p=1)


async def wait_until(condition: Callable[[], object], within: float = 10.0) -> None:
    """Let the one loop run until ``condition`` holds (never qtbot.wait in a coroutine).

    ``within`` is generous on purpose: on a loaded two-core CI machine a dialog can take
    seconds to come up; a condition that never holds still fails.
    """
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.002)


@asynccontextmanager
async def staff_service(path: Path) -> AsyncIterator[StaffService]:
    """A staff list at ``path`` with the test PIN key and cheap hashes, closed afterwards."""
    service = await StaffService.open(path, pin_key=STAFF_PIN_KEY, scrypt=FAST_SCRYPT)
    try:
        yield service
    finally:
        await service.aclose()


class MemoryKeyring(KeyringBackend):
    """An OS keyring that lives in a dict."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


class FakeClock:
    """A PC's wall clock and, for one app run, its monotonic clock (staff locks use both)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        self.mono = 1000.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.mono

    def advance(self, delta: timedelta) -> None:
        """Time passes while the app runs."""
        self.now += delta
        self.mono += delta.total_seconds()

    def set_wall_clock(self, delta: timedelta) -> None:
        """Someone moves the PC's clock; no time passes."""
        self.now += delta

    def new_process(self) -> None:
        """A restart: the monotonic clock of the new process starts somewhere else."""
        self.mono = 17.0


class RetryWaits:
    """The API clients' waits between retries, recorded instead of slept.

    For tests of what a person sees when a service has trouble: the retries still happen, over
    real HTTP, but nobody waits out the backoff (tests/api checks the backoff itself).
    """

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        await asyncio.sleep(0)  # a wait still lets the loop run, as a real one would
