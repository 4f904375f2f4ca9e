"""No secret ever reaches a log record or an exception message.

Every client method is driven through success and through each kind of failure, with
servers that echo the secrets back in their error bodies (a careless vendor or proxy
might), and with the contact example that carries the login URL and code. Everything the
``pos_app`` and ``httpx`` loggers emitted at DEBUG, and every exception's str, repr and
formatted traceback (chained causes included), is searched for the secrets.
"""

from __future__ import annotations

import copy
import logging
import traceback
from collections.abc import Awaitable, Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from pos_app.api import GiftoinClient, NudjClient, PiggyClient, errors
from pos_app.api.piggy_models import Contact
from tests.api.fakes import (
    GIFTOIN_URL,
    NUDJ_URL,
    PIGGY_PREFIX,
    PIGGY_URL,
    FakeServer,
    Outcome,
    Reply,
    SleepRecorder,
    load_example,
)

P = PIGGY_PREFIX

PIGGY_TOKEN = "pat-SECRET-7c1e0b9d4a"
CLIENT_SECRET = "cs-SECRET-44f0e2a9b1"
ACCESS_TOKEN = "at-SECRET-93b7d1c0e5"
GIFTOIN_KEY = "gk-SECRET-2d8e4f6a0c"
NUDJ_TOKEN = "nt-SECRET-5a3c9e1f7b"
VERIFICATION_CODE = "731904"

CONTACT = load_example("piggy/contact_find_one_by.json")
LOGIN_URL = CONTACT["data"]["current_values"]["custom_app_login_url"]
LOGIN_TOKEN = LOGIN_URL.split("token=", 1)[1]
LOGIN_CODE = str(CONTACT["data"]["current_values"]["custom_app_login_code"])

SECRETS = {
    "piggy token": PIGGY_TOKEN,
    "client secret": CLIENT_SECRET,
    "access token": ACCESS_TOKEN,
    "giftoin key": GIFTOIN_KEY,
    "nudj token": NUDJ_TOKEN,
    "verification code": VERIFICATION_CODE,
    "login url token": LOGIN_TOKEN,
    "login code": LOGIN_CODE,
}
# Personal data that travels in query strings: fine in an exception the cashier caused,
# never in the logs.
EMAIL = "sandy@treedome.sea"
CARD = "CARD-VALUE-0042"
NOT_IN_LOGS = {**SECRETS, "email": EMAIL, "card value": CARD}


def contact_with_secrets() -> dict[str, Any]:
    return copy.deepcopy(CONTACT)


SUCCESS: dict[tuple[str, str], Reply] = {
    ("GET", f"{P}/contact-identifiers/find"): Reply(
        200, load_example("piggy/contact_identifier_find.json")
    ),
    ("GET", f"{P}/contacts/find-one-by"): Reply(200, contact_with_secrets()),
    ("GET", f"{P}/contacts/c-1"): Reply(200, contact_with_secrets()),
    ("GET", f"{P}/collectable-rewards"): Reply(
        200, load_example("piggy/collectable_rewards_list.json")
    ),
    ("PUT", f"{P}/collectable-rewards/collect/tx-1"): Reply(
        200, load_example("piggy/collect_current.json")
    ),
    ("POST", f"{P}/collectable-rewards/red-1/reverse"): Reply(
        200, load_example("piggy/reverse.json")
    ),
    ("GET", f"{P}/shops"): Reply(200, load_example("piggy/shops_list.json")),
    ("POST", f"{P}/contact-verification/send"): Reply(
        200, load_example("piggy/verification_send.json")
    ),
    ("POST", f"{P}/contact-verification/verify"): Reply(
        200, load_example("piggy/verification_verify.json")
    ),
    ("GET", "/api/v1/users/discord/42/progress/collection-challenges"): Reply(
        200, load_example("giftoin/progress_list.json")
    ),
    ("GET", "/api/v1/users/discord/42/progress/collection-challenges/program_123"): Reply(
        200, load_example("giftoin/progress_one.json")
    ),
    ("GET", "/api/v1/users/discord/42/inventory"): Reply(200, {"points": 5}),
    ("GET", "/api/v2/integration/rewards"): Reply(200, load_example("nudj/rewards_page.json")),
    ("GET", "/api/v2/admin/users/u-1"): Reply(200, load_example("nudj/admin_user.json")),
}
SUCCESS_BY_PATH: dict[str, Reply] = {path: reply for (_, path), reply in SUCCESS.items()}
TOKEN_ROUTE = ("POST", "/oauth/token")
TOKEN_OK = Reply(200, {"token_type": "Bearer", "expires_in": 3600, "access_token": ACCESS_TOKEN})


