"""How settings read their values: which inputs each kind of setting takes, what it makes of
them, and what a person is told about the ones it refuses.

The file's values, ``POS_APP_*`` variables and the callers' values all go through these rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from pos_app.services.settings import (
    PiggyAuthMode,
    PrintSlip,
    Settings,
    SettingsError,
    SlipPaper,
    load_settings,
)


@dataclass(frozen=True)
class Refused:
    """The value is refused with this message."""

    message: str


NOT_A_BOOLEAN = Refused("Input should be a valid boolean, unable to interpret input")
NOT_A_NUMBER = Refused("Input should be a valid number, unable to parse string as a number")
NOT_A_STRING = Refused("Input should be a valid string")
NOT_A_PATH = Refused("Input is not a valid path for <class 'pathlib.Path'>")
NOT_A_SLIP_CHOICE = Refused("Input should be 'ask', 'always' or 'never'")

HOME = Path.home()

#: (setting, value as a caller or the file gives it, what the setting holds or Refused).
GIVEN_VALUES: list[tuple[str, object, object]] = [
    ("kiosk", True, True),
    ("kiosk", False, False),
    ("kiosk", 1, True),
    ("kiosk", 0, False),
    ("kiosk", 1.0, True),
    ("kiosk", 0.0, False),
    *[("kiosk", word, True) for word in ("1", "true", "TRUE", "yes", "Y", "on", "t")],
    *[("kiosk", word, False) for word in ("0", "false", "False", "no", "n", "OFF", "f")],
    ("kiosk", 2, NOT_A_BOOLEAN),
    ("kiosk", -1, NOT_A_BOOLEAN),
    ("kiosk", 2.0, NOT_A_BOOLEAN),
    ("kiosk", "perhaps", NOT_A_BOOLEAN),
    ("kiosk", " true ", NOT_A_BOOLEAN),
    ("kiosk", "", NOT_A_BOOLEAN),
    ("kiosk", 1.5, Refused("Input should be a valid boolean")),
    ("kiosk", None, Refused("Input should be a valid boolean")),
    ("kiosk", [1], Refused("Input should be a valid boolean")),
    ("request_timeout", 3, 3.0),
    ("request_timeout", 4.5, 4.5),
    ("request_timeout", "3", 3.0),
    ("request_timeout", " 2.5 ", 2.5),
    ("request_timeout", "1e1", 10.0),
    ("request_timeout", "1_0", 10.0),
    ("request_timeout", True, 1.0),
    ("request_timeout", 120, 120.0),
    ("request_timeout", "soon", NOT_A_NUMBER),
    ("request_timeout", "", NOT_A_NUMBER),
    ("request_timeout", "0x10", NOT_A_NUMBER),
    ("request_timeout", None, Refused("Input should be a valid number")),
    ("request_timeout", [1], Refused("Input should be a valid number")),
    ("request_timeout", 0, Refused("Input should be greater than 0")),
    ("request_timeout", False, Refused("Input should be greater than 0")),
    ("request_timeout", "-inf", Refused("Input should be greater than 0")),
    ("request_timeout", 120.5, Refused("Input should be less than or equal to 120")),
    ("request_timeout", "nan", Refused("Input should be less than or equal to 120")),
    ("settle_grace_seconds", 0, 0.0),
    ("settle_grace_seconds", 3600, 3600.0),
    ("settle_grace_seconds", -0.5, Refused("Input should be greater than or equal to 0")),
    ("settle_grace_seconds", 3601, Refused("Input should be less than or equal to 3600")),
    ("kiosk_idle_seconds", 15, 15.0),
    ("kiosk_idle_seconds", 14.9, Refused("Input should be greater than or equal to 15")),
    ("kiosk_idle_seconds", "nan", Refused("Input should be less than or equal to 3600")),
    ("staff_idle_sign_out_minutes", 1440, 1440.0),
    ("staff_idle_sign_out_minutes", 1441, Refused("Input should be less than or equal to 1440")),
    ("staff_idle_sign_out_minutes", 0, Refused("Input should be greater than 0")),
    ("counter_name", "Till 2", "Till 2"),
    ("counter_name", "  ", "  "),  # kept as it is: the name has no check of its own
    ("counter_name", PiggyAuthMode.TOKEN, "token"),
    ("counter_name", 5, NOT_A_STRING),
    ("counter_name", True, NOT_A_STRING),
    ("counter_name", None, NOT_A_STRING),
    ("counter_name", Path("/x"), NOT_A_STRING),
    ("shop_uuid", None, None),
    ("shop_uuid", "", ""),
    ("shop_uuid", 5, NOT_A_STRING),
    ("piggy_base_url", " https://x.test/ ", "https://x.test"),
    ("piggy_base_url", "", None),  # as the other hosts: a blank host is none
    ("piggy_base_url", 5, NOT_A_STRING),
    ("piggy_base_url", "x.test", Refused("Value error, must start with http:// or https://")),
    ("giftoin_base_url", "  ", None),
    ("slip_printer", " Till 2 ", "Till 2"),
    ("slip_printer", "  ", None),
    ("language", " nl ", "nl"),
    ("language", "", Refused("Value error, must be a language tag such as 'en' or 'nl-NL'")),
    ("nudj_user_id_source", " Email ", "email"),
    ("data_dir", "~/x", HOME / "x"),
    ("data_dir", Path("~/x"), HOME / "x"),
    ("data_dir", Path("/x"), Path("/x")),
    ("data_dir", 5, NOT_A_PATH),
    ("data_dir", None, NOT_A_PATH),
    ("shared_journal_root_cert", "~/ca.pem", HOME / "ca.pem"),
    ("shared_journal_root_cert", Path("/ca.pem"), Path("/ca.pem")),
    ("shared_journal_root_cert", "  ", None),
    ("shared_journal_root_cert", None, None),
    ("print_slip", "always", PrintSlip.ALWAYS),
    ("print_slip", PrintSlip.NEVER, PrintSlip.NEVER),
    ("print_slip", "ALWAYS", NOT_A_SLIP_CHOICE),
    ("print_slip", 1, NOT_A_SLIP_CHOICE),
    ("print_slip", None, NOT_A_SLIP_CHOICE),
    ("slip_paper", "a4", SlipPaper.A4),
    ("slip_paper", "letter", Refused("Input should be 'receipt_80mm' or 'a4'")),
    ("piggy_auth_mode", "client_credentials", PiggyAuthMode.CLIENT_CREDENTIALS),
    ("piggy_auth_mode", "token ", Refused("Input should be 'token' or 'client_credentials'")),
    ("escpos_paper", "58", Refused("Input should be '58mm', '80mm' or '80mm_42col'")),
]


def _check(settings: Settings, name: str, expected: object) -> None:
    value = getattr(settings, name)
    assert value == expected
    assert type(value) is type(expected) or isinstance(expected, Path)


@pytest.mark.parametrize(("name", "value", "expected"), GIVEN_VALUES)
def test_given_values(
    monkeypatch: pytest.MonkeyPatch, name: str, value: object, expected: object
) -> None:
    monkeypatch.delenv("POS_APP_DATA_DIR")  # else the environment beats the given folder
    given: dict[str, Any] = {name: value}
    if isinstance(expected, Refused):
        with pytest.raises(ValueError, match=name) as caught:
            Settings(**given)
        assert expected.message in str(caught.value)
    else:
        _check(Settings(**given), name, expected)
    if value is None:
        return  # "not given" to with_overrides
    if isinstance(expected, Refused):
        with pytest.raises(ValueError, match=name):
            Settings().with_overrides(**given)
    else:
        _check(Settings().with_overrides(**given), name, expected)


#: (setting, the POS_APP_* variable's text, what the setting holds or Refused).
ENVIRONMENT_VALUES: list[tuple[str, str, object]] = [
    *[("kiosk", word, True) for word in ("1", "true", "Yes", "ON", "t", "y")],
    *[("kiosk", word, False) for word in ("0", "FALSE", "no", "off", "F", "n")],
    ("kiosk", "perhaps", NOT_A_BOOLEAN),
    ("kiosk", "  ", NOT_A_BOOLEAN),  # only an empty variable counts as not set
    ("request_timeout", " 3 ", 3.0),
    ("request_timeout", ".5", 0.5),
    ("request_timeout", "soon", NOT_A_NUMBER),
    ("request_timeout", "null", NOT_A_NUMBER),
    ("request_timeout", "-0", Refused("Input should be greater than 0")),
    ("settle_grace_seconds", "0", 0.0),
    ("slip_printer", "  ", None),
    ("shop_uuid", "null", "null"),
    ("shop_uuid", "[1]", "[1]"),
    ("data_dir", "~/elsewhere", HOME / "elsewhere"),
    ("shared_journal_root_cert", "/etc/ca.pem", Path("/etc/ca.pem")),
    ("print_slip", "never", PrintSlip.NEVER),
    ("print_slip", "Never", NOT_A_SLIP_CHOICE),
]


@pytest.mark.parametrize(("name", "text", "expected"), ENVIRONMENT_VALUES)
def test_environment_values(
    monkeypatch: pytest.MonkeyPatch, name: str, text: str, expected: object
) -> None:
    monkeypatch.setenv(f"POS_APP_{name.upper()}", text)
    if isinstance(expected, Refused):
        with pytest.raises(SettingsError) as caught:
            load_settings()
        assert f"  - {name}: {expected.message}" in str(caught.value).splitlines()
    else:
        _check(load_settings(), name, expected)


@pytest.mark.parametrize("variable", ["POS_APP_KIOSK", "pos_app_kiosk", "Pos_App_Kiosk"])
def test_variable_names_are_not_case_sensitive(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "yes")
    assert load_settings().kiosk is True
    assert Settings().kiosk is True


def test_an_empty_variable_is_not_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('language = "nl"\nrequest_timeout = 4\n', encoding="utf-8")
    monkeypatch.setenv("POS_APP_LANGUAGE", "")
    monkeypatch.setenv("POS_APP_REQUEST_TIMEOUT", "")
    monkeypatch.setenv("POS_APP_KIOSK", "")
    settings = load_settings(config)
    assert (settings.language, settings.request_timeout, settings.kiosk) == ("nl", 4.0, False)


def test_the_environment_beats_given_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_LANGUAGE", "de")
    assert Settings(language="fr").language == "de"
    monkeypatch.setenv("POS_APP_REQUEST_TIMEOUT", "soon")
    with pytest.raises(ValueError, match="request_timeout"):
        Settings(request_timeout=5)


def test_a_bad_variable_is_refused_even_when_the_file_is_good(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("kiosk = true\n", encoding="utf-8")
    monkeypatch.setenv("POS_APP_KIOSK", "perhaps")
    with pytest.raises(SettingsError, match="kiosk"):
        load_settings(config)
    assert load_settings(config, use_environment=False).kiosk is True


def test_variables_that_are_not_settings_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    before = load_settings()
    monkeypatch.setenv("POS_APP_PIGGY_TOKEN", "x")
    monkeypatch.setenv("POS_APP_SOMETHING_ELSE", "y")
    monkeypatch.setenv("POS_APP_", "z")
    assert load_settings() == before
    assert Settings() == before


def test_names_in_the_file_are_not_case_sensitive(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('Kiosk = true\nLANGUAGE = "nl"\n', encoding="utf-8")
    settings = load_settings(config, use_environment=False)
    assert (settings.kiosk, settings.language) == (True, "nl")
    upper_case: dict[str, Any] = {"KIOSK": True}
    assert Settings(**upper_case).kiosk is True


def test_unknown_names_are_refused() -> None:
    unknown: dict[str, Any] = {"piggy_tokn": "x"}
    with pytest.raises(ValueError, match="piggy_tokn"):
        Settings(**unknown)
    with pytest.raises(ValueError, match="piggy_tokn"):
        Settings().with_overrides(**unknown)


def test_every_problem_is_listed_in_the_settings_order_then_unknown_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(
        'zeta = 1\nkiosk = "perhaps"\nrequest_timeout = -1\nlanguage = ""\nalpha = 2\n'
        'piggy_base_url = "ftp://x"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("POS_APP_SLIP_PAPER", "letter")
    with pytest.raises(SettingsError) as caught:
        load_settings(config)
    assert str(caught.value) == "\n".join(
        [
            f"Some settings are not usable (file {config}, or a POS_APP_* variable):",
            "  - piggy_base_url: Value error, must start with http:// or https://",
            "  - language: Value error, must be a language tag such as 'en' or 'nl-NL'",
            "  - request_timeout: Input should be greater than 0",
            "  - slip_paper: Input should be 'receipt_80mm' or 'a4'",
            "  - kiosk: Input should be a valid boolean, unable to interpret input",
            "  - zeta: not a known setting",
            "  - alpha: not a known setting",
        ]
    )


def test_a_refused_value_is_never_repeated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(
        'kiosk = "s3cr3t-1"\nrequest_timeout = "s3cr3t-2"\nshop_uuid = 987654321\n'
        'shared_journal_url = "postgresql://counter:s3cr3t-3@db.example.com/journal"\n'
        'piggy_base_url = "s3cr3t-4.example.com"\nprint_slip = "s3cr3t-5"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("POS_APP_LANGUAGE", "s3cr3t-6" * 10)
    with pytest.raises(SettingsError) as caught:
        load_settings(config)
    message = str(caught.value)
    for name in ("kiosk", "request_timeout", "shop_uuid", "shared_journal_url", "language"):
        assert f"  - {name}: " in message
    assert "s3cr3t" not in message
    assert "987654321" not in message
    with pytest.raises(ValueError, match="kiosk") as direct:
        Settings(kiosk="s3cr3t-7")
    assert "s3cr3t" not in str(direct.value)


def test_defaults_go_through_the_checks_too(
    monkeypatch: pytest.MonkeyPatch, isolated_environment: Path
) -> None:
    monkeypatch.delenv("POS_APP_DATA_DIR")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *args, **kwargs: "~/pos-data")
    assert load_settings(use_file=False).data_dir == HOME / "pos-data"  # expanded
    assert Settings().data_dir == HOME / "pos-data"


def test_the_setting_names_in_their_order() -> None:
    assert list(Settings.model_fields) == [
        "piggy_base_url", "piggy_auth_mode", "piggy_client_id", "shop_uuid",
        "giftoin_base_url", "nudj_base_url", "giftoin_platform", "giftoin_user_attribute",
        "nudj_user_id_source", "language", "request_timeout", "settle_grace_seconds",
        "data_dir", "require_code_for_email", "counter_name", "print_slip", "slip_printer",
        "slip_paper", "escpos_printer", "escpos_paper", "escpos_native_qr",
        "require_staff_sign_in", "staff_idle_sign_out_minutes", "kiosk", "kiosk_idle_seconds",
        "kiosk_hide_cursor", "kiosk_camera", "camera_device", "shared_journal_url",
        "shared_journal_root_cert", "scan_sound",
    ]  # fmt: skip


def test_a_dump_holds_every_setting_as_it_is(isolated_environment: Path) -> None:
    settings = load_settings()
    dump = settings.model_dump()
    assert list(dump) == list(Settings.model_fields)
    assert dump["print_slip"] is PrintSlip.ASK
    assert dump["data_dir"] == isolated_environment / "data"
    assert dump["nudj_base_url"] is None
    as_json = json.loads(settings.model_dump_json())
    assert as_json == {
        **dump,
        "piggy_auth_mode": "token",
        "print_slip": "ask",
        "slip_paper": "receipt_80mm",
        "escpos_paper": "80mm",
        "data_dir": str(isolated_environment / "data"),
    }


def test_defaults_without_checking_are_the_checked_defaults() -> None:
    built = Settings.model_construct()
    assert built == load_settings(use_file=False, use_environment=False)
    assert built.model_fields_set == set()
    not_checked: dict[str, Any] = {"kiosk": "not checked"}
    unchecked = Settings.model_construct(_fields_set={"kiosk"}, **not_checked)
    assert unchecked.kiosk == not_checked["kiosk"]
    assert unchecked.model_fields_set == {"kiosk"}
    assert unchecked.language == "en"


def test_a_copy_with_changes_is_not_checked() -> None:
    settings = Settings()
    copy = settings.model_copy(update={"request_timeout": -1, "shared_journal_url": None})
    assert copy.request_timeout == -1
    assert type(copy) is Settings
    assert {"request_timeout", "shared_journal_url"} <= copy.model_fields_set
    assert settings.request_timeout == 10.0


def test_equal_settings_are_equal_however_they_were_made(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("kiosk = false\n", encoding="utf-8")
    from_file = load_settings(config, use_environment=False)
    assert from_file == load_settings(use_file=False, use_environment=False)
    assert from_file.model_fields_set == {"kiosk"}
    assert from_file != from_file.with_overrides(kiosk=True)
    assert from_file.with_overrides(kiosk=True).model_fields_set == {"kiosk"}


def test_overrides_leave_out_none_and_keep_what_was_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_LANGUAGE", "de")
    settings = load_settings().with_overrides(language=None, kiosk=True)
    assert settings.language == "de"
    assert settings.kiosk is True
    assert {"language", "kiosk", "data_dir"} <= settings.model_fields_set
