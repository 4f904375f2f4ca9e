"""Giftoin client: a customer's progress in collection challenges, and their inventory.

Users are addressed by a platform and that platform's user id (a Discord id kept in a
Piggy contact attribute, say); which attribute and platform is a setting of the services.
"""

from __future__ import annotations

import logging
from typing import Any, Unpack

from pydantic import TypeAdapter

from pos_app.api import errors
from pos_app.api._client import BaseClient, ClientOptions
from pos_app.api._models import LenientList
from pos_app.api._transport import (
    ErrorResponse,
    ErrorTranslator,
    Received,
    make_status_error,
    path_segment,
)
from pos_app.api.giftoin_models import (
    CollectionChallenge,
    GiftoinInventory,
    is_envelope,
    parse_status,
)

__all__ = ["API_PREFIX", "GiftoinClient", "GiftoinErrorTranslator"]

API_PREFIX = "/api/v1"

logger = logging.getLogger("pos_app.api.giftoin")

_PROGRESS = "progress/collection-challenges"
_CHALLENGES = TypeAdapter(LenientList[CollectionChallenge])
_CHALLENGE = TypeAdapter(CollectionChallenge)

# Giftoin sends auth failures as errorCode 1001 (invalid key, with HTTP 400) and 1002
# (missing key, with HTTP 401) (API_NOTES.md §2).
_AUTH_ERROR_CODES = frozenset({1001, 1002})


class GiftoinErrorTranslator(ErrorTranslator):
    """Giftoin error bodies: ``{"status": {"timestamp", "errorCode", "errorMessage"}}``."""

    def describe(self, body: Any) -> str | None:
        if isinstance(body, dict):
            _, message = parse_status(body.get("status"))
            if message and message.strip():
                return message.strip()
        return super().describe(body)

    def domain_error(self, error: ErrorResponse) -> errors.ApiStatusError | None:
        if not isinstance(error.body, dict) or not isinstance(error.body.get("status"), dict):
            return None
        code, _ = parse_status(error.body["status"])
        message = error.vendor_message or "Giftoin error"
        if code in _AUTH_ERROR_CODES:
            # An *invalid* key comes as HTTP 400, not 401: still a settings problem.
            return make_status_error(
                errors.AuthenticationError, f"API key rejected: {message}", error
            )
        if error.status_code == 404:
            return None  # a plain NotFoundError (with Giftoin's message): nothing to add
        return errors.GiftoinError(message, code=code, **error.context)


class GiftoinClient(BaseClient):
    """Typed async client of the Giftoin users API (progress and inventory).

    All calls are reads, retried by the transport on connection errors, 429 and 5xx.
    """

    vendor = "giftoin"

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str,
        **options: Unpack[ClientOptions],
    ) -> None:
        if not api_key:
            raise ValueError("GiftoinClient needs an api_key")
        self._translator = GiftoinErrorTranslator()
        super().__init__(
            base_url,
            api_prefix=API_PREFIX,
            logger=logger,
            translator=self._translator,
            headers={
                "x-gft_api_key": api_key,
                # WORKAROUND: proxies such as nginx drop header names with an underscore
                # by default (underscores_in_headers off); Giftoin also accepts the
                # hyphenated name, so both are sent.
                "x-gft-api-key": api_key,
            },
            secrets=(api_key,),
            **options,
        )

    async def collection_challenges(
        self, platform: str, platform_user_id: str
    ) -> list[CollectionChallenge]:
        """The user's progress in every collection challenge."""
        return await self._get(
            self._user_path(platform, platform_user_id, _PROGRESS),
            _CHALLENGES,
            pick=self._result,
            expect=list,
            what="a list of collection challenges",
        )

    async def check_key(self) -> None:
        """Prove the key is accepted (raises the key's error when it is not).

        [inferred] Giftoin has no "who am I" endpoint: this asks for a user that does not
        exist. A 404 (or an empty list) proves the key was accepted; an invalid key answers
        400/1001 and a missing one 401/1002 before the user is looked up.
        """
        try:
            await self.collection_challenges("discord", "0")
        except errors.ApiStatusError as exc:
            if exc.status_code != 404:
                raise

    async def collection_challenge(
        self, platform: str, platform_user_id: str, program_id: str
    ) -> CollectionChallenge:
        """The user's progress in one collection challenge (``program_id``)."""
        segment = path_segment(program_id, what="program_id")
        return await self._get(
            self._user_path(platform, platform_user_id, f"{_PROGRESS}/{segment}"),
            _CHALLENGE,
            pick=self._result,
            expect=dict,
            what="one collection challenge",
        )

    async def inventory(self, platform: str, platform_user_id: str) -> GiftoinInventory:
        """The user's inventory (undocumented body: raw map plus best-effort points)."""
        received = await self._call("GET", self._user_path(platform, platform_user_id, "inventory"))
        return GiftoinInventory.from_body(self._result(received))

    @staticmethod
    def _user_path(platform: str, platform_user_id: str, tail: str) -> str:
        # Both segments are user data (a Discord id typed into a contact attribute).
        return (
            f"/users/{path_segment(platform, what='platform')}"
            f"/{path_segment(platform_user_id, what='platform_user_id')}/{tail}"
        )

    def _result(self, received: Received) -> Any:
        """The result, bare or inside ``{data, status}`` (the docs show both)."""
        body = received.body
        if isinstance(body, dict) and isinstance(body.get("status"), dict):
            code, message = parse_status(body["status"])
            if body.get("data") is None and code:
                # [inferred] a status with an error code and no data is an error even when
                # the HTTP status says 200; it maps like the same body on an error status.
                error = ErrorResponse(
                    info=received.info,
                    status_code=received.status_code,
                    body=body,
                    retry_after=None,
                    vendor_message=self._transport.redact(message) if message else None,
                )
                raise self._translator.domain_error(error) or self._transport.invalid(
                    "error status without data", received
                )
        return body.get("data") if is_envelope(body) else body
