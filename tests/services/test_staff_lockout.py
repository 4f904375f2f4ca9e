"""Wrong PINs: escalating locks that outlast restarts and clock changes, one count per person.

The lock is served in time the app was running, measured with a monotonic clock: the fake
clock below moves the wall clock and the monotonic clock together (time passing) or the
wall clock alone (someone changing the PC's clock).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos_app.services.staff import (
    LOCKOUT,
    LOCKOUT_CAP,
    MAX_WRONG_PINS,
    PinOutcome,
    Role,
    StaffDirectory,
    lock_duration,
)
from pos_app.storage import StaffRef
from tests.helpers import FAST_SCRYPT, STAFF_PIN_KEY, FakeClock

MANAGER_PIN = "135790"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def open_directory(path: Path, clock: FakeClock) -> StaffDirectory:
    return StaffDirectory.open(
        path, pin_key=STAFF_PIN_KEY, clock=clock, monotonic=clock.monotonic, scrypt=FAST_SCRYPT
    )


@pytest.fixture
def staff(tmp_path: Path, clock: FakeClock) -> Iterator[StaffDirectory]:
    with open_directory(tmp_path / "staff.sqlite3", clock) as directory:
        yield directory


def lock(staff: StaffDirectory, profile_id: str, tries: int = MAX_WRONG_PINS) -> None:
    for _ in range(tries):
        staff.verify_pin(profile_id, "0000")


def test_locks_double_with_every_further_series_up_to_a_day(
    staff: StaffDirectory, clock: FakeClock
) -> None:
    ann = staff.add("Ann", Role.CASHIER, "1234")
    served = []
    for series in range(12):
        for attempt in range(1, MAX_WRONG_PINS):
            check = staff.verify_pin(ann.profile_id, "0000")
            assert check.outcome is PinOutcome.WRONG, (series, attempt)
            assert check.attempts_left == MAX_WRONG_PINS - attempt
            assert check.next_lock == lock_duration(series + 1)
        locked = staff.verify_pin(ann.profile_id, "0000")
        assert locked.outcome is PinOutcome.LOCKED
        assert locked.lock_left is not None
        served.append(locked.lock_left)
        assert locked.lockout is not None
        assert "1234" not in locked.lockout.note
        assert "0000" not in locked.lockout.note
        # Still locked a second before the end, even for the right PIN.
        clock.advance(locked.lock_left - timedelta(seconds=1))
        assert staff.verify_pin(ann.profile_id, "1234").outcome is PinOutcome.LOCKED
        clock.advance(timedelta(seconds=1))
    minutes = [round(left.total_seconds() / 60) for left in served]
    assert minutes == [5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440, 1440]
    assert served[0] == LOCKOUT
    assert max(served) == LOCKOUT_CAP
    # Only a right PIN starts the count again.
    assert staff.verify_pin(ann.profile_id, "1234").accepted
    lock(staff, ann.profile_id)
    again = staff.verify_pin(ann.profile_id, "1234")
    assert again.outcome is PinOutcome.LOCKED
    assert again.lock_left == LOCKOUT


def test_moving_the_clock_forward_does_not_unlock(staff: StaffDirectory, clock: FakeClock) -> None:
    ann = staff.add("Ann", Role.CASHIER, "1234")
    lock(staff, ann.profile_id)
    clock.set_wall_clock(timedelta(hours=1))
    check = staff.verify_pin(ann.profile_id, "1234")
    assert check.outcome is PinOutcome.LOCKED
    assert check.lock_left == LOCKOUT
    assert staff.profile(ann.profile_id).is_locked(clock.now)
    # Moving it back does not lengthen the lock either.
    clock.set_wall_clock(timedelta(hours=-3))
    clock.advance(LOCKOUT)
    assert staff.verify_pin(ann.profile_id, "1234").accepted


def test_a_restart_with_the_clock_moved_forward_keeps_the_lock(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "staff.sqlite3"
    with open_directory(path, clock) as directory:
        ann = directory.add("Ann", Role.CASHIER, "1234")
        lock(directory, ann.profile_id)
        clock.advance(timedelta(minutes=2))
    # The app is closed; its clock is set an hour ahead; it is started again.
    clock.new_process()
    clock.set_wall_clock(timedelta(hours=1))
    with open_directory(path, clock) as directory:
        check = directory.verify_pin(ann.profile_id, "1234")
        assert check.outcome is PinOutcome.LOCKED
        # The two minutes served before closing count; the hour of clock change does not.
        assert check.lock_left == LOCKOUT - timedelta(minutes=2)
        clock.advance(timedelta(minutes=3))
        assert directory.verify_pin(ann.profile_id, "1234").accepted


def test_the_escalation_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "staff.sqlite3"
    with open_directory(path, clock) as directory:
        ann = directory.add("Ann", Role.CASHIER, "1234")
        lock(directory, ann.profile_id)
        clock.advance(LOCKOUT)
    clock.new_process()
    with open_directory(path, clock) as directory:
        lock(directory, ann.profile_id)
        check = directory.verify_pin(ann.profile_id, "1234")
        assert check.lock_left == 2 * LOCKOUT


def test_manager_approval_counts_against_the_managers_own_profiles(
    staff: StaffDirectory, clock: FakeClock
) -> None:
    """A PIN typed without a name is a guess at every manager's PIN: each of them pays."""
    max_ = staff.add("Max", Role.MANAGER, MANAGER_PIN)
    eva = staff.add("Eva", Role.MANAGER, "864200")
    cashier = StaffRef(profile_id="p-cas", name="Cas")
    # Two wrong sign-ins as Max, then approval guesses: Max has 3 tries left, not 5 or 10.
    lock(staff, max_.profile_id, tries=2)
    for left in (2, 1):
        check = staff.verify_manager_pin("000000", asked_by=cashier)
        assert check.outcome is PinOutcome.WRONG
        assert check.attempts_left == left
    check = staff.verify_manager_pin("000000", asked_by=cashier)
    # Max is locked now; Eva (two wrong approvals left) still can approve.
    assert check.outcome is PinOutcome.WRONG
    assert check.attempts_left == 2
    assert [lockout.staff for lockout in check.lockouts] == [cashier]
    assert "Max" in check.lockouts[0].note
    assert "manager approval" in check.lockouts[0].note
    assert staff.verify_pin(max_.profile_id, MANAGER_PIN).outcome is PinOutcome.LOCKED
    # Max's right PIN at approval is refused without saying it was right.
    assert staff.verify_manager_pin(MANAGER_PIN).outcome is PinOutcome.WRONG
    staff.verify_manager_pin("000000")
    last = staff.verify_manager_pin("000000")
    assert last.outcome is PinOutcome.LOCKED
    assert staff.profile(eva.profile_id).is_locked(clock.now)
    assert staff.verify_manager_pin("864200").outcome is PinOutcome.LOCKED
    # The approval budget is spent: no more hashes are tried until a lock is served.
    clock.advance(LOCKOUT)
    assert staff.verify_manager_pin("864200").accepted