_SECRET_HEADERS = ("authorization", "x-gft_api_key", "x-gft-api-key", "x-api-token")


def echo_of(request: httpx.Request) -> str:
    """Every credential the request carried (headers and form fields), space-separated.

    A careless vendor or proxy may repeat what it received in its error text; each
    client knows its own secrets and must redact them.
    """
    values = [request.headers[name] for name in _SECRET_HEADERS if name in request.headers]
    if request.content:
        values += [v for _, v in parse_qsl(request.content.decode(), keep_blank_values=True)]
    return " ".join(values)


def error_body(path: str, echo: str) -> dict[str, Any]:
    """An error body in the vendor's own format whose message repeats the credentials."""
    if path.startswith("/api/v1"):
        return {"status": {"timestamp": 1, "errorCode": 1010, "errorMessage": echo}}
    if path.startswith("/api/v2"):
        return {"message": echo, "code": "BAD_REQUEST", "data": {"path": echo}}
    return {
        "message": echo,
        "code": 1003,
        "status_code": 400,
        "errors": {"code": [echo], "token": echo},
    }


def wrong_shape(path: str, echo: str) -> Any:
    """A 2xx body that does not fit the model and holds secrets (validation must not quote)."""
    if path.startswith("/api/v1"):
        return {"data": f"{echo} {LOGIN_URL}", "status": {"timestamp": echo}}
    if path.startswith("/api/v2"):
        return {"totalCount": echo, "edges": LOGIN_URL, "id": echo}
    bad = contact_with_secrets()["data"]
    bad["uuid"] = None
    bad["status"] = None
    bad["current_values"]["firstname"] = {"token": echo}
    return {"data": bad, "meta": echo}


Build = Callable[[str, str], Reply | Exception]

MODES: dict[str, Build] = {
    "success": lambda path, echo: SUCCESS_BY_PATH[path],
    "domain-error-echo": lambda path, echo: Reply(400, error_body(path, echo)),
    "404-echo": lambda path, echo: Reply(404, error_body(path, echo)),
    "401-echo": lambda path, echo: Reply(401, {"message": echo}),
    "429-echo": lambda path, echo: Reply(429, {"message": echo}, headers={"Retry-After": "600"}),
    "500-echo": lambda path, echo: Reply(500, error_body(path, echo)),
    "503-echo": lambda path, echo: Reply(503, content=echo.encode()),
    "connect-error-echo": lambda path, echo: httpx.ConnectError(f"refused {echo}"),
    "timeout-echo": lambda path, echo: httpx.ReadTimeout(f"timed out {echo}"),
    "garbage-echo": lambda path, echo: Reply(200, content=f"<html>{echo}</html>".encode()),
    "wrong-shape": lambda path, echo: Reply(200, wrong_shape(path, echo)),
}


def echoing(build: Build) -> Outcome:
    async def handle(request: httpx.Request) -> httpx.Response:
        outcome = build(request.url.raw_path.decode().split("?")[0], echo_of(request))
        if isinstance(outcome, Exception):
            raise outcome
        return outcome.build()

    return handle


Step = Callable[[], Awaitable[object]]


def steps(piggy: PiggyClient, giftoin: GiftoinClient, nudj: NudjClient) -> list[Step]:
    async def all_rewards() -> list[object]:
        return [reward async for reward in nudj.iter_rewards(page_size=100)]

    return [
        lambda: piggy.find_contact_identifier(CARD),
        lambda: piggy.find_contact_by_email(EMAIL),
        lambda: piggy.get_contact("c-1"),
        lambda: piggy.list_collectable_rewards("c-1"),
        lambda: piggy.collect_reward("tx-1"),
        lambda: piggy.reverse_collection("red-1"),
        lambda: piggy.list_shops(),
        lambda: piggy.send_verification_code(EMAIL),
        lambda: piggy.verify_code(EMAIL, VERIFICATION_CODE),
        lambda: giftoin.collection_challenges("discord", "42"),
        lambda: giftoin.collection_challenge("discord", "42", "program_123"),
        lambda: giftoin.inventory("discord", "42"),
        lambda: nudj.rewards(limit=100),
        all_rewards,
        lambda: nudj.user("u-1"),
    ]


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        return "\n".join(self.format(record) for record in self.records)


