"""Demo mode comes with demo staff whose PINs the demo banner shows."""

from __future__ import annotations

from pathlib import Path

from pos_app.demo import DemoSession
from pos_app.services.staff import DEMO_STAFF, Role, StaffDirectory


def test_demo_session_has_a_cashier_and_a_manager(tmp_path: Path) -> None:
    with DemoSession(data_dir=tmp_path / "demo") as session:
        assert session.info.staff == DEMO_STAFF
        assert {demo.role for demo in session.info.staff} == {Role.CASHIER, Role.MANAGER}
        with StaffDirectory.open(session.settings.staff_path) as staff:
            profiles = staff.profiles()
            assert [p.name for p in profiles] == sorted(d.name for d in DEMO_STAFF)
            manager = next(d for d in DEMO_STAFF if d.role is Role.MANAGER)
            assert staff.verify_manager_pin(manager.pin).accepted
    # A kept data folder is not seeded twice.
    with (
        DemoSession(data_dir=tmp_path / "demo") as session,
        StaffDirectory.open(session.settings.staff_path) as staff,
    ):
        assert len(staff.profiles()) == len(DEMO_STAFF)
