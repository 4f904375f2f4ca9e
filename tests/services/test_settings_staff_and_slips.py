"""Settings of the staff and slip features: defaults, environment overrides, bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.services.settings import (
    PrintSlip,
    Settings,
    SettingsError,
    SlipPaper,
    load_settings,
    save_settings,
)


def test_defaults(isolated_environment: Path) -> None:
    settings = load_settings()
    assert settings.print_slip is PrintSlip.ASK
    assert settings.require_staff_sign_in is False
    assert settings.staff_idle_sign_out_minutes == 10.0
    assert settings.staff_path == isolated_environment / "data" / "staff.sqlite3"


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_PRINT_SLIP", "never")
    monkeypatch.setenv("POS_APP_REQUIRE_STAFF_SIGN_IN", "true")
    monkeypatch.setenv("POS_APP_STAFF_IDLE_SIGN_OUT_MINUTES", "2.5")
    settings = load_settings()
    assert settings.print_slip is PrintSlip.NEVER
    assert settings.require_staff_sign_in is True
    assert settings.staff_idle_sign_out_minutes == 2.5


def test_file_values(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('print_slip = "always"\nrequire_staff_sign_in = true\n', encoding="utf-8")
    settings = load_settings(config)
    assert settings.print_slip is PrintSlip.ALWAYS
    assert settings.require_staff_sign_in is True


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("POS_APP_PRINT_SLIP", "sometimes"),
        ("POS_APP_STAFF_IDLE_SIGN_OUT_MINUTES", "0"),
        ("POS_APP_REQUIRE_STAFF_SIGN_IN", "perhaps"),
    ],
)
def test_bad_values_are_explained(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    name = variable.removeprefix("POS_APP_").lower()
    with pytest.raises(SettingsError, match=name):
        load_settings()


def test_slip_printer_and_paper_defaults_and_values(
    isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings()
    assert settings.slip_printer is None  # the system's default printer
    assert settings.slip_paper is SlipPaper.RECEIPT
    config = isolated_environment / "slips.toml"
    config.write_text('slip_printer = "Till 2 receipts"\nslip_paper = "a4"\n', encoding="utf-8")
    from_file = load_settings(config)
    assert from_file.slip_printer == "Till 2 receipts"
    assert from_file.slip_paper is SlipPaper.A4
    monkeypatch.setenv("POS_APP_SLIP_PAPER", "receipt_80mm")
    monkeypatch.setenv("POS_APP_SLIP_PRINTER", "Office")
    from_environment = load_settings(config)
    assert from_environment.slip_printer == "Office"
    assert from_environment.slip_paper is SlipPaper.RECEIPT
    # An empty name is the default printer, also when a settings screen clears it.
    assert from_file.with_overrides(slip_printer="  ").slip_printer is None


def test_slip_paper_must_be_one_the_slips_know(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_SLIP_PAPER", "letter")
    with pytest.raises(SettingsError, match="slip_paper"):
        load_settings()


def test_saved_slip_settings_read_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    chosen = Settings().with_overrides(slip_printer="Till 2 receipts", slip_paper="a4")
    save_settings(chosen, path)
    text = path.read_text(encoding="utf-8")
    assert 'slip_paper = "a4"' in text
    again = load_settings(path, use_environment=False)
    assert (again.slip_printer, again.slip_paper) == ("Till 2 receipts", SlipPaper.A4)
    save_settings(Settings(), path)
    assert "slip_" not in path.read_text(encoding="utf-8")  # defaults are not written
