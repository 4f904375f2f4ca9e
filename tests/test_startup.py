"""What the app loads and starts before its window is on screen (benchmarks/startup.py).

The window must be painted soon after the program starts, so what can wait is imported
or started after the first paint: the demo's simulator (uvicorn, Starlette, the routes),
the keyring, the setup flow, slips (their QR codes, Qt's print support), the camera (its
view and the barcode decoder), the pages the counter shows later (the customer's, Recent
pickups, To prepare: the window builds them once its first frame is painted), and the
vendors' clients (httpx, the pydantic models): the
clients are built on their first call, and the counter's first calls (the shop's name,
settling what an earlier run left, keeping connections open) go out after the paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from pos_app.demo import DemoSession
from pos_app.sandbox import demo_data as demo
from pos_app.services.staff import DEMO_STAFF, StaffDirectory

ROOT = Path(__file__).resolve().parents[1]

#: Never needed before the first paint.
NOT_BEFORE_PAINT = (
    "uvicorn",
    "starlette",
    "keyring",
    "segno",
    "pos_app.sandbox.server",
    "pos_app.sandbox.app",
    "pos_app.services.setup",
    "pos_app.ui.setup",
    "pos_app.ui.self_test",
    "pos_app.ui.slips",
    "PySide6.QtPrintSupport",
    # The camera: its view, picture sources and decoder load when it is first opened.
    "zxingcpp",
    "pos_app.ui.camera.view",
    "pos_app.ui.camera.frames",
    "pos_app.ui.camera.reader",
    "pos_app.ui.camera.v4l2",
)
#: The pages the counter shows later (the customer's, the lists) and what they use: the
#: window builds them once its first frame is painted.
WINDOW_LATER = (
    "pos_app.ui.counter.customer_page",
    "pos_app.ui.counter.hand_over",
    "pos_app.ui.counter.claim_flow",
    "pos_app.ui.counter.identify",
    "pos_app.ui.counter.recent_page",
    "pos_app.ui.counter.prepare_page",
    "pos_app.ui.rewards.view",
    "pos_app.ui.progress.panel",
    "pos_app.ui.managers.reports",
    "pos_app.ui.managers.staff.list_dialog",
    "pos_app.services.progress",
    # Kiosk mode's parts, in a counter that is not a kiosk.
    "pos_app.ui.counter.kiosk",
    "pos_app.ui.counter.kiosk_home",
)
#: What the clients' first call imports; nothing before the first paint does.
CLIENTS_ONLY = (
    "pydantic",
    "httpx",
    "httpcore",
    "pos_app.api.piggy",
    "pos_app.api.piggy_models",
    "pos_app.api.giftoin_models",
    "pos_app.api.nudj_models",
    "pos_app.api._transport",
)


#: ``pos-app`` with the given arguments, stopped at the first paint of its window: prints
#: which of the modules above are imported by then.
STOPPED_AT_PAINT = (
    "import json, os, sys\n"
    "import pos_app.ui.app as app\n"
    "def painted():\n"
    f"    names = {NOT_BEFORE_PAINT + WINDOW_LATER + CLIENTS_ONLY!r}\n"
    "    print(json.dumps(sorted(n for n in names if n in sys.modules)), flush=True)\n"
    "    os._exit(0)\n"
    "app._log_first_paint = painted\n"
    "from pos_app.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _run(
    code: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    given = env or {}
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_")}
    env.update(given)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_the_window_modules_and_the_demo_session_load_nothing_that_can_wait() -> None:
    code = (
        "import json, sys\n"
        "import pos_app.cli, pos_app.ui.app, pos_app.ui.counter\n"
        "from pos_app.demo import DemoSession\n"
        "with DemoSession(background=True) as session:\n"
        "    session.info.staff_added()\n"
        f"    names = {NOT_BEFORE_PAINT + WINDOW_LATER + CLIENTS_ONLY!r}\n"
        "    print(json.dumps(sorted(n for n in names if n in sys.modules)))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_demo_paints_its_window_before_it_starts_the_simulator_or_a_client(
    tmp_path: Path,
) -> None:
    """The real ``pos-app --demo`` start, stopped at the first paint of its window."""
    result = _run(STOPPED_AT_PAINT, "--demo", "--data-dir", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_set_up_counter_paints_its_window_before_it_loads_what_can_wait(
    tmp_path: Path,
) -> None:
    """A real start (settings file, secrets in the environment, staff), not the demo."""
    import base64

    import tomli_w

    from pos_app.services.secrets import SecretName
    from tests.helpers import FAST_SCRYPT

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    pin_key = bytes(range(32))
    with StaffDirectory.open(
        data_dir / "staff.sqlite3", pin_key=pin_key, scrypt=FAST_SCRYPT
    ) as staff:
        staff.add("Morgan Visser", "manager", "246810")
    config = tmp_path / "settings.toml"
    config.write_text(
        tomli_w.dumps(
            {
                "piggy_base_url": "http://127.0.0.1:9",
                "giftoin_base_url": "http://127.0.0.1:9",
                "nudj_base_url": "http://127.0.0.1:9",
                "shop_uuid": "shop-1",
                "data_dir": str(data_dir),
            }
        ),
        encoding="utf-8",
    )
    env = {
        "POS_APP_CONFIG_FILE": str(config),
        SecretName.PIGGY_TOKEN.env_var: "token",
        SecretName.GIFTOIN_API_KEY.env_var: "key",
        SecretName.NUDJ_TOKEN.env_var: "token",
        SecretName.STAFF_PIN_KEY.env_var: base64.b64encode(pin_key).decode("ascii"),
    }
    result = _run(STOPPED_AT_PAINT, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_request_sent_before_the_simulator_serves_is_answered_once_it_does() -> None:
    with DemoSession(background=True) as session:
        info = session.info
        assert session.simulator is None
        assert info.start_simulator is not None
        answers: list[httpx.Response] = []
        url = f"{session.settings.piggy_base_url}/api/v3/oauth/clients/shops"
        headers = {"Authorization": f"Bearer {demo.DEMO_PIGGY_TOKEN}"}
        asking = threading.Thread(
            target=lambda: answers.append(httpx.get(url, headers=headers, timeout=30))
        )
        asking.start()
        info.start_simulator()
        asking.join(30)
        assert [answer.status_code for answer in answers] == [200]
        assert session.simulator is not None
        shops = answers[0].json()["data"]
        assert shops[0]["uuid"] == session.settings.shop_uuid


def test_the_demo_staff_are_there_once_the_app_waited_for_them(tmp_path: Path) -> None:
    with DemoSession(data_dir=tmp_path / "demo", background=True) as session:
        assert session.info.staff_added is not None
        session.info.staff_added()
        with StaffDirectory.open(
            session.settings.staff_path, pin_key=session.secrets.staff_pin_key()
        ) as staff:
            assert [p.name for p in staff.profiles()] == sorted(d.name for d in DEMO_STAFF)


def test_a_session_left_before_the_simulator_served_closes_its_socket() -> None:
    with DemoSession(background=True) as session:
        url = session.settings.piggy_base_url
    assert session.simulator is None
    try:
        answer = httpx.get(f"{url}/api/v3/oauth/clients/shops", timeout=5)
    except httpx.ConnectError:
        answer = None
    assert answer is None


@pytest.mark.asyncio
async def test_the_clients_modules_are_imported_on_the_gui_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On a worker thread they were imported beside what the GUI thread imported meanwhile
    # (a first scan building its client): with PySide's import hook looking into each new
    # module, the worker once found pydantic half initialised, failed, and the scan with it.
    import asyncio
    from types import SimpleNamespace

    from pos_app.ui import app

    imported_on: list[threading.Thread] = []
    monkeypatch.setattr(
        app, "import_client_modules", lambda: imported_on.append(threading.current_thread())
    )

    async def keep_warm() -> None:
        return None

    window = SimpleNamespace(
        complete=lambda: None,
        start_calls=lambda: None,
        services=SimpleNamespace(clients=SimpleNamespace(keep_warm=keep_warm)),
    )
    painted = asyncio.Event()
    painted.set()
    await app._after_first_paint(window, painted, None, None)  # type: ignore[arg-type]
    assert imported_on == [threading.main_thread()]
