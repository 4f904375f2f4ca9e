from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app import __version__
from pos_app.cli import main
from pos_app.services.secrets import KEYRING_SERVICE
from tests.helpers import MemoryKeyring

ROOT = Path(__file__).resolve().parents[1]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"pos-app {__version__}"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for word in ("--demo", "secrets", "doctor", "POS_APP_PIGGY_BASE_URL"):
        assert word in out


@pytest.mark.parametrize("entry", [["-m", "pos_app"], ["-m", "pos_app.cli"]])
def test_module_entry_points(entry: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, *entry, "--version"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"pos-app {__version__}"


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "pos-app"
    result = subprocess.run([script, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "usage: pos-app" in result.stdout


def test_secrets_set_reads_standard_input(
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("giftoin-secret-value\n"))
    assert main(["secrets", "set", "giftoin-api-key"]) == 0
    assert memory_keyring.store[(KEYRING_SERVICE, "giftoin-api-key")] == "giftoin-secret-value"
    captured = capsys.readouterr()
    assert "giftoin-secret-value" not in captured.out + captured.err
    assert "Stored the Giftoin API key" in captured.out

    assert main(["secrets", "delete", "giftoin-api-key"]) == 0
    assert memory_keyring.store == {}
    assert "Removed the Giftoin API key" in capsys.readouterr().out


def test_secrets_set_asks_without_echo_on_a_terminal(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return "typed-token"

    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert main(["secrets", "set", "piggy-token"]) == 0
    assert prompts == ["Piggy personal access token / API key (input hidden): "]
    assert memory_keyring.store[(KEYRING_SERVICE, "piggy-token")] == "typed-token"


def test_secrets_set_without_input_stores_nothing(
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["secrets", "set", "nudj-token"]) == 2
    assert memory_keyring.store == {}
    assert "nothing stored" in capsys.readouterr().err


@pytest.mark.usefixtures("no_keyring")
def test_secrets_without_keyring_is_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("value\n"))
    assert main(["secrets", "set", "nudj-token"]) == 2
    err = capsys.readouterr().err
    assert "No OS keyring" in err
    assert "POS_APP_NUDJ_TOKEN" in err
    assert "Traceback" not in err
    assert main(["secrets", "delete", "nudj-token"]) == 2


def test_unknown_secret_name_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["secrets", "set", "piggy-password"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_fault_needs_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--fault", "piggy.collect=timeout"]) == 2
    assert "--demo" in capsys.readouterr().err


def test_broken_settings_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("language = [\n", encoding="utf-8")
    assert main(["--config", str(config), "doctor"]) == 1
    assert "not valid TOML" in capsys.readouterr().err
