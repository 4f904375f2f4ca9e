"""One lookup per card held under the scanner: the same code again right away is ignored.

A hand scanner reads a card twice when the trigger is pressed twice or the card is held
under an auto-sensing scanner; a camera sees the same code in frame after frame. Each read
arrives as a new scan. :class:`RepeatScanLock` tells the counter which of them are the same
customer still at the counter: the same value while its lookup runs, and for
:data:`REPEAT_LOCK_SECONDS` after it ended (as Piggy's own store app does). Any other value
starts its lookup at once; so does the same value once the lock time is over.

Every input path asks the one lock of its counter (:attr:`CounterSession.repeat_scans
<pos_app.services.counter.CounterSession.repeat_scans>`), so a card read by the camera and
then by the hand scanner is one lookup too.

:class:`ScanLock` comes before it for the camera: a code held in front of the camera is in
every picture, so the same value is refused while it was seen less than
:data:`LOCK_SECONDS` ago, and only a code shown again after that reaches the counter.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

#: Seconds after a lookup ended in which the same value again is the same customer.
REPEAT_LOCK_SECONDS: Final = 2.5

#: How long the same code is not read again, counted from the last picture it was seen in:
#: a customer holding their phone still is one scan; taken away and shown again after
#: this long, it is a new one. Another code is read at once.
LOCK_SECONDS: Final = 5.0


class RepeatScanLock:
    """Which scans start a lookup. ``clock``: monotonic seconds (injectable for tests)."""

    def __init__(
        self,
        seconds: float = REPEAT_LOCK_SECONDS,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self._clock = clock
        self._value: str | None = None
        #: When the lock of :attr:`_value` ends; None while its lookup runs.
        self._until: float | None = None

    def admit(self, value: str) -> bool:
        """Should ``value`` start a lookup? True takes the lock for it (until :meth:`ended`)."""
        if value == self._value and (self._until is None or self._clock() < self._until):
            return False
        self._value = value
        self._until = None
        return True

    def ended(self, value: str, *, found: bool) -> None:
        """The lookup of ``value`` ended: the lock runs on from now when it ``found`` its
        customer; after a failure a scan of the same value is a retry, admitted at once."""
        if value != self._value:
            return
        if found:
            self._until = self._clock() + self.seconds
        else:
            self.release()

    def release(self) -> None:
        """The customer left the screen (cancelled, wiped): the next scan is a new one."""
        self._value = None
        self._until = None


class ScanLock:
    """Admits a code unless the same one was seen less than ``seconds`` ago.

    Every sighting of the refused code counts as seen: a code that stays in view stays
    locked. ``clock`` is monotonic seconds (tests hand in their own).
    """

    def __init__(
        self, seconds: float = LOCK_SECONDS, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.seconds = seconds
        self._clock = clock
        self._value: str | None = None
        self._seen = 0.0

    def admit(self, value: str) -> bool:
        now = self._clock()
        same = value == self._value and now - self._seen < self.seconds
        self._value, self._seen = value, now
        return not same
