"""Every error body of API_NOTES.md maps to the exception class the UI matches on.

Status first, body second: 401/403/429/5xx by status (Piggy sends bare Laravel bodies
there), then the vendor's body (Piggy domain errors are HTTP 400), then a bare 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from pos_app.api import errors
from tests.api.fakes import (
    PIGGY_PREFIX,
    FakeServer,
    Reply,
    giftoin_client,
    load_example,
    nudj_client,
    piggy_client,
)


@dataclass(frozen=True)
class Case:
    id: str
    status: int
    body: Any
    expected: type[errors.ApiError]
    code: int | str | None = None
    text: str | None = None
    """A fragment str(error) must contain (the vendor's message)."""
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None

    def reply(self) -> Reply:
        return Reply(self.status, self.body, content=self.content, headers=self.headers)


def piggy_body(code: int | str, message: str, **extra: Any) -> dict[str, Any]:
    return {"message": message, "code": code, "status_code": 400, **extra}


PIGGY_CASES = [
    Case("1003", 400, piggy_body(1003, "Invalid input."), errors.InvalidInputError, 1003),
    Case("55031", 400, piggy_body(55031, "Contact not found."), errors.ContactNotFoundError, 55031),
    Case("55032", 400, piggy_body(55032, "User app not found."), errors.UserAppNotFoundError),
    Case(
        "13010", 400, piggy_body(13010, "Passcode not found."), errors.InvalidVerificationCodeError
    ),
    Case(
        "60003",
        400,
        piggy_body(60003, "Contact identifier not found."),
        errors.IdentifierNotFoundError,
    ),
    Case(
        "60004",
        400,
        piggy_body(60004, "Contact identifier inactive."),
        errors.IdentifierInactiveError,
    ),
    Case(
        "60011",
        400,
        piggy_body(60011, "Contact identifier is not linked to a contact."),
        errors.IdentifierNotLinkedError,
    ),
    Case("6003", 400, piggy_body(6003, "Reward not found."), errors.RewardNotFoundError, 6003),
    Case(
        "80300-not-found",
        400,
        piggy_body(80300, "Reward not found."),
        errors.RewardNotFoundError,
        80300,
    ),
    Case(
        "80300-expired",
        400,
        piggy_body(80300, "Reward is expired."),
        errors.RewardExpiredError,
        80300,
    ),
    Case("1008", 400, piggy_body(1008, "Shop not found."), errors.ShopNotFoundError, 1008),
    Case(
        "1102",
        400,
        piggy_body(1102, "Shop not linked to a Loyalty Program."),
        errors.PiggyError,
        1102,
    ),
    Case("7002", 400, piggy_body(7002, "Account inactive."), errors.PiggyError, 7002),
    Case(
        "code-as-string",
        400,
        piggy_body("55031", "Contact not found."),
        errors.ContactNotFoundError,
        55031,
    ),
    Case(
        "domain-body-on-404",
        404,
        piggy_body(55031, "Contact not found."),
        errors.ContactNotFoundError,
        55031,
    ),
    Case(
        "bare-401",
        401,
        {"message": "Unauthenticated."},
        errors.AuthenticationError,
        text="Unauthenticated.",
    ),
    Case(
        "domain-body-on-401", 401, piggy_body(7002, "Account inactive."), errors.AuthenticationError
    ),
    Case(
        "bare-403", 403, {"message": "This action is unauthorized."}, errors.PermissionDeniedError
    ),
    Case(
        "bare-429",
        429,
        {"message": "Too Many Attempts."},
        errors.RateLimitedError,
        text="Too Many Attempts.",
        headers={"Retry-After": "12"},
    ),
    Case("503", 503, {"message": "Service Unavailable"}, errors.MaintenanceError),
    Case("500", 500, {"message": "Server Error"}, errors.ServerError, text="Server Error"),
    Case("502-html", 502, None, errors.ServerError, content=b"<html>Bad Gateway</html>"),
    Case("bare-404", 404, {"message": "Not Found"}, errors.NotFoundError),
    Case("400-garbage", 400, None, errors.ApiStatusError, content=b"<html>oops</html>"),
    Case(
        "422-laravel",
        422,
        {"message": "The given data was invalid.", "errors": {"email": ["Required."]}},
        errors.ApiStatusError,
        text="The given data was invalid.",
    ),
    Case("200-not-json", 200, None, errors.ResponseValidationError, content=b"<html>hi</html>"),
    Case("200-no-envelope", 200, {"uuid": "c-1"}, errors.ResponseValidationError),
    Case("200-wrong-shape", 200, {"data": {"email": "x@y.z"}}, errors.ResponseValidationError),
    Case("200-data-not-object", 200, {"data": "c-1", "meta": []}, errors.ResponseValidationError),
]


def check(error: errors.ApiError, case: Case, vendor: str) -> None:
    assert type(error) is case.expected, f"{type(error).__name__} != {case.expected.__name__}"
    assert error.vendor == vendor
    assert error.status_code == case.status
    if case.code is not None:
        assert getattr(error, "code", None) == case.code
    if case.text is not None:
        assert case.text in str(error)
    assert str(error).startswith(vendor.capitalize() + ": ")


@pytest.mark.asyncio
@pytest.mark.parametrize("case", PIGGY_CASES, ids=lambda c: c.id)
async def test_piggy_error_mapping(server: FakeServer, case: Case) -> None:
    server.add("GET", f"{PIGGY_PREFIX}/contacts/c-1", case.reply())
    async with piggy_client(server, max_retries=0) as piggy:
        with pytest.raises(errors.ApiError) as caught:
            await piggy.get_contact("c-1")
    check(caught.value, case, "piggy")
    assert len(server.calls) == 1


def test_piggy_error_text_names_code_status_and_request() -> None:
    error = errors.RewardExpiredError(
        "Reward is expired.",
        code=80300,
        status_code=400,
        method="PUT",
        request_path="/api/v3/oauth/clients/collectable-rewards/collect/tx-1",
    )
    assert str(error) == (
        "Piggy: Reward is expired. (code 80300, HTTP 400, "
        "PUT /api/v3/oauth/clients/collectable-rewards/collect/tx-1)"
    )
    assert isinstance(error, errors.PiggyError)
    assert isinstance(error, errors.ApiStatusError)


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (
            errors.GiftoinError(
                "User not found", code=3004, status_code=400, method="GET", request_path="/u"
            ),
            "Giftoin: User not found (code 3004, HTTP 400, GET /u)",
        ),
        (errors.GiftoinError("odd", code=None, status_code=418), "Giftoin: odd (HTTP 418)"),
        (
            errors.NudjError(
                "Already redeemed",
                code="CONFLICT",
                status_code=409,
                path="integration.rewards.redeem",
                method="POST",
                request_path="/api/v2/x",
                retry_after=3.0,
            ),
            "Nudj: Already redeemed (CONFLICT, HTTP 409, POST /api/v2/x)",
        ),
        (errors.NudjError("bare", code="", status_code=400), "Nudj: bare (HTTP 400)"),
    ],
    ids=["giftoin", "giftoin-no-code", "nudj", "nudj-empty-code"],
)
def test_vendor_error_text_names_code_status_and_request(
    error: errors.ApiStatusError, text: str
) -> None:
    assert str(error) == text
    assert error.vendor == text.split(":")[0].lower()


