"""The real app, configured by POS_APP_* variables only, that starts one hand-over.

tests/e2e/test_crash_recovery.py runs it in a subprocess and kills it with SIGKILL while
the collect request is on the way. It scans DEMO-CARD-1, hands the first reward over and
confirms the dialog, like a cashier would.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pos_app.services.connections import build_clients
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import load_settings
from pos_app.ui.app import run_gui
from pos_app.ui.counter import MainWindow
from pos_app.ui.rewards.hand_over_dialog import HandOverDialog


def main() -> int:
    settings = load_settings()
    # Secrets (the API token, the staff PIN key) come from POS_APP_* variables only.
    secrets = SecretStore(use_keyring=False)
    clients = build_clients(settings, secrets)

    def shown(window: MainWindow) -> None:
        def confirm_when_asked() -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, HandOverDialog) and widget.isVisible():
                    widget.confirm_button.click()
                    print("confirmed", flush=True)
                    return
            QTimer.singleShot(20, confirm_when_asked)

        def hand_over(_uuid: str) -> None:
            window.hand_over_button.click()
            confirm_when_asked()

        window.customerShown.connect(hand_over)
        window.search_input.setText("DEMO-CARD-1")
        window.search_input.returnPressed.emit()

    return run_gui(settings, clients, secrets=secrets, on_shown=shown)


if __name__ == "__main__":
    sys.exit(main())
