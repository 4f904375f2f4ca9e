from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from pos_app.services.doctor import CheckResult, CheckStatus, Doctor, exit_code, format_table
from pos_app.services.phrases import Phrase
from pos_app.services.progress import NUDJ_MISS_RECORD
from pos_app.services.secrets import SecretStore
from pos_app.services.settings import Settings, load_settings
from tests.helpers.cli import SECRETS, doctor_against_nowhere

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT.parent / "shared" / "api" / "examples"
SHOP = "5fd3322e-671e-430f-aa38-5ed02e600ff7"

Handler = Callable[[httpx.Request], httpx.Response]


def _example(name: str) -> object:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def _vendors(
    piggy: Handler | None = None, giftoin: Handler | None = None, nudj: Handler | None = None
) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if host == "piggy.test":
            assert request.headers["authorization"] == "Bearer piggy-secret-token"
            assert request.url.path == "/api/v3/oauth/clients/shops"
            if piggy:
                return piggy(request)
            return httpx.Response(200, json=_example("piggy/shops_list.json"))
        if host == "giftoin.test":
            if giftoin:
                return giftoin(request)
            return httpx.Response(200, json=_example("giftoin/progress_list.json"))
        if host == "nudj.test":
            assert request.url.path == "/api/v2/integration/rewards"
            if nudj:
                return nudj(request)
            return httpx.Response(200, json=_example("nudj/rewards_page.json"))
        raise httpx.ConnectError("no such host", request=request)

    return httpx.MockTransport(handle)


def _settings(**changes: object) -> Settings:
    base = load_settings().with_overrides(
        piggy_base_url="https://piggy.test",
        giftoin_base_url="https://giftoin.test",
        nudj_base_url="https://nudj.test",
        shop_uuid=SHOP,
    )
    return base.model_copy(update=changes)


async def _run(
    settings: Settings, transport: httpx.MockTransport, env: dict[str, str] | None = None
) -> list[CheckResult]:
    store = SecretStore(env=SECRETS if env is None else env, use_keyring=False)
    return await Doctor(settings, store, transport=transport).run()


def _row(results: list[CheckResult], component: str, check: str) -> CheckResult:
    matches = [r for r in results if r.component == component and r.check == check]
    assert len(matches) == 1, results
    return matches[0]


@pytest.mark.asyncio
@pytest.mark.usefixtures("memory_keyring")
async def test_all_good() -> None:
    results = await _run(_settings(), _vendors())
    failed = [r for r in results if r.status is CheckStatus.FAIL]
    assert failed == []
    assert exit_code(results) == 0
    assert _row(results, "Piggy", "shop").detail == f"Krusty Krab Downtown ({SHOP})"
    assert _row(results, "Giftoin", "credentials accepted").status is CheckStatus.OK
    assert _row(results, "Nudj", "credentials accepted").status is CheckStatus.OK
    assert "Everything needed is in order." in format_table(results)


@pytest.mark.asyncio
async def test_refused_token_names_the_next_step() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"message": "Unauthenticated."})

    results = await _run(_settings(), _vendors(piggy=refuse))
    row = _row(results, "Piggy", "credentials accepted")
    assert row.status is CheckStatus.FAIL
    assert "refused" in row.detail
    assert "pos-app secrets set" in row.next_step
    assert _row(results, "Piggy", "reachable").status is CheckStatus.OK
    assert exit_code(results) == 1


@pytest.mark.asyncio
async def test_unknown_shop_lists_the_known_ones() -> None:
    results = await _run(_settings(shop_uuid="nope"), _vendors())
    row = _row(results, "Piggy", "shop")
    assert row.status is CheckStatus.FAIL
    assert "nope does not exist" in row.detail
    assert f"Krusty Krab Downtown ({SHOP})" in row.next_step


@pytest.mark.asyncio
async def test_missing_shop_setting_and_web_shop() -> None:
    missing = _row(await _run(_settings(shop_uuid=None), _vendors()), "Piggy", "shop")
    assert missing.status is CheckStatus.FAIL
    assert "POS_APP_SHOP_UUID" in missing.next_step
    web = _row(await _run(_settings(shop_uuid="123123"), _vendors()), "Piggy", "shop")
    assert web.status is CheckStatus.WARN
    assert "web shop" in web.detail


@pytest.mark.asyncio
@pytest.mark.usefixtures("no_keyring")
async def test_missing_secrets_and_unconfigured_programs() -> None:
    results = await _run(_settings(nudj_base_url=None), _vendors(), env={})
    token = _row(results, "Piggy", "piggy-token")
    assert token.status is CheckStatus.FAIL
    assert "pos-app secrets set piggy-token" in token.next_step
    assert _row(results, "Giftoin", "configured").status is CheckStatus.SKIPPED
    assert _row(results, "Nudj", "configured").status is CheckStatus.SKIPPED
    assert _row(results, "Keyring", "available").status is CheckStatus.FAIL


@pytest.mark.asyncio
async def test_invalid_giftoin_key_and_nudj_without_host() -> None:
    def invalid_key(request: httpx.Request) -> httpx.Response:
        assert request.headers["x-gft_api_key"] == "giftoin-secret-key"
        return httpx.Response(400, json=_example("giftoin/error_invalid_key.json"))

    results = await _run(_settings(nudj_base_url=None), _vendors(giftoin=invalid_key))
    assert _row(results, "Giftoin", "credentials accepted").status is CheckStatus.FAIL
    nudj = _row(results, "Nudj", "host")
    assert nudj.status is CheckStatus.FAIL
    assert "POS_APP_NUDJ_BASE_URL" in nudj.next_step