@pytest.mark.asyncio
async def test_piggy_field_errors_take_strings_and_lists(server: FakeServer) -> None:
    body = load_example("piggy/error_invalid_input_with_errors.json")
    server.add("GET", f"{PIGGY_PREFIX}/collectable-rewards", Reply(400, body))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.InvalidInputError) as caught:
            await piggy.list_collectable_rewards("")
    assert caught.value.field_errors == {
        "contact_uuid": ["The contact uuid field is required."],
        "email": ["The email must be a valid email address."],
    }


@pytest.mark.asyncio
async def test_bare_429_carries_retry_after(server: FakeServer) -> None:
    server.add(
        "GET",
        f"{PIGGY_PREFIX}/shops",
        Reply(429, {"message": "Too Many Attempts."}, headers={"Retry-After": "12"}),
    )
    async with piggy_client(server, max_retries=0) as piggy:
        with pytest.raises(errors.RateLimitedError) as caught:
            await piggy.list_shops()
    assert caught.value.retry_after == 12.0


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"status": "COLLECTED"}, "uuid"),
        ({"uuid": "", "status": "COLLECTED"}, "uuid"),
        ({"uuid": "tx-1", "has_been_collected": False}, "does not confirm"),
        (None, "<root>"),
    ],
    ids=["no-uuid", "empty-uuid", "legacy-not-collected", "null"],
)
async def test_a_collect_result_must_confirm_with_a_uuid(
    server: FakeServer, data: Any, fragment: str
) -> None:
    server.add(
        "PUT", f"{PIGGY_PREFIX}/collectable-rewards/collect/tx-1", Reply(200, {"data": data})
    )
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ResponseValidationError, match=fragment) as caught:
            await piggy.collect_reward("tx-1")
    assert caught.value.status_code == 200
    assert caught.value.method == "PUT"


