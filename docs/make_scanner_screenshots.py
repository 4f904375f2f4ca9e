"""Pictures of Test the scanner, in Settings and in the setup flow, after a scan.

Run under a display of the size to check (the dialogs fit themselves to the screen):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/make_scanner_screenshots.py \\
        --language de --out /tmp/scanner-de-1366

writes ``scanner-settings.png`` and ``scanner-setup.png`` into the ``--out`` folder
(default: docs/, the README's pictures, made at 1366x768 in English). The scan is made
up: what a US-set scanner with a symbology prefix and a Tab suffix types on a French
(AZERTY) PC, so the page shows several findings.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pos_app.services.scanner_check import TEST_CODE, Layout, typed_on_pc  # noqa: E402
from pos_app.services.secrets import SecretStore  # noqa: E402
from pos_app.services.settings import load_settings  # noqa: E402
from pos_app.ui.app import configure_application, set_app_identity  # noqa: E402
from pos_app.ui.counter.kiosk import KioskLook  # noqa: E402
from pos_app.ui.i18n import use_language  # noqa: E402
from pos_app.ui.setup import Page, SetupDraft, SetupWizard  # noqa: E402
from pos_app.ui.setup.scanner_page import ScannerPage  # noqa: E402
from pos_app.ui.setup.settings_dialog import SettingsDialog  # noqa: E402
from tests.helpers.scanner import Scanner  # noqa: E402


async def _scan_and_save(dialog: QDialog, page: ScannerPage, out: Path) -> None:
    dialog.show()
    dialog.activateWindow()
    await asyncio.sleep(0.3)
    page.catcher.setFocus(Qt.FocusReason.OtherFocusReason)
    await asyncio.sleep(0.1)
    Scanner().type(f"]C1{typed_on_pc(TEST_CODE, Layout.FRENCH)}", ending=Qt.Key.Key_Tab)
    await asyncio.sleep(0.3)  # laid out and painted
    out.parent.mkdir(parents=True, exist_ok=True)
    if not dialog.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(f"{out} ({dialog.width()}×{dialog.height()})")
    dialog.close()


async def shoot(folder: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="pos-app-scanner-") as data:
        config = Path(data) / "settings.toml"
        settings = load_settings(config, use_environment=False).with_overrides(
            data_dir=Path(data) / "data"
        )
        draft = SetupDraft(settings=settings, store=SecretStore(env={}), config_file=config)
        settings_dialog = SettingsDialog(draft)
        settings_dialog.show_page(settings_dialog.scanner_page)
        await _scan_and_save(
            settings_dialog, settings_dialog.scanner_page, folder / "scanner-settings.png"
        )
        wizard = SetupWizard(draft, start=Page.SCANNER)
        await _scan_and_save(wizard, wizard.scanner_page, folder / "scanner-setup.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="en")
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--kiosk", action="store_true", help="in the kiosk's touch look")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    set_app_identity(app)
    configure_application(app)
    use_language(args.language)
    if args.kiosk:
        KioskLook(hide_cursor=False, parent=app).apply()
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(shoot(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
