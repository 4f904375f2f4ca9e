"""Size of the installable bundle and its cold start time, to the window shown.

Run after ``make package``:

    .venv/bin/python benchmarks/bundle.py [--bundle dist/pos-app] [--runs 5] [--platform offscreen]
    .venv/bin/python benchmarks/bundle.py --size-only     # what `make package` prints

Size: every file under the bundle folder (what a counter PC stores), by part, against the
limit of 120 MB (millions of bytes, files' own sizes), and the archive next to it.

Start time: the bundle's ``pos-app --self-test`` is started again and again; the figure
is the wall time from starting the process to the self-test's
"window shown" line, which it prints when the main window is first painted (demo mode, so
it includes starting the built-in simulator). "Cold" runs come after dropping the
operating system's page cache (``/proc/sys/vm/drop_caches``, needs root on Linux), so the
bundle's files are read from the disk as on a counter PC's first start of the day; without
that permission only the first run is reported, which is as cold as the cache happened to
be. "Warm" runs follow each other with the files in the page cache. Every run must pass
the self-test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOWN_MARKER = "window shown:"
#: What the unpacked bundle may take, in MB (10^6 bytes) as every figure here.
LIMIT_MB = 120
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


@dataclass(frozen=True)
class Run:
    shown_ms: float
    total_ms: float
    passed: bool


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _against_limit(total: int) -> str:
    margin = LIMIT_MB - total / 1_000_000
    if margin >= 0:
        return f"limit {LIMIT_MB} MB, {margin:.1f} MB under it"
    return f"limit {LIMIT_MB} MB, {-margin:.1f} MB OVER it"


def _part(relative: Path) -> str:
    parts = relative.parts
    text = relative.as_posix()
    if "PySide6" in parts:
        if "plugins" in parts:
            return "Qt plugins"
        if "translations" in parts:
            return "Qt translations"
        if relative.name.startswith(("libQt6", "Qt6", "libicu", "icu")):
            return "Qt and ICU libraries"
        return "PySide6 bindings"
    if "resources" in parts:
        return "app resources (resources/)"
    if text.endswith((".so", ".pyd", ".dll")) or ".so." in relative.name:
        return "Python, its extensions, other libraries"
    return "other (Python code archive, executables, metadata)"


def report_size(bundle: Path) -> None:
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    total = sum(path.stat().st_size for path in files)
    print(f"bundle {bundle}: {_mb(total)} in {len(files)} files; {_against_limit(total)}")
    parts: dict[str, int] = {}
    for path in files:
        key = _part(path.relative_to(bundle))
        parts[key] = parts.get(key, 0) + path.stat().st_size
    for key, size in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"  {_mb(size):>9}  {key}")
    largest = sorted(files, key=lambda path: -path.stat().st_size)[:5]
    print("  largest: " + ", ".join(f"{p.name} {_mb(p.stat().st_size)}" for p in largest))
    for archive in sorted(bundle.parent.glob(f"{bundle.name}-*.tar.gz")):
        print(f"archive {archive.name}: {_mb(archive.stat().st_size)}")


def drop_page_cache() -> bool:
    """Empty the page cache (Linux, root); False when not allowed here."""
    try:
        os.sync()
        DROP_CACHES.write_text("3\n")
    except OSError:
        return False
    return True


def start_once(executable: Path, platform: str) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_")}
    env["QT_QPA_PLATFORM"] = platform
    started = time.perf_counter()
    shown: float | None = None
    with subprocess.Popen(
        [str(executable), "--self-test"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
        bufsize=1,
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if shown is None and SHOWN_MARKER in line:
                shown = time.perf_counter()
        code = process.wait(timeout=120)
    ended = time.perf_counter()
    if shown is None:
        raise SystemExit(f"{executable} --self-test never showed its window (exit {code})")
    return Run((shown - started) * 1000, (ended - started) * 1000, code == 0)


def _figures(runs: list[Run]) -> str:
    shown = [run.shown_ms for run in runs]
    total = [run.total_ms for run in runs]
    if len(runs) == 1:
        return f"window shown {shown[0]:.0f} ms (whole self-test {total[0]:.0f} ms)"
    return (
        f"window shown median {statistics.median(shown):.0f} ms "
        f"(min {min(shown):.0f}, max {max(shown):.0f}; "
        f"whole self-test median {statistics.median(total):.0f} ms) over {len(runs)} runs"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "pos-app")
    parser.add_argument("--runs", type=int, default=5, help="runs per kind (cold, warm)")
    parser.add_argument(
        "--platform", default="offscreen", help="Qt platform plugin (offscreen, xcb, ...)"
    )
    parser.add_argument("--size-only", action="store_true", help="the size; no start times")
    args = parser.parse_args()
    name = "pos-app.exe" if sys.platform == "win32" else "pos-app"
    executable = args.bundle / name
    if not executable.is_file():
        print(f"{executable} does not exist: run `make package` first.", file=sys.stderr)
        return 1
    report_size(args.bundle)
    if args.size_only:
        return 0

    print(f"start to window shown (demo mode, QT_QPA_PLATFORM={args.platform}):")
    if drop_page_cache():
        cold = []
        for _ in range(args.runs):
            drop_page_cache()
            cold.append(start_once(executable, args.platform))
        print(f"  cold (page cache dropped before each run): {_figures(cold)}")
    else:
        cold = [start_once(executable, args.platform)]
        print(f"  first run (page cache could not be dropped here): {_figures(cold)}")
    warm = [start_once(executable, args.platform) for _ in range(args.runs)]
    print(f"  warm (files in the page cache): {_figures(warm)}")
    failed = sum(not run.passed for run in cold + warm)
    if failed:
        print(f"{failed} runs did not pass the self-test", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
