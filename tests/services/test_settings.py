from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pos_app.services.settings import (
    PiggyAuthMode,
    Settings,
    SettingsError,
    default_config_file,
    load_settings,
    save_settings,
)


def test_defaults_without_file_or_environment(isolated_environment: Path) -> None:
    settings = load_settings()
    assert settings.piggy_base_url == "https://api.piggy.eu"
    assert settings.giftoin_base_url == "https://api.giftoin.org"
    assert settings.nudj_base_url is None
    assert settings.piggy_auth_mode is PiggyAuthMode.TOKEN
    assert settings.language == "en"
    assert settings.request_timeout == 10.0
    assert settings.data_dir == isolated_environment / "data"


def test_file_values_are_used(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(
        'piggy_base_url = "https://api.leat.com/"\n'
        'shop_uuid = "5fd3322e"\n'
        'piggy_auth_mode = "client_credentials"\n'
        'piggy_client_id = "42"\n'
        "request_timeout = 4.5\n"
        'language = "nl"\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.piggy_base_url == "https://api.leat.com"  # trailing slash dropped
    assert settings.shop_uuid == "5fd3322e"
    assert settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS
    assert settings.piggy_client_id == "42"
    assert settings.request_timeout == 4.5
    assert settings.language == "nl"


@pytest.mark.parametrize(
    ("variable", "field", "value", "expected"),
    [
        ("POS_APP_PIGGY_BASE_URL", "piggy_base_url", "http://127.0.0.1:9/", "http://127.0.0.1:9"),
        ("POS_APP_GIFTOIN_BASE_URL", "giftoin_base_url", "http://g.test", "http://g.test"),
        ("POS_APP_NUDJ_BASE_URL", "nudj_base_url", "https://shop.nudj.cx", "https://shop.nudj.cx"),
        ("POS_APP_LANGUAGE", "language", "nl", "nl"),
        ("POS_APP_SHOP_UUID", "shop_uuid", "abc", "abc"),
        ("POS_APP_REQUEST_TIMEOUT", "request_timeout", "3", 3.0),
        ("POS_APP_COUNTER_NAME", "counter_name", "Till 2", "Till 2"),
    ],
)
def test_environment_beats_the_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    field: str,
    value: str,
    expected: object,
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(
        'piggy_base_url = "https://file.example"\ngiftoin_base_url = "https://file.example"\n'
        'nudj_base_url = "https://file.example"\nlanguage = "de"\nshop_uuid = "from-file"\n'
        'request_timeout = 20\ncounter_name = "file"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(variable, value)
    assert getattr(load_settings(config), field) == expected


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_DATA_DIR", str(tmp_path / "elsewhere"))
    assert load_settings().data_dir == tmp_path / "elsewhere"
    assert load_settings().journal_path == tmp_path / "elsewhere" / "journal.sqlite3"


def test_secret_variables_are_not_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_PIGGY_TOKEN", "s3cr3t-piggy")
    monkeypatch.setenv("POS_APP_NUDJ_TOKEN", "s3cr3t-nudj")
    settings = load_settings()
    assert "s3cr3t" not in settings.model_dump_json()


def test_config_file_location_can_be_moved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POS_APP_CONFIG_FILE", str(tmp_path / "counter-2.toml"))
    assert default_config_file() == tmp_path / "counter-2.toml"
    monkeypatch.delenv("POS_APP_CONFIG_FILE")
    assert default_config_file().name == "settings.toml"
    assert "pos-app" in default_config_file().parts


def test_invalid_toml_gives_a_readable_message(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("piggy_base_url = \n", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(config)


def test_unknown_and_bad_values_are_named(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(
        'piggy_base_url = "api.piggy.eu"\npiggy_tokn = "x"\nrequest_timeout = -1\n',
        encoding="utf-8",
    )
    with pytest.raises(SettingsError) as caught:
        load_settings(config)
    message = str(caught.value)
    assert "piggy_base_url: Value error, must start with http:// or https://" in message
    assert "piggy_tokn: not a known setting" in message
    assert "request_timeout" in message


def test_bad_environment_value_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_REQUEST_TIMEOUT", "soon")
    with pytest.raises(SettingsError, match="request_timeout"):
        load_settings()


def test_save_writes_only_changed_settings_and_round_trips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POS_APP_DATA_DIR")  # else the environment beats the saved folder
    config = tmp_path / "sub" / "settings.toml"
    settings = load_settings(config).with_overrides(
        shop_uuid="5fd3322e", nudj_base_url="https://shop.nudj.cx", data_dir=tmp_path / "d"
    )
    save_settings(settings, config)
    written = tomllib.loads(config.read_text(encoding="utf-8"))
    assert written["shop_uuid"] == "5fd3322e"
    assert written["nudj_base_url"] == "https://shop.nudj.cx"
    assert "piggy_base_url" not in written  # still the default
    assert load_settings(config) == settings


def test_overrides_are_validated() -> None:
    with pytest.raises(ValueError, match="http"):
        Settings().with_overrides(piggy_base_url="ftp://x")


def test_command_line_overrides_beat_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POS_APP_DATA_DIR", str(tmp_path / "from-env"))
    monkeypatch.setenv("POS_APP_LANGUAGE", "de")
    settings = load_settings().with_overrides(data_dir=tmp_path / "from-option")
    assert settings.data_dir == tmp_path / "from-option"
    assert settings.language == "de"  # not overridden: the environment still counts
    assert type(settings) is Settings


def test_loading_the_settings_does_not_import_pydantic(tmp_path: Path) -> None:
    # The settings are read before the window's first paint; pydantic would cost ~230 ms.
    config = tmp_path / "settings.toml"
    config.write_text('kiosk = true\nlanguage = "nl"\n', encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pos_app.services.settings import Settings, load_settings\n"
        f"settings = load_settings(Path({str(config)!r}))\n"
        "settings.with_overrides(request_timeout='3').model_dump_json()\n"
        "Settings(shop_uuid='s-1')\n"
        "print(settings.kiosk, sorted(name for name in sys.modules if 'pydantic' in name))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True []"
