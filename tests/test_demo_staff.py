"""Demo mode comes with demo staff whose PINs the demo banner shows."""

from __future__ import annotations

from pathlib import Path

from pos_app.demo import DemoSession
from pos_app.services.staff import (
    DEMO_STAFF,
    MANAGER_PIN_MIN_LENGTH,
    Role,
    StaffDirectory,
    check_pin_format,
)


def test_demo_session_has_a_cashier_and_a_manager(tmp_path: Path) -> None:
    with DemoSession(data_dir=tmp_path / "demo") as session:
        assert session.info.staff == DEMO_STAFF
        assert {demo.role for demo in session.info.staff} == {Role.CASHIER, Role.MANAGER}
        key = session.secrets.staff_pin_key()
        with StaffDirectory.open(session.settings.staff_path, pin_key=key) as staff:
            profiles = staff.profiles()
            assert [p.name for p in profiles] == sorted(d.name for d in DEMO_STAFF)
            manager = next(d for d in DEMO_STAFF if d.role is Role.MANAGER)
            assert staff.verify_manager_pin(manager.pin).accepted
    # A kept data folder is not seeded twice, and its PINs verify with the same demo key.
    with (
        DemoSession(data_dir=tmp_path / "demo") as session,
        StaffDirectory.open(
            session.settings.staff_path, pin_key=session.secrets.staff_pin_key()
        ) as staff,
    ):
        assert len(staff.profiles()) == len(DEMO_STAFF)
        assert staff.verify_manager_pin(manager.pin).accepted


def test_demo_pins_follow_the_rules_for_their_role() -> None:
    for demo in DEMO_STAFF:
        assert check_pin_format(demo.pin, demo.role) == demo.pin
    manager = next(d for d in DEMO_STAFF if d.role is Role.MANAGER)
    assert len(manager.pin) >= MANAGER_PIN_MIN_LENGTH