@pytest.fixture
def log_capture() -> Iterator[Collect]:
    handler = Collect()
    loggers = [logging.getLogger("pos_app"), logging.getLogger("httpx")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)


def exception_text(exc: BaseException) -> str:
    return "\n".join([str(exc), repr(exc), "".join(traceback.format_exception(exc))])


def assert_clean(text: str, forbidden: dict[str, str], where: str) -> None:
    leaks = [name for name, value in forbidden.items() if value in text]
    assert not leaks, f"{', '.join(leaks)} leaked into {where}:\n{text}"


async def drive(mode: str, *, credentials: bool, token_outcome: Outcome = TOKEN_OK) -> list[str]:
    """Run every client method against the mode's server; return what they produced."""
    server = FakeServer()
    for method, path in SUCCESS:
        server.add(method, path, echoing(MODES[mode]))
    server.add(*TOKEN_ROUTE, token_outcome)
    sleep = SleepRecorder()
    piggy_auth: dict[str, Any] = (
        {"client_id": "client-1", "client_secret": CLIENT_SECRET}
        if credentials
        else {"token": PIGGY_TOKEN}
    )
    texts: list[str] = []
    async with (
        PiggyClient(PIGGY_URL, transport=server.transport, sleep=sleep, **piggy_auth) as piggy,
        GiftoinClient(
            GIFTOIN_URL, api_key=GIFTOIN_KEY, transport=server.transport, sleep=sleep
        ) as giftoin,
        NudjClient(NUDJ_URL, token=NUDJ_TOKEN, transport=server.transport, sleep=sleep) as nudj,
    ):
        for step in steps(piggy, giftoin, nudj):
            try:
                result = await step()
            except errors.ApiError as exc:  # anything else escapes and fails the test
                texts.append(exception_text(exc))
            else:
                # The tolerant models may accept an odd 2xx (Giftoin's inventory keeps any
                # body raw); only the documented bodies' results are checked.
                if mode == "success":
                    texts.append(repr(result))
                    dump = getattr(result, "model_dump_json", None)
                    if dump is not None:
                        texts.append(dump())
    assert server.calls, "the scenario sent nothing"
    return texts


@pytest.mark.asyncio
@pytest.mark.parametrize("credentials", [False, True], ids=["token", "client-credentials"])
@pytest.mark.parametrize("mode", sorted(MODES))
async def test_no_secret_in_logs_or_errors(
    log_capture: Collect, mode: str, credentials: bool
) -> None:
    texts = await drive(mode, credentials=credentials)
    logged = log_capture.text()
    assert "GET /api/v3/oauth/clients" in logged, "the transport logged nothing at DEBUG"
    assert_clean(logged, NOT_IN_LOGS, "the logs")
    for text in texts:
        assert_clean(text, SECRETS, "an exception or a result")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "token_outcome",
    [
        echoing(lambda path, echo: Reply(401, {"error": "invalid_client", "message": echo})),
        echoing(lambda path, echo: Reply(400, {"error": "invalid_request", "message": echo})),
        echoing(lambda path, echo: Reply(200, {"token_type": "Bearer", "message": echo})),
        echoing(lambda path, echo: httpx.ConnectError(f"refused {echo}")),
    ],
    ids=["401", "400", "no-token", "connect"],
)
async def test_no_secret_when_the_token_request_fails(
    log_capture: Collect, token_outcome: Outcome
) -> None:
    texts = await drive("success", credentials=True, token_outcome=token_outcome)
    assert_clean(log_capture.text(), NOT_IN_LOGS, "the logs")
    for text in texts:
        assert_clean(text, SECRETS, "an exception or a result")


def test_the_contact_model_drops_the_login_secrets() -> None:
    contact = Contact.model_validate(CONTACT["data"])
    for text in (repr(contact), str(contact), contact.model_dump_json(), str(contact.__dict__)):
        assert LOGIN_TOKEN not in text
        assert LOGIN_URL not in text
        assert LOGIN_CODE not in text
    assert "custom_app_login_url" not in contact.attributes
    assert "custom_app_login_code" not in contact.attributes
    assert "custom_app_login_code" not in contact.display_values
    assert contact.attributes["add_to_wallet"].startswith("https://leat.com/add-to-wallet")
