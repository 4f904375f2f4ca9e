"""Start to window: the counter app next to a bare PySide6 + qasync window.

    .venv/bin/python benchmarks/startup.py [--runs 5] [--bundle dist/pos-app]
                                           [--compare ../other-checkout]
                                           [--bare-bundle build/startup-bare/bare_window]

Every figure is the wall time from starting the process to the first paint of its main
window, taken the same way for each: this script starts the program and stops the clock
when the program prints its first-paint line (the app logs ``window painted:`` at INFO,
``-v``, when its counter window is first painted; ``bare_window.py`` prints the same).

- **bare**: ``bare_window.py`` from source, the reference: PySide6 and qasync imported,
  one QMainWindow shown on the qasync loop.
- **app**: ``pos-app --demo`` from source, the demo as a person starts it (``make demo``),
  to the first paint of the counter window. Everything the app does before that paint is
  in the figure (settings, the journal, staff, the simulator where it is started before
  the window), each run in a fresh data folder as a demo start is.
- **counter**: ``pos-app`` from source as a set-up counter starts each morning: its
  settings file (pointing at the simulator, which this script runs), its secrets in
  ``POS_APP_*`` variables (no keyring on this machine), and a data folder kept from one
  start to the next with its journal and staff list.
- **bundle** (when ``dist/pos-app`` exists, after ``make package``): the same demo start of
  the bundled ``pos-app``, warm (files in the page cache) and cold (the page cache dropped
  before the run, as on a counter PC's first start of the day; needs root on Linux).
- **bare bundle** (with ``--bare-bundle``, or ``--build-bare-bundle`` to make one with
  PyInstaller into ``build/startup-bare``): ``bare_window.py`` bundled the same way.

From source, Python keeps the compiled modules in ``__pycache__`` as it does on any
installed machine (PYTHONDONTWRITEBYTECODE is left out of the programs' environment unless
``--no-bytecode-cache``); the uncounted first run of each kind writes them.

The kinds run interleaved (bare, app, bundle, ...; then again), so a load that comes and
goes on a shared machine falls on each alike. Each figure is shown with its median and
range, and as a ratio of its median to the bare window's (warm to warm, cold to cold)
next to the goal of at most 2×.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script: benchmarks/ is on sys.path, so the sibling benchmark's helpers import.
from bundle import drop_page_cache

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
MARKER = "window painted:"
LIMIT = 2.0
TIMEOUT = 60.0
#: --no-bytecode-cache: keep PYTHONDONTWRITEBYTECODE as this environment has it.
KEEP_BYTECODE_SETTING = False


@dataclass
class Kind:
    name: str
    command: list[str]
    #: The app's demo takes a fresh data folder each run, as a demo start makes one.
    data_dir: bool = False
    reference: str | None = None
    times: list[float] = field(default_factory=list)
    #: Variables the program starts with (the counter's config file and secrets).
    env: dict[str, str] = field(default_factory=dict)


def start_once(kind: Kind, platform: str) -> float:
    """Milliseconds from starting ``kind`` to its first-paint line; the process is ended."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_")}
    env.update(kind.env)
    if not KEEP_BYTECODE_SETTING:
        # As on an installed counter: Python keeps the compiled modules (__pycache__).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = platform
    folder = tempfile.mkdtemp(prefix="startup-bench-") if kind.data_dir else None
    command = kind.command + (["--data-dir", folder] if folder else [])
    try:
        started = time.perf_counter()
        with subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            text=True,
            bufsize=1,
        ) as process:
            assert process.stdout is not None
            deadline = started + TIMEOUT
            for line in process.stdout:
                if MARKER in line:
                    painted = time.perf_counter()
                    break
                if time.perf_counter() > deadline:
                    process.kill()
                    raise SystemExit(f"{kind.name}: no first paint within {TIMEOUT:.0f} s")
            else:
                raise SystemExit(f"{kind.name} ended without painting (exit {process.wait()})")
            process.terminate()
            process.wait(timeout=TIMEOUT)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return (painted - started) * 1000


def set_up_counter(folder: Path) -> tuple[dict[str, str], Callable[[], None]]:
    """A set-up counter in ``folder`` against a simulator: its variables, and a stop."""
    import base64
    import secrets

    import tomli_w

    from pos_app.sandbox import demo_data as demo
    from pos_app.sandbox import start_simulator
    from pos_app.services.secrets import SecretName
    from pos_app.services.staff import DEMO_STAFF, StaffDirectory

    simulator = start_simulator()
    data_dir = folder / "data"
    config = folder / "settings.toml"
    values = {
        "piggy_base_url": simulator.piggy_base_url,
        "giftoin_base_url": simulator.giftoin_base_url,
        "nudj_base_url": simulator.nudj_base_url,
        "shop_uuid": simulator.state.data.shops[0].uuid,
        "giftoin_platform": demo.GIFTOIN_PLATFORM,
        "giftoin_user_attribute": demo.GIFTOIN_USER_ATTRIBUTE,
        "data_dir": str(data_dir),
        "counter_name": "Counter 1",
    }
    config.write_text(tomli_w.dumps(values), encoding="utf-8")
    pin_key = secrets.token_bytes(32)
    env = {
        "POS_APP_CONFIG_FILE": str(config),
        SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN,
        SecretName.GIFTOIN_API_KEY.env_var: demo.DEMO_GIFTOIN_KEY,
        SecretName.NUDJ_TOKEN.env_var: demo.DEMO_NUDJ_TOKEN,
        SecretName.STAFF_PIN_KEY.env_var: base64.b64encode(pin_key).decode("ascii"),
    }
    data_dir.mkdir(parents=True)
    with StaffDirectory.open(data_dir / "staff.sqlite3", pin_key=pin_key) as staff:
        for person in DEMO_STAFF:
            staff.add(person.name, person.role, person.pin)
    return env, simulator.stop