@pytest.mark.asyncio
async def test_a_reward_list_item_without_uuid_fails_the_list(server: FakeServer) -> None:
    body = {"data": [{"title": "no uuid"}], "meta": {}}
    server.add("GET", f"{PIGGY_PREFIX}/collectable-rewards", Reply(200, body))
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ResponseValidationError, match=r"0\.uuid"):
            await piggy.list_collectable_rewards("c-1")


@pytest.mark.asyncio
async def test_a_long_reward_list_is_validated_reward_by_reward(server: FakeServer) -> None:
    # A thousand rewards are checked one at a time (on a worker thread); a bad one among
    # them is still named by its place in the list, and fails the whole list.
    good = [{"uuid": f"tx-{i}", "title": f"Reward {i}"} for i in range(1000)]
    body = {"data": [*good[:700], {"title": "no uuid"}, *good[700:]], "meta": {}}
    odd = {"data": {"0": good[0]}}
    replies = (Reply(200, body), Reply(200, {"data": good}), Reply(200, odd))
    server.add("GET", f"{PIGGY_PREFIX}/collectable-rewards", *replies)
    async with piggy_client(server) as piggy:
        with pytest.raises(errors.ResponseValidationError, match=r"700\.uuid: Field required"):
            await piggy.list_collectable_rewards("c-1")
        rewards = await piggy.list_collectable_rewards("c-1")
        assert [r.uuid for r in rewards] == [g["uuid"] for g in good]
        with pytest.raises(errors.ResponseValidationError, match="valid list"):
            await piggy.list_collectable_rewards("c-1")


def giftoin_body(code: int, message: str) -> dict[str, Any]:
    return {"status": {"timestamp": "1708777200000", "errorCode": code, "errorMessage": message}}