@pytest.mark.asyncio
async def test_giftoin_unknown_probe_user_means_key_accepted() -> None:
    def unknown_user(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            404, json={"status": {"timestamp": 1, "errorCode": 404, "errorMessage": "No user"}}
        )

    results = await _run(_settings(), _vendors(giftoin=unknown_user))
    assert _row(results, "Giftoin", "credentials accepted").status is CheckStatus.OK


@pytest.mark.asyncio
async def test_wrong_host_answering_html() -> None:
    def html(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>hello</html>")

    results = await _run(_settings(), _vendors(nudj=html))
    row = _row(results, "Nudj", "reachable")
    assert row.status is CheckStatus.FAIL
    assert "not like the Nudj API" in row.detail


@pytest.mark.asyncio
async def test_maintenance_and_rate_limit() -> None:
    def maintenance(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"message": "Service Unavailable"})

    def limited(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            429, json={"message": "Too Many Attempts."}, headers={"Retry-After": "9"}
        )

    results = await _run(_settings(), _vendors(piggy=maintenance, nudj=limited))
    assert "maintenance" in _row(results, "Piggy", "reachable").detail
    limited_row = _row(results, "Nudj", "credentials accepted")
    assert limited_row.status is CheckStatus.WARN
    assert "9 s" in limited_row.detail


@pytest.mark.asyncio
@pytest.mark.usefixtures("memory_keyring")
async def test_every_row_not_in_order_has_its_next_step_in_app_words() -> None:
    """Check this counter shows ``app_step``, never the terminal's ``next_step``, and
    translates it: a phrase, as are the row's check and details."""

    def maintenance(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"message": "Service Unavailable"})

    def forbidden(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"message": "Forbidden."})

    def limited(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, json={"message": "Too Many Attempts."})

    results = await _run(_settings(), _vendors(piggy=maintenance, giftoin=forbidden, nudj=limited))
    not_in_order = [r for r in results if r.status in (CheckStatus.FAIL, CheckStatus.WARN)]
    assert {(r.component, r.check) for r in not_in_order} == {
        ("Piggy", "reachable"),
        ("Giftoin", "credentials accepted"),
        ("Nudj", "credentials accepted"),
    }
    for row in not_in_order:
        assert isinstance(row.app_step, Phrase), row
        assert "doctor" not in row.app_step, row
        assert isinstance(row.check, Phrase), row
        assert isinstance(row.detail, Phrase), row


@pytest.mark.asyncio
async def test_unwritable_data_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    results = await _run(_settings(data_dir=blocker / "data"), _vendors())
    row = _row(results, "Data folder", "writable")
    assert row.status is CheckStatus.FAIL
    assert "POS_APP_DATA_DIR" in row.next_step


def test_doctor_against_unreachable_hosts_prints_a_table(tmp_path: Path) -> None:
    """The command a shop's IT person runs: a readable table and exit code 1, no traceback."""
    result = doctor_against_nowhere(tmp_path, extra={"POS_APP_SHOP_UUID": SHOP}, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Component", "Check", "Result", "Details"]
    for vendor in ("Piggy", "Giftoin", "Nudj"):
        row = next(line for line in lines if line.startswith(vendor) and "reachable" in line)
        assert "FAIL" in row
        assert "cannot connect to http://127.0.0.1:9" in row
    assert "next: Check the network and the piggy_base_url setting" in result.stdout
    for secret in SECRETS.values():
        assert secret not in result.stdout + result.stderr


@pytest.mark.asyncio
@pytest.mark.usefixtures("memory_keyring")
@pytest.mark.parametrize(
    ("source", "status", "fragment"),
    [
        ("uuid", CheckStatus.OK, "Piggy contact uuid"),
        ("attribute:nudj_id", CheckStatus.OK, "contact attribute nudj_id"),
        ("email", CheckStatus.WARN, "documents no lookup by email"),
    ],
)
async def test_the_nudj_id_source_is_named_with_what_it_relies_on(
    tmp_path: Path, source: str, status: CheckStatus, fragment: str
) -> None:
    settings = _settings(nudj_user_id_source=source, data_dir=tmp_path)
    row = _row(await _run(settings, _vendors()), "Nudj", "user id source")
    assert row.status is status
    assert fragment in row.detail


@pytest.mark.asyncio
@pytest.mark.usefixtures("memory_keyring")
async def test_a_counter_that_found_no_nudj_users_is_a_setup_problem(tmp_path: Path) -> None:
    # What the counter records after five Nudj lookups in a row found nobody.
    (tmp_path / NUDJ_MISS_RECORD).write_text(
        json.dumps({"misses": 7, "looked_up_by": "email"}), encoding="utf-8"
    )
    settings = _settings(nudj_user_id_source="email", data_dir=tmp_path)
    results = await _run(settings, _vendors())
    row = _row(results, "Nudj", "user id source")
    assert row.status is CheckStatus.FAIL
    assert "the last 7 customers" in row.detail
    assert "nudj_user_id_source" in row.next_step
    assert exit_code(results) != 0
