"""Staff profiles, PIN hashing, lockouts (fake clock), roles, deactivation, sign-in."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from pos_app.services.staff import (
    DEMO_SCRYPT,
    DEMO_STAFF,
    LOCKOUT,
    MAX_WRONG_PINS,
    STAFF_SCHEMA_VERSION,
    DuplicateNameError,
    InvalidNameError,
    InvalidPinError,
    LastManagerError,
    PinInUseError,
    PinOutcome,
    Role,
    ScryptParams,
    SignInSession,
    StaffDirectory,
    StaffError,
    StaffService,
    StaffStorageError,
    UnknownProfileError,
    journal_lockouts,
    pin_matches,
)
from pos_app.storage import PIN_LOCKOUT, AsyncJournal, Journal, StaffRef
from tests.helpers import FAST_SCRYPT, STAFF_PIN_KEY, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def staff(tmp_path: Path, clock: FakeClock) -> Iterator[StaffDirectory]:
    with StaffDirectory.open(
        tmp_path / "staff.sqlite3",
        pin_key=STAFF_PIN_KEY,
        clock=clock,
        monotonic=clock.monotonic,
        scrypt=FAST_SCRYPT,
    ) as directory:
        yield directory


# -- hashing ---------------------------------------------------------------------------------


def test_pins_are_stored_only_as_salted_scrypt_hashes(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "staff.sqlite3"
    with StaffDirectory.open(path, pin_key=STAFF_PIN_KEY, clock=clock) as directory:
        a = directory.add("Ann", Role.CASHIER, "482913")
        b = directory.add("Bob", Role.CASHIER, "482913")
    raw = path.read_bytes()
    assert b"482913" not in raw
    conn = sqlite3.connect(path)
    try:
        hashes = dict(conn.execute("SELECT id, pin_hash FROM staff").fetchall())
        assert conn.execute("PRAGMA user_version").fetchone()[0] == STAFF_SCHEMA_VERSION
    finally:
        conn.close()
    # Default parameters, and a different salt for the same PIN.
    assert hashes[a.profile_id].startswith("scrypt$32768$8$1$")
    assert hashes[a.profile_id] != hashes[b.profile_id]
    assert pin_matches("482913", hashes[a.profile_id], pin_key=STAFF_PIN_KEY)
    assert not pin_matches("482914", hashes[a.profile_id], pin_key=STAFF_PIN_KEY)
    assert not pin_matches("482913", hashes[a.profile_id], pin_key=None)
    assert not pin_matches("482913", "bcrypt$whatever", pin_key=STAFF_PIN_KEY)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", " 1234", "１２３４", "", "12 34"])
def test_pin_must_be_four_to_eight_ascii_digits(staff: StaffDirectory, pin: str) -> None:
    with pytest.raises(InvalidPinError) as info:
        staff.add("Ann", Role.CASHIER, pin)
    if pin.strip():
        assert pin not in str(info.value)


def test_pin_is_never_logged(
    staff: StaffDirectory, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    ann = staff.add("Ann", Role.MANAGER, "739146")
    staff.verify_pin(ann.profile_id, "739146")
    for _ in range(MAX_WRONG_PINS):
        staff.verify_pin(ann.profile_id, "8642")
    staff.reset_pin(ann.profile_id, "55667788")
    staff.verify_manager_pin("55667788")
    text = caplog.text
    assert caplog.records
    for pin in ("739146", "8642", "55667788"):
        assert pin not in text


def test_older_hash_parameters_are_upgraded_on_a_right_pin(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "staff.sqlite3"
    with StaffDirectory.open(
        path, pin_key=STAFF_PIN_KEY, clock=clock, monotonic=clock.monotonic, scrypt=FAST_SCRYPT
    ) as directory:
        ann = directory.add("Ann", Role.CASHIER, "1234")
    stronger = ScryptParams(n=2**9, r=8, p=1)
    with StaffDirectory.open(
        path, pin_key=STAFF_PIN_KEY, clock=clock, scrypt=stronger
    ) as directory:
        assert directory.verify_pin(ann.profile_id, "1234").accepted
    conn = sqlite3.connect(path)
    try:
        stored = conn.execute("SELECT pin_hash FROM staff").fetchone()[0]
    finally:
        conn.close()
    assert stored.startswith("scrypt$512$8$1$")
    assert pin_matches("1234", stored, pin_key=STAFF_PIN_KEY)


# -- profiles and roles ----------------------------------------------------------------------


def test_add_rename_change_role_reset_pin(staff: StaffDirectory) -> None:
    assert not staff.has_any_staff()
    assert not staff.has_any_manager()
    ann = staff.add("  Ann   de Vries ", "cashier", "1234")
    assert ann.name == "Ann de Vries"
    assert ann.role is Role.CASHIER
    assert ann.active
    assert staff.has_any_staff()
    assert not staff.has_any_manager()
    assert staff.rename(ann.profile_id, "Ann Bakker").name == "Ann Bakker"
    assert staff.change_role(ann.profile_id, Role.MANAGER).is_manager
    assert staff.has_any_manager()
    staff.reset_pin(ann.profile_id, "987650")
    assert not staff.verify_pin(ann.profile_id, "1234").accepted
    check = staff.verify_pin(ann.profile_id, "987650")
    assert check.accepted
    assert check.profile is not None
    assert check.profile.ref == StaffRef(profile_id=ann.profile_id, name="Ann Bakker")


def test_names_are_unique_among_active_profiles(staff: StaffDirectory) -> None:
    ann = staff.add("Ann", Role.MANAGER, "123456")
    staff.add("Bob", Role.MANAGER, "567890")
    with pytest.raises(DuplicateNameError):
        staff.add("ANN", Role.CASHIER, "1111")
    bea = staff.add("Bea", Role.CASHIER, "1111")
    with pytest.raises(DuplicateNameError):
        staff.rename(bea.profile_id, "ann")
    # Once Ann left, the name is free again; the old profile stays for the journal's sake.
    staff.deactivate(ann.profile_id)
    staff.add("Ann", Role.CASHIER, "2222")
    names = [(p.name, p.active) for p in staff.profiles(include_inactive=True)]
    assert names == [("Ann", True), ("Bea", True), ("Bob", True), ("Ann", False)]
    assert [p.name for p in staff.profiles()] == ["Ann", "Bea", "Bob"]


@pytest.mark.parametrize("name", ["", "   ", "a\x07b", "x" * 41])
def test_invalid_names(staff: StaffDirectory, name: str) -> None:
    with pytest.raises(InvalidNameError):
        staff.add(name, Role.CASHIER, "1234")


def test_the_last_manager_cannot_be_removed_or_demoted(staff: StaffDirectory) -> None:
    max_ = staff.add("Max", Role.MANAGER, "123456")
    with pytest.raises(LastManagerError):
        staff.deactivate(max_.profile_id)
    with pytest.raises(LastManagerError):
        staff.change_role(max_.profile_id, Role.CASHIER)
    eva = staff.add("Eva", Role.MANAGER, "567890")
    staff.change_role(max_.profile_id, Role.CASHIER)
    with pytest.raises(LastManagerError):
        staff.deactivate(eva.profile_id)


def test_deactivated_profiles_cannot_sign_in_or_approve(staff: StaffDirectory) -> None:
    staff.add("Max", Role.MANAGER, "123456")
    eva = staff.add("Eva", Role.MANAGER, "567890")
    staff.deactivate(eva.profile_id)
    assert staff.verify_pin(eva.profile_id, "567890").outcome is PinOutcome.INACTIVE
    assert staff.verify_manager_pin("567890").outcome is PinOutcome.WRONG
    with pytest.raises(StaffError):
        staff.rename(eva.profile_id, "Eve")
    with pytest.raises(UnknownProfileError):
        staff.profile("nobody")
    assert staff.verify_pin("nobody", "1234").outcome is PinOutcome.INACTIVE


def test_cashier_pin_is_not_a_manager_pin(staff: StaffDirectory) -> None:
    staff.add("Max", Role.MANAGER, "123456")
    staff.add("Cas", Role.CASHIER, "4321")
    assert staff.verify_manager_pin("4321").outcome is PinOutcome.WRONG
    check = staff.verify_manager_pin("123456")
    assert check.accepted
    assert check.profile is not None
    assert check.profile.name == "Max"


def test_two_managers_cannot_share_a_pin(staff: StaffDirectory) -> None:
    max_ = staff.add("Max", Role.MANAGER, "123456")
    with pytest.raises(PinInUseError):
        staff.add("Eva", Role.MANAGER, "123456")
    eva = staff.add("Eva", Role.MANAGER, "999999")
    with pytest.raises(PinInUseError):
        staff.reset_pin(eva.profile_id, "123456")
    staff.reset_pin(max_.profile_id, "123456")  # one's own PIN again is fine
    # A cashier with the same PIN made manager: approval cannot say who approved.
    cas = staff.add("Cas", Role.CASHIER, "123456")
    staff.change_role(cas.profile_id, Role.MANAGER)
    assert staff.verify_manager_pin("123456").outcome is PinOutcome.AMBIGUOUS
    staff.reset_pin(cas.profile_id, "444444")
    assert staff.verify_manager_pin("123456").accepted


def test_demo_staff(staff: StaffDirectory) -> None:
    made = staff.add_demo_staff()
    assert [(p.name, p.role) for p in made] == [(d.name, d.role) for d in DEMO_STAFF]
    assert staff.add_demo_staff() == []  # only into an empty database
    for demo, profile in zip(DEMO_STAFF, made, strict=True):
        assert staff.verify_pin(profile.profile_id, demo.pin).accepted
    manager = next(d for d in DEMO_STAFF if d.role is Role.MANAGER)
    assert staff.verify_manager_pin(manager.pin).accepted


def test_demo_pins_are_hashed_at_the_lighter_cost_until_first_used(tmp_path: Path) -> None:
    """The demo's start does not wait for full-cost hashes of PINs the README prints."""
    path = tmp_path / "staff.sqlite3"
    with StaffDirectory.open(path, pin_key=STAFF_PIN_KEY) as staff:
        made = staff.add_demo_staff()
        cashier = next(p for p in made if p.role is Role.CASHIER)
        pin = next(d.pin for d in DEMO_STAFF if d.role is Role.CASHIER)
        assert _stored_costs(path) == {f"scrypt${DEMO_SCRYPT.n}$8$1"}
        assert staff.verify_pin(cashier.profile_id, pin).accepted
    full = ScryptParams()
    # The cashier's PIN was used: rewritten at the full cost; the manager's was not.
    assert _stored_costs(path) == {
        f"scrypt${full.n}${full.r}${full.p}",
        f"scrypt${DEMO_SCRYPT.n}$8$1",
    }
    assert full.n == 8 * DEMO_SCRYPT.n


