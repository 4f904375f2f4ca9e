"""The repeat-scan lock on its own: which reads of a code start a lookup."""

from __future__ import annotations

from pos_app.services.scan_lock import REPEAT_LOCK_SECONDS, RepeatScanLock


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_same_value_is_locked_while_its_lookup_runs_however_long() -> None:
    clock = Clock()
    lock = RepeatScanLock(clock=clock)
    assert lock.admit("CARD-1")
    clock.now += 60  # a slow server: still the same customer coming
    assert not lock.admit("CARD-1")


def test_the_lock_runs_from_the_end_of_the_lookup_for_its_time() -> None:
    clock = Clock()
    lock = RepeatScanLock(clock=clock)
    assert lock.admit("CARD-1")
    clock.now += 5
    lock.ended("CARD-1", found=True)
    clock.now += REPEAT_LOCK_SECONDS - 0.01
    assert not lock.admit("CARD-1")
    clock.now += 0.02
    assert lock.admit("CARD-1")


def test_another_value_is_admitted_and_takes_the_lock() -> None:
    lock = RepeatScanLock(clock=Clock())
    assert lock.admit("CARD-1")
    assert lock.admit("CARD-2")
    assert not lock.admit("CARD-2")
    # The first one's lookup was replaced; its end says nothing about the second.
    lock.ended("CARD-1", found=False)
    assert not lock.admit("CARD-2")
    assert lock.admit("CARD-1")


def test_a_failed_lookup_or_a_release_admits_the_same_value_again() -> None:
    lock = RepeatScanLock(clock=Clock())
    assert lock.admit("CARD-1")
    lock.ended("CARD-1", found=False)
    assert lock.admit("CARD-1")
    lock.release()
    assert lock.admit("CARD-1")
