"""Nudj client: the organisation's rewards and one customer's points and XP.

Base URL is the organisation's host (``https://{subdomain}.nudj.cx`` or a custom domain);
the client adds ``/api/v2``. Texts come in the language of ``x-language`` when set.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any, Unpack

from pydantic import TypeAdapter

from pos_app.api import errors
from pos_app.api._client import BaseClient, ClientOptions
from pos_app.api._transport import (
    ErrorResponse,
    ErrorTranslator,
    Received,
    make_status_error,
    path_segment,
    with_vendor_message,
)
from pos_app.api.nudj_models import NudjCustomer, NudjReward, NudjRewardsPage

__all__ = ["API_PREFIX", "MAX_PAGE_SIZE", "NudjClient", "NudjErrorTranslator"]

API_PREFIX = "/api/v2"
MAX_PAGE_SIZE = 100
# iter_rewards stops after this many pages even if the server keeps answering: a server
# that ignores ``skip`` would otherwise page forever.
MAX_PAGES = 1000

logger = logging.getLogger("pos_app.api.nudj")

_PAGE = TypeAdapter(NudjRewardsPage)
_CUSTOMER = TypeAdapter(NudjCustomer)

# tRPC codes that mean the same as an HTTP status the transport already maps; used when
# the HTTP status itself says something else (e.g. 400 carrying NOT_FOUND).
_CODE_CLASSES: dict[str, tuple[type[errors.ApiStatusError], str]] = {
    "UNAUTHORIZED": (errors.AuthenticationError, "not authenticated (check the token)"),
    "FORBIDDEN": (errors.PermissionDeniedError, "permission denied"),
    "NOT_FOUND": (errors.NotFoundError, "not found"),
    "TOO_MANY_REQUESTS": (errors.RateLimitedError, "rate limited"),
    "INTERNAL_SERVER_ERROR": (errors.ServerError, "server error"),
}


def _trpc_error(body: Any) -> dict[str, Any] | None:
    """The tRPC error object: flat as documented, or under ``error`` [inferred, tRPC v10]."""
    if not isinstance(body, dict):
        return None
    inner = body.get("error")
    if isinstance(inner, dict):
        body = inner
    return body if "code" in body or "message" in body else None


def _trpc_code(error: dict[str, Any]) -> str | None:
    code = error.get("code")
    if isinstance(code, str) and code:
        return code
    data = error.get("data")
    if isinstance(data, dict) and isinstance(data.get("code"), str):
        return str(data["code"])
    return None


class NudjErrorTranslator(ErrorTranslator):
    """Nudj's tRPC-style errors ``{"message", "code", "data": {"httpStatus", "path"}}``."""

    def describe(self, body: Any) -> str | None:
        return super().describe(_trpc_error(body))

    def domain_error(self, error: ErrorResponse) -> errors.ApiStatusError | None:
        trpc = _trpc_error(error.body)
        if trpc is None:
            return None
        code = _trpc_code(trpc)
        if error.status_code == 404:
            return None  # a plain NotFoundError (with Nudj's message), whatever the code
        if code in _CODE_CLASSES:
            cls, text = _CODE_CLASSES[code]
            return make_status_error(cls, with_vendor_message(text, error), error)
        data = trpc.get("data")
        procedure = data.get("path") if isinstance(data, dict) else None
        return errors.NudjError(
            error.vendor_message or "Nudj error",
            code=code,
            path=procedure if isinstance(procedure, str) else None,
            **error.context,
        )


def _page_body(received: Received) -> Any:
    # Anything but a page with an edges list is None, which the dict check then refuses.
    body = received.body
    return body if isinstance(body, dict) and isinstance(body.get("edges"), list) else None


def _user_body(received: Received) -> Any:
    body = received.body
    if isinstance(body, dict) and "id" not in body and isinstance(body.get("data"), dict):
        return body["data"]  # [inferred] tolerate an envelope, as other endpoints use
    return body


def _check_page_args(limit: int, skip: int) -> None:
    # Nudj's shared pagination contract: 1 <= limit <= 100, skip >= 0 (API_NOTES.md §3).
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValueError(f"limit must be an int from 1 to {MAX_PAGE_SIZE}, got {limit!r}")
    if isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
        raise ValueError(f"skip must be an int >= 0, got {skip!r}")


class NudjClient(BaseClient):
    """Typed async client of the Nudj API v2 (integration and admin endpoints).

    All calls are reads, retried by the transport on connection errors, 429 and 5xx.
    """

    #: The customer and the catalogue are asked for side by side.
    parallel_calls = 2

    vendor = "nudj"

    def __init__(
        self,
        base_url: str,
        *,
        token: str,
        language: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        if not token:
            raise ValueError("NudjClient needs a token")
        # x-api-token only: every endpoint's own example uses it, while a Bearer token is
        # organisation-scoped and needs an x-api-domain header, answering 403 without it
        # (API_NOTES.md §4).
        headers = {"x-api-token": token}
        if language:
            headers["x-language"] = language
        super().__init__(
            base_url,
            api_prefix=API_PREFIX,
            logger=logger,
            translator=NudjErrorTranslator(),
            headers=headers,
            secrets=(token,),
            **options,
        )

    async def rewards(self, limit: int = 10, skip: int = 0) -> NudjRewardsPage:
        """One page of the organisation's rewards (``limit`` 1-100, ``skip`` >= 0)."""
        _check_page_args(limit, skip)
        return await self._get(
            "/integration/rewards",
            _PAGE,
            params={"limit": limit, "skip": skip},
            pick=_page_body,
            expect=dict,
            what="a page with an edges list",
        )

    def iter_rewards(self, page_size: int = MAX_PAGE_SIZE) -> AsyncIterator[NudjReward]:
        """Every reward, page after page, until an empty page or ``totalCount`` is reached.

        ``page_size`` is checked here, before the first request.
        """
        _check_page_args(page_size, 0)
        return self._iter_rewards(page_size)

    async def _iter_rewards(self, page_size: int) -> AsyncIterator[NudjReward]:
        skip = 0
        for _ in range(MAX_PAGES):
            page = await self.rewards(limit=page_size, skip=skip)
            if page.received_count == 0:
                return
            for reward in page.edges:
                yield reward
            skip += page.received_count
            if page.total_count is not None and skip >= page.total_count:
                return
        logger.warning("Stopped paging Nudj rewards after %d pages", MAX_PAGES)

    async def user(self, user_id: str) -> NudjCustomer:
        """One customer by Nudj id, or by the merchant's external user id [inferred]."""
        segment = path_segment(user_id, what="user_id")
        return await self._get(
            f"/admin/users/{segment}", _CUSTOMER, pick=_user_body, expect=dict, what="a user object"
        )