def _stored_costs(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT pin_hash FROM staff").fetchall()
    return {"$".join(row[0].split("$")[:4]) for row in rows}


# -- lockout ---------------------------------------------------------------------------------


def test_five_wrong_pins_in_a_row_lock_a_profile_for_five_minutes(
    staff: StaffDirectory, clock: FakeClock
) -> None:
    ann = staff.add("Ann", Role.CASHIER, "1234")
    lefts = []
    for _ in range(MAX_WRONG_PINS - 1):
        check = staff.verify_pin(ann.profile_id, "9999")
        assert check.outcome is PinOutcome.WRONG
        assert check.lockout is None
        lefts.append(check.attempts_left)
    assert lefts == [4, 3, 2, 1]
    fifth = staff.verify_pin(ann.profile_id, "9999")
    assert fifth.outcome is PinOutcome.LOCKED
    assert fifth.lock_left == LOCKOUT
    assert fifth.locked_until == clock.now + LOCKOUT
    assert fifth.lockout is not None
    assert fifth.lockout.staff == StaffRef(profile_id=ann.profile_id, name="Ann")
    assert "5 wrong PINs for Ann since their last right one" in fifth.lockout.note
    assert "9999" not in fifth.lockout.note
    # Even the right PIN is refused while locked, and is not counted.
    clock.advance(LOCKOUT - timedelta(seconds=1))
    locked = staff.verify_pin(ann.profile_id, "1234")
    assert locked.outcome is PinOutcome.LOCKED
    assert locked.lockout is None
    assert staff.profile(ann.profile_id).is_locked(clock.now)
    clock.advance(timedelta(seconds=1))
    assert not staff.profile(ann.profile_id).is_locked(clock.now)
    assert staff.verify_pin(ann.profile_id, "1234").accepted


def test_a_right_pin_resets_the_count(staff: StaffDirectory) -> None:
    ann = staff.add("Ann", Role.CASHIER, "1234")
    for _ in range(MAX_WRONG_PINS - 1):
        staff.verify_pin(ann.profile_id, "0000")
    assert staff.verify_pin(ann.profile_id, "1234").accepted
    assert staff.lock_state(ann.profile_id) == (0, None)
    for _ in range(MAX_WRONG_PINS - 1):
        assert staff.verify_pin(ann.profile_id, "0000").outcome is PinOutcome.WRONG


def test_after_the_lock_a_fresh_series_starts(staff: StaffDirectory, clock: FakeClock) -> None:
    ann = staff.add("Ann", Role.CASHIER, "1234")
    for _ in range(MAX_WRONG_PINS):
        staff.verify_pin(ann.profile_id, "0000")
    clock.advance(LOCKOUT)
    check = staff.verify_pin(ann.profile_id, "0000")
    assert check.outcome is PinOutcome.WRONG
    assert check.attempts_left == MAX_WRONG_PINS - 1
    assert check.next_lock == 2 * LOCKOUT


def test_reset_pin_lifts_the_lock(staff: StaffDirectory) -> None:
    ann = staff.add("Ann", Role.CASHIER, "1234")
    for _ in range(MAX_WRONG_PINS):
        staff.verify_pin(ann.profile_id, "0000")
    staff.reset_pin(ann.profile_id, "2345")
    assert staff.verify_pin(ann.profile_id, "2345").accepted


def test_the_lock_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "staff.sqlite3"
    with StaffDirectory.open(
        path, pin_key=STAFF_PIN_KEY, clock=clock, monotonic=clock.monotonic, scrypt=FAST_SCRYPT
    ) as directory:
        ann = directory.add("Ann", Role.CASHIER, "1234")
        for _ in range(MAX_WRONG_PINS):
            directory.verify_pin(ann.profile_id, "0000")
    with StaffDirectory.open(
        path, pin_key=STAFF_PIN_KEY, clock=clock, monotonic=clock.monotonic, scrypt=FAST_SCRYPT
    ) as directory:
        assert directory.verify_pin(ann.profile_id, "1234").outcome is PinOutcome.LOCKED


def test_wrong_manager_pins_lock_the_manager(staff: StaffDirectory, clock: FakeClock) -> None:
    max_ = staff.add("Max", Role.MANAGER, "123456")
    cashier = StaffRef(profile_id="p-cas", name="Cas")
    for left in range(MAX_WRONG_PINS - 1, 0, -1):
        check = staff.verify_manager_pin("000000", asked_by=cashier)
        assert check.outcome is PinOutcome.WRONG
        assert check.attempts_left == left
    check = staff.verify_manager_pin("000000", asked_by=cashier)
    assert check.outcome is PinOutcome.LOCKED
    assert check.lockout is not None
    assert check.lockout.staff == cashier
    assert check.lockout.key == max_.profile_id
    assert "manager approval" in check.lockout.note
    assert staff.verify_manager_pin("123456").outcome is PinOutcome.LOCKED
    assert staff.verify_pin(max_.profile_id, "123456").outcome is PinOutcome.LOCKED
    clock.advance(LOCKOUT)
    assert staff.verify_manager_pin("123456").accepted


def test_a_locked_manager_is_not_confirmed_by_approval(
    staff: StaffDirectory, clock: FakeClock
) -> None:
    """A right guess for a locked manager answers "wrong", not "locked": no PIN oracle."""
    max_ = staff.add("Max", Role.MANAGER, "123456")
    staff.add("Eva", Role.MANAGER, "567890")
    for _ in range(MAX_WRONG_PINS):
        staff.verify_pin(max_.profile_id, "0000")
    assert staff.verify_manager_pin("123456").outcome is PinOutcome.WRONG
    clock.advance(LOCKOUT)
    assert staff.verify_manager_pin("123456").accepted


# -- storage ---------------------------------------------------------------------------------


def test_not_a_staff_database(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StaffStorageError):
        StaffDirectory.open(path, pin_key=STAFF_PIN_KEY)


def test_a_newer_staff_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "staff.sqlite3"
    StaffDirectory.open(path, pin_key=STAFF_PIN_KEY).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {STAFF_SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StaffStorageError, match="newer version"):
        StaffDirectory.open(path, pin_key=STAFF_PIN_KEY)


def test_the_staff_database_is_as_crash_safe_as_the_journal(staff: StaffDirectory) -> None:
    # A lock count lost in a power cut would hand a guesser a fresh series of tries.
    conn = staff._connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA fullfsync").fetchone()[0] == 1
    assert conn.execute("PRAGMA checkpoint_fullfsync").fetchone()[0] == 1


def test_a_file_where_the_data_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StaffStorageError, match=f"The data folder {blocker} is not a folder"):
        StaffDirectory.open(blocker / "staff.sqlite3", pin_key=STAFF_PIN_KEY)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "staff.sqlite3"
    path.write_text("shopping list\n" * 100, encoding="utf-8")
    with pytest.raises(StaffStorageError, match="not a staff database"):
        StaffDirectory.open(path, pin_key=STAFF_PIN_KEY)
    assert path.read_text(encoding="utf-8") == "shopping list\n" * 100


