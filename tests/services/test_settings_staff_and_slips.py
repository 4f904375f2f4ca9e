"""Settings of the staff and slip features: defaults, environment overrides, bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.services.settings import PrintSlip, SettingsError, load_settings


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
