"""`pos-app --self-test` from source: passes on a good installation, fails on a broken one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.ui.first_paint import process_age
from pos_app.ui.self_test import CheckResult

ROOT = Path(__file__).resolve().parents[2]
CHECKS = (
    "window shown",
    "app icon",
    "language",
    "picture formats",
    "text sorting",
    "shared journal driver",
    "camera decoder",
    "customer DEMO-CARD-1",
    "reward picture",
    "progress panel",
    "hand-over",
    "journal",
    "slip printing",
    "receipt printer",
)


def run_self_test(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_")}
    clean["QT_QPA_PLATFORM"] = "offscreen"
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "pos_app", "--self-test", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def check_lines(stdout: str) -> dict[str, str]:
    """Check name → "ok" or "FAILED", from the self-test's output."""
    found: dict[str, str] = {}
    for line in stdout.splitlines():
        status, _, rest = line.partition(" ")
        if status in ("ok", "FAILED"):
            found[rest.strip().split(":", 1)[0]] = status
    return found


@pytest.mark.slow
def test_self_test_passes_and_says_what_it_checked() -> None:
    # In Dutch: the catalogues load and the whole flow works in another language (the
    # other self-tests run in English).
    result = run_self_test(env={"POS_APP_LANGUAGE": "nl"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert check_lines(result.stdout) == dict.fromkeys(CHECKS, "ok")
    assert "ok      language: nl: the app's and Qt's catalogues loaded" in result.stdout
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("pos-app ")
    assert "self-test from source" in lines[0]
    assert lines[-1].startswith(f"self-test passed: {len(CHECKS)} checks in ")
    assert "Journal intact" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_missing_demo_pictures_fail_the_self_test(tmp_path: Path) -> None:
    """What a bundle without its resources looks like: the picture check fails, exit 1."""
    result = run_self_test(env={"POS_APP_SANDBOX_RESOURCES": str(tmp_path)})
    assert result.returncode == 1, result.stdout + result.stderr
    checks = check_lines(result.stdout)
    assert checks.pop("reward picture") == "FAILED"
    assert set(checks.values()) == {"ok"}
    assert (
        result.stdout.strip()
        .splitlines()[-1]
        .startswith(f"self-test FAILED: 1 of {len(CHECKS)} checks")
    )


@pytest.mark.slow
def test_a_failed_lookup_fails_the_self_test_and_skips_what_depends_on_it() -> None:
    result = run_self_test("--fault", "piggy.identifier=error:404")
    assert result.returncode == 1, result.stdout + result.stderr
    checks = check_lines(result.stdout)
    assert checks["customer DEMO-CARD-1"] == "FAILED"
    for name in ("reward picture", "progress panel", "hand-over", "journal", "slip printing"):
        assert checks[name] == "FAILED"
    assert "not tried: no customer on screen" in result.stdout


def test_result_lines() -> None:
    assert CheckResult("app icon", True, "fine").line() == "ok      app icon: fine"
    assert CheckResult("journal", False, "broken").line() == "FAILED  journal: broken"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_process_age_is_known_on_linux() -> None:
    age = process_age()
    assert age is not None
    assert 0 < age < 24 * 3600