def test_a_newer_staff_database_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "staff.sqlite3"
    StaffDirectory.open(path, pin_key=STAFF_PIN_KEY).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {STAFF_SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StaffStorageError, match="newer version"):
        StaffDirectory.open(path, pin_key=STAFF_PIN_KEY)
    assert path.read_bytes() == before


# -- the async service and the journal -------------------------------------------------------


@pytest.mark.asyncio
async def test_service_journals_lockouts(tmp_path: Path, clock: FakeClock) -> None:
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="c")
    service = await StaffService.open(
        tmp_path / "staff.sqlite3",
        pin_key=STAFF_PIN_KEY,
        on_lockout=journal_lockouts(journal),
        clock=clock,
        monotonic=clock.monotonic,
        scrypt=FAST_SCRYPT,
    )
    try:
        ann = await service.call(StaffDirectory.add, "Ann", Role.CASHIER, "1234")
        await service.call(StaffDirectory.add, "Max", Role.MANAGER, "567890")
        assert await service.call(StaffDirectory.has_any_manager)
        for _ in range(MAX_WRONG_PINS):
            await service.verify_pin(ann.profile_id, "8642")
        for _ in range(MAX_WRONG_PINS):
            await service.verify_manager_pin("864200", asked_by=ann.ref)
        events = await journal.call(Journal.events, kind=PIN_LOCKOUT)
        assert [(e.staff_id, e.staff_name) for e in reversed(events)] == [
            (ann.profile_id, "Ann"),
            (ann.profile_id, "Ann"),
        ]
        assert "profile locked" in (events[1].note or "")
        assert "manager approval" in (events[0].note or "")
        assert (await journal.call(Journal.verify)).ok
    finally:
        await service.aclose()
        await journal.aclose()
    with Journal.open_read_only(tmp_path / "journal.sqlite3") as plain:
        assert all("8642" not in (entry.note or "") for entry in plain.entries())
        assert "Max" in (events[0].note or "")