GIFTOIN_CASES = [
    Case(
        "400-1001",
        400,
        giftoin_body(1001, "This API Key is invalid."),
        errors.AuthenticationError,
        text="This API Key is invalid.",
    ),
    Case(
        "401-1002",
        401,
        giftoin_body(1002, "API Key is missing."),
        errors.AuthenticationError,
        text="API Key is missing.",
    ),
    Case(
        "400-other",
        400,
        giftoin_body(1010, "Invalid platform."),
        errors.GiftoinError,
        1010,
        "Invalid platform.",
    ),
    Case(
        "402",
        402,
        giftoin_body(1020, "Payment required."),
        errors.GiftoinError,
        1020,
        "Payment required.",
    ),
    Case("402-no-body", 402, None, errors.ApiStatusError, content=b""),
    Case(
        "403",
        403,
        giftoin_body(1030, "Forbidden."),
        errors.PermissionDeniedError,
        text="Forbidden.",
    ),
    Case(
        "404",
        404,
        giftoin_body(1040, "User not found."),
        errors.NotFoundError,
        text="User not found.",
    ),
    Case("404-no-body", 404, None, errors.NotFoundError, content=b""),
    Case("429", 429, giftoin_body(1050, "Too many requests."), errors.RateLimitedError),
    Case(
        "500",
        500,
        giftoin_body(1060, "Internal error."),
        errors.ServerError,
        text="Internal error.",
    ),
    Case(
        "200-envelope-with-1001",
        200,
        {"status": giftoin_body(1001, "This API Key is invalid.")["status"]},
        errors.AuthenticationError,
        text="This API Key is invalid.",
    ),
    Case("200-not-json", 200, None, errors.ResponseValidationError, content=b"not json"),
    Case("200-string", 200, "just a string", errors.ResponseValidationError),
    Case(
        "200-envelope-not-list",
        200,
        {"data": {"id": "p"}, "status": {}},
        errors.ResponseValidationError,
    ),
    Case(
        "200-envelope-with-error",
        200,
        {"status": giftoin_body(1010, "Invalid platform.")["status"]},
        errors.GiftoinError,
        1010,
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize("case", GIFTOIN_CASES, ids=lambda c: c.id)
async def test_giftoin_error_mapping(server: FakeServer, case: Case) -> None:
    server.add("GET", "/api/v1/users/discord/1/progress/collection-challenges", case.reply())
    async with giftoin_client(server, max_retries=0) as giftoin:
        with pytest.raises(errors.ApiError) as caught:
            await giftoin.collection_challenges("discord", "1")
    check(caught.value, case, "giftoin")


def trpc(code: str, http_status: int, message: str = "Oops") -> dict[str, Any]:
    return {
        "message": message,
        "code": code,
        "data": {"httpStatus": http_status, "path": "integration.rewards.list"},
    }


NUDJ_CASES = [
    Case(
        "BAD_REQUEST",
        400,
        trpc("BAD_REQUEST", 400, "limit too big"),
        errors.NudjError,
        "BAD_REQUEST",
        "limit too big",
    ),
    Case(
        "UNAUTHORIZED",
        401,
        trpc("UNAUTHORIZED", 401, "Invalid token"),
        errors.AuthenticationError,
        text="Invalid token",
    ),
    Case("FORBIDDEN", 403, trpc("FORBIDDEN", 403), errors.PermissionDeniedError),
    Case(
        "NOT_FOUND",
        404,
        trpc("NOT_FOUND", 404, "No such user"),
        errors.NotFoundError,
        text="No such user",
    ),
    Case("BAD_REQUEST-on-404", 404, trpc("BAD_REQUEST", 400), errors.NotFoundError),
    Case("CONFLICT", 409, trpc("CONFLICT", 409, "Already there"), errors.NudjError, "CONFLICT"),
    Case("INTERNAL_SERVER_ERROR", 500, trpc("INTERNAL_SERVER_ERROR", 500), errors.ServerError),
    Case("NOT_FOUND-on-400", 400, trpc("NOT_FOUND", 404), errors.NotFoundError),
    Case(
        "trpc-v10-nested",
        400,
        {
            "error": {
                "message": "Bad skip",
                "code": -32600,
                "data": {"code": "BAD_REQUEST", "path": "x.y"},
            }
        },
        errors.NudjError,
        "BAD_REQUEST",
        "Bad skip",
    ),
    # Nudj's own 503 is JSON; an empty one comes from a proxy in between.
    Case("503-empty", 503, None, errors.ServerError, content=b""),
    Case("200-not-json", 200, None, errors.ResponseValidationError, content=b"{broken"),
    Case(
        "200-wrong-shape", 200, {"totalCount": 1, "edges": "none"}, errors.ResponseValidationError
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize("case", NUDJ_CASES, ids=lambda c: c.id)
async def test_nudj_error_mapping(server: FakeServer, case: Case) -> None:
    server.add("GET", "/api/v2/integration/rewards", case.reply())
    async with nudj_client(server, max_retries=0) as nudj:
        with pytest.raises(errors.ApiError) as caught:
            await nudj.rewards()
    check(caught.value, case, "nudj")


@pytest.mark.asyncio
async def test_nudj_error_keeps_the_procedure_path(server: FakeServer) -> None:
    server.add("GET", "/api/v2/integration/rewards", Reply(400, trpc("BAD_REQUEST", 400)))
    async with nudj_client(server) as nudj:
        with pytest.raises(errors.NudjError) as caught:
            await nudj.rewards()
    assert caught.value.path == "integration.rewards.list"
    assert caught.value.request_path == "/api/v2/integration/rewards"
    assert caught.value.code == "BAD_REQUEST"
    assert caught.value.message == "Oops"


def test_every_error_is_an_api_error_and_timeouts_are_connection_errors() -> None:
    assert issubclass(errors.ApiTimeoutError, errors.ApiConnectionError)
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.ApiError), name