def test_a_right_approval_pin_resets_only_that_managers_count(staff: StaffDirectory) -> None:
    max_ = staff.add("Max", Role.MANAGER, MANAGER_PIN)
    eva = staff.add("Eva", Role.MANAGER, "864200")
    staff.verify_manager_pin("000000")
    assert staff.verify_manager_pin(MANAGER_PIN).accepted
    assert staff.lock_state(max_.profile_id)[0] == 0
    assert staff.lock_state(eva.profile_id)[0] == 1


def test_reset_pin_lifts_the_lock_and_the_count(staff: StaffDirectory) -> None:
    ann = staff.add("Ann", Role.CASHIER, "1234")
    lock(staff, ann.profile_id, tries=2 * MAX_WRONG_PINS)
    staff.reset_pin(ann.profile_id, "2345")
    assert staff.lock_state(ann.profile_id) == (0, None)
    assert staff.verify_pin(ann.profile_id, "2345").accepted


def test_a_lock_running_when_the_app_is_upgraded_is_kept(tmp_path: Path, clock: FakeClock) -> None:
    """A staff file of schema 1 (fixed locks by wall clock, a separate approval count)."""
    path = tmp_path / "staff.sqlite3"
    with open_directory(path, clock) as directory:
        ann = directory.add("Ann", Role.CASHIER, "1234")
        bob = directory.add("Bob", Role.CASHIER, "5678")
    later = datetime.now(UTC) + timedelta(minutes=3)
    conn = sqlite3.connect(path)
    conn.executescript(
        f"""
        ALTER TABLE pin_guard DROP COLUMN lock_left;
        ALTER TABLE pin_guard DROP COLUMN lock_run;
        ALTER TABLE pin_guard DROP COLUMN lock_mono;
        PRAGMA user_version = 1;
        INSERT INTO pin_guard (key, failures, locked_until)
            VALUES ('{ann.profile_id}', 0, '{later.isoformat()}'),
                   ('{bob.profile_id}', 0, '2020-01-01T09:00:00.000000+00:00'),
                   ('manager-approval', 4, NULL);
        """
    )
    conn.close()
    with open_directory(path, clock) as directory:
        check = directory.verify_pin(ann.profile_id, "1234")
        assert check.outcome is PinOutcome.LOCKED
        assert check.lock_left == LOCKOUT
        assert directory.verify_pin(bob.profile_id, "5678").accepted
        assert directory.lock_state("manager-approval") == (0, None)
        # The next lock of Ann's is her second.
        clock.advance(LOCKOUT)
        lock(directory, ann.profile_id)
        assert directory.verify_pin(ann.profile_id, "1234").lock_left == 2 * LOCKOUT