def build_bare_bundle() -> Path:
    """``bare_window.py`` as a PyInstaller one-folder bundle, in build/startup-bare."""
    work = ROOT / "build" / "startup-bare"
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "work"),
            "--specpath",
            str(work),
            str(HERE / "bare_window.py"),
        ],
        check=True,
    )
    return work / "dist" / "bare_window" / "bare_window"


def _figures(kind: Kind, kinds: dict[str, Kind]) -> str:
    median = statistics.median(kind.times)
    text = (
        f"{kind.name:<22} median {median:5.0f} ms  "
        f"(range {min(kind.times):.0f}–{max(kind.times):.0f}, {len(kind.times)} runs)"
    )
    reference = kinds.get(kind.reference) if kind.reference else None
    if reference is not None and reference.times:
        ratio = median / statistics.median(reference.times)
        verdict = "within" if ratio <= LIMIT else "over"
        text += f"  {ratio:4.2f}× {reference.name} ({verdict} the {LIMIT:.0f}× goal)"
    return text


def run(kinds: Sequence[Kind], runs: int, platform: str, *, cold: bool) -> None:
    for _ in range(runs):
        for kind in kinds:
            if cold:
                drop_page_cache()
            kind.times.append(start_once(kind, platform))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each kind")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "pos-app")
    parser.add_argument("--bare-bundle", type=Path, help="a bundled bare_window executable")
    parser.add_argument(
        "--build-bare-bundle",
        action="store_true",
        help="bundle bare_window.py with PyInstaller first (into build/startup-bare)",
    )
    parser.add_argument("--no-bundle", action="store_true", help="source only")
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="CHECKOUT",
        help="also start the demo of another checkout (its .venv), e.g. an earlier commit's",
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE if set (every start compiles the app's modules)",
    )
    parser.add_argument(
        "--platform", default="offscreen", help="Qt platform plugin (offscreen, xcb, ...)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="startup-counter-"))
    counter_env, stop_simulator = set_up_counter(folder)
    try:
        return measure(args, counter_env)
    finally:
        stop_simulator()
        shutil.rmtree(folder, ignore_errors=True)


def measure(args: argparse.Namespace, counter_env: dict[str, str]) -> int:
    global KEEP_BYTECODE_SETTING
    KEEP_BYTECODE_SETTING = args.no_bytecode_cache
    python = sys.executable
    app = Path(python).with_name("pos-app")
    counter = Kind("counter (source)", [str(app), "-v"], reference="bare (source)")
    counter.env = counter_env
    warm = [
        Kind("bare (source)", [python, str(HERE / "bare_window.py")]),
        Kind("app (source)", [str(app), "--demo", "-v"], data_dir=True, reference="bare (source)"),
        counter,
    ]
    if args.compare is not None:
        other = args.compare.resolve() / ".venv" / "bin" / "pos-app"
        warm.append(
            Kind(f"app ({args.compare.name})", [str(other), "--demo", "-v"], True, "bare (source)")
        )
    bare_bundle = args.bare_bundle
    if args.build_bare_bundle:
        bare_bundle = build_bare_bundle()
    if bare_bundle is not None:
        warm.append(Kind("bare (bundle)", [str(bare_bundle)]))
    bundle = args.bundle / "pos-app"
    if not args.no_bundle and bundle.is_file():
        bundled_reference = "bare (bundle)" if bare_bundle is not None else "bare (source)"
        warm.append(Kind("app (bundle)", [str(bundle), "--demo", "-v"], True, bundled_reference))
        bundled_counter = Kind("counter (bundle)", [str(bundle), "-v"], reference=bundled_reference)
        bundled_counter.env = counter_env
        warm.append(bundled_counter)
    elif not args.no_bundle:
        print(f"({bundle} does not exist: `make package` first for the bundle's figures)")

    print(
        f"start to first paint of the main window, QT_QPA_PLATFORM={args.platform}, "
        f"{args.runs} runs each, interleaved:"
    )
    # One run of each first, not counted: it fills the page cache and Python's .pyc files.
    for kind in warm:
        start_once(kind, args.platform)
    run(warm, args.runs, args.platform, cold=False)
    named = {kind.name: kind for kind in warm}
    print("warm (files in the page cache):")
    for kind in warm:
        print("  " + _figures(kind, named))

    cold_kinds = [
        Kind(kind.name, kind.command, kind.data_dir, kind.reference, env=kind.env)
        for kind in warm
        if "bundle" in kind.name or kind.name == "bare (source)"
    ]
    if len(cold_kinds) > 1:
        if not drop_page_cache():
            print("cold: the page cache cannot be dropped here (needs root on Linux)")
            return 0
        run(cold_kinds, args.runs, args.platform, cold=True)
        named = {kind.name: kind for kind in cold_kinds}
        print("cold (page cache dropped before each run):")
        for kind in cold_kinds:
            print("  " + _figures(kind, named))
    return 0


if __name__ == "__main__":
    sys.exit(main())
