"""Running `pos-app` as a shop's IT person does: its own process, its own environment."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The secrets the doctor finds in its environment (never printed, the tests check).
SECRETS = {
    "POS_APP_PIGGY_TOKEN": "piggy-secret-token",
    "POS_APP_GIFTOIN_API_KEY": "giftoin-secret-key",
    "POS_APP_NUDJ_TOKEN": "nudj-secret-token",
}


def doctor_against_nowhere(
    tmp_path: Path, *args: str, extra: Mapping[str, str] | None = None, timeout: float = 90
) -> subprocess.CompletedProcess[str]:
    """`pos-app doctor ARGS` with every vendor at a host that refuses connections."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("POS_APP_")}
    env.update(SECRETS)
    env.update(
        {
            "POS_APP_CONFIG_FILE": str(tmp_path / "settings.toml"),
            "POS_APP_DATA_DIR": str(tmp_path / "data"),
            # Port 9 (discard) on loopback: nothing listens, the connection is refused.
            "POS_APP_PIGGY_BASE_URL": "http://127.0.0.1:9",
            "POS_APP_GIFTOIN_BASE_URL": "http://127.0.0.1:9",
            "POS_APP_NUDJ_BASE_URL": "http://127.0.0.1:9",
            "POS_APP_REQUEST_TIMEOUT": "3",
            **(extra or {}),
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "pos_app", "doctor", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