@pytest.mark.asyncio
async def test_a_journal_failure_does_not_undo_the_lock(tmp_path: Path, clock: FakeClock) -> None:
    async def broken(staff: StaffRef | None, note: str) -> None:
        raise OSError("disk full")

    service = await StaffService.open(
        tmp_path / "staff.sqlite3",
        pin_key=STAFF_PIN_KEY,
        on_lockout=broken,
        clock=clock,
        monotonic=clock.monotonic,
        scrypt=FAST_SCRYPT,
    )
    try:
        ann = await service.call(StaffDirectory.add, "Ann", Role.CASHIER, "1234")
        for _ in range(MAX_WRONG_PINS):
            check = await service.verify_pin(ann.profile_id, "0000")
        assert check.outcome is PinOutcome.LOCKED
        assert (await service.verify_pin(ann.profile_id, "1234")).outcome is PinOutcome.LOCKED
    finally:
        await service.aclose()
    with pytest.raises(StaffStorageError):
        await service.call(StaffDirectory.profiles)


# -- sign-in ---------------------------------------------------------------------------------


def test_sign_in_session_signs_out_when_idle(staff: StaffDirectory, clock: FakeClock) -> None:
    ann = staff.add("Ann", Role.CASHIER, "1234")
    session = SignInSession(idle_after=timedelta(minutes=10), clock=clock)
    assert session.staff is None
    assert not session.is_idle()  # nobody to sign out
    session.sign_in(ann)
    assert session.staff == ann.ref
    clock.advance(timedelta(minutes=9))
    session.touch()
    clock.advance(timedelta(minutes=9))
    assert not session.is_idle()
    assert session.sign_out_if_idle() is None
    clock.advance(timedelta(minutes=1))
    assert session.is_idle()
    assert session.sign_out_if_idle() == ann
    assert session.profile is None
    assert session.sign_out() is None
