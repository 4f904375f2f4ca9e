"""Counter 2..N set up from counter 1: `pos-app settings export` and `import`."""

from __future__ import annotations

import io
import sys
import tomllib
from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.services.secrets import KEYRING_SERVICE
from pos_app.services.settings import load_settings
from tests.helpers import MemoryKeyring

COUNTER_1 = """\
piggy_base_url = "https://api.piggy.nl"
shop_uuid = "5fd3322e-671e-430f-aa38-5ed02e600ff7"
giftoin_platform = "discord"
giftoin_user_attribute = "discord_id"
nudj_base_url = "https://shop.nudj.cx"
print_slip = "always"
require_staff_sign_in = true
counter_name = "counter-1"
"""


def _config(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_counter_is_set_up_from_another_ones_export(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = _config(tmp_path / "counter1.toml", COUNTER_1)
    export = tmp_path / "shop.toml"
    assert main(["settings", "export", str(export), "--config", str(first)]) == 0
    exported = tomllib.loads(export.read_text(encoding="utf-8"))
    assert exported["shop_uuid"] == "5fd3322e-671e-430f-aa38-5ed02e600ff7"
    assert exported["print_slip"] == "always"
    assert "counter_name" not in exported
    assert "data_dir" not in exported

    second = _config(tmp_path / "counter2.toml", 'counter_name = "counter-2"\n')
    secrets = (
        "piggy-token=piggy-secret-123\n"
        "giftoin-api-key=gift-secret-456\n"
        "nudj-token=nudj-secret-789\n"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(secrets))
    code = main(
        ["settings", "import", str(export), "--secrets-from-stdin", "--config", str(second)]
    )
    assert code == 0
    settings = load_settings(second, use_environment=False)
    assert settings.counter_name == "counter-2"
    assert settings.shop_uuid == "5fd3322e-671e-430f-aa38-5ed02e600ff7"
    assert settings.piggy_base_url == "https://api.piggy.nl"
    assert settings.require_staff_sign_in is True
    assert memory_keyring.store[(KEYRING_SERVICE, "piggy-token")] == "piggy-secret-123"
    assert memory_keyring.store[(KEYRING_SERVICE, "nudj-token")] == "nudj-secret-789"
    # No secret in a file or on the screen.
    out = capsys.readouterr()
    for secret in ("piggy-secret-123", "gift-secret-456", "nudj-secret-789"):
        assert secret not in export.read_text(encoding="utf-8")
        assert secret not in second.read_text(encoding="utf-8")
        assert secret not in out.out + out.err


def test_an_import_says_which_secrets_are_still_needed(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    export = _config(tmp_path / "shop.toml", 'shop_uuid = "s-1"\n')
    target = tmp_path / "counter.toml"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no terminal, nothing piped
    assert main(["settings", "import", str(export), "--config", str(target)]) == 1
    out = capsys.readouterr().out
    assert "Still needed: the Piggy personal access token" in out
    assert "pos-app secrets set piggy-token" in out
    assert load_settings(target, use_environment=False).shop_uuid == "s-1"


def test_a_broken_export_changes_nothing(
    tmp_path: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _config(tmp_path / "shop.toml", 'print_slip = "sometimes"\n')
    target = _config(tmp_path / "counter.toml", 'counter_name = "counter-2"\n')
    before = target.read_text(encoding="utf-8")
    assert main(["settings", "import", str(export), "--config", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == before
    assert "print_slip" in capsys.readouterr().err
    assert main(["settings", "import", str(tmp_path / "none.toml"), "--config", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == before


def test_the_slip_printer_stays_with_its_counter_and_the_paper_goes_along(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    first = _config(
        tmp_path / "counter1.toml",
        COUNTER_1 + 'slip_printer = "Counter 1 receipts"\nslip_paper = "a4"\n',
    )
    export = tmp_path / "shop.toml"
    assert main(["settings", "export", str(export), "--config", str(first)]) == 0
    exported = tomllib.loads(export.read_text(encoding="utf-8"))
    assert exported["slip_paper"] == "a4"
    assert "slip_printer" not in exported  # a printer's name belongs to one PC

    second = _config(
        tmp_path / "counter2.toml", 'counter_name = "counter-2"\nslip_printer = "Till 2"\n'
    )
    assert main(["settings", "import", str(export), "--config", str(second)]) == 1
    settings = load_settings(second, use_environment=False)
    assert (settings.slip_printer, settings.slip_paper) == ("Till 2", "a4")

    # A whole settings file copied over instead of an export: this counter, which prints
    # on its default printer, does not take counter 1's printer.
    third = _config(tmp_path / "counter3.toml", 'counter_name = "counter-3"\n')
    assert main(["settings", "import", str(first), "--config", str(third)]) == 1
    settings = load_settings(third, use_environment=False)
    assert settings.slip_printer is None
    assert settings.slip_paper == "a4"
