"""Piggy (Leat) API v3 client: identify customers, list / collect / reverse their rewards,
list the shop's rewards and claim one with points (reward receptions, and their reverse),
list loyalty transactions.

Everything under ``{base_url}/api/v3/oauth/clients``; the client-credentials token comes
from ``{base_url}/oauth/token`` (not under ``/api/v3``). Bodies are form-encoded like the
official PHP SDK sends them; collect and reverse take no body.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Any, Unpack

import httpx
from pydantic import TypeAdapter, ValidationError

from pos_app.api import errors
from pos_app.api._bodies import parse_json
from pos_app.api._client import BaseClient, ClientOptions
from pos_app.api._transport import (
    ErrorResponse,
    ErrorTranslator,
    Received,
    RequestOptions,
    path_segment,
)
from pos_app.api.piggy_models import (
    CollectableReward,
    Contact,
    ContactIdentifier,
    Envelope,
    LoyaltyTransaction,
    LoyaltyTransactionsPage,
    OAuthToken,
    RedemptionResult,
    Reward,
    RewardReception,
    RewardReceptionReversal,
    Shop,
    VerificationResult,
    VerifiedContact,
)

__all__ = ["API_PREFIX", "PiggyClient", "PiggyErrorTranslator"]

API_PREFIX = "/api/v3/oauth/clients"
TOKEN_PATH = "/oauth/token"

logger = logging.getLogger("pos_app.api.piggy")

# Renew a client-credentials token this long before Piggy says it expires, so a request
# never leaves with a token that dies on the way (clock skew, slow line).
TOKEN_RENEW_MARGIN = 60.0

_ENVELOPE = TypeAdapter(Envelope)
_IDENTIFIER = TypeAdapter(ContactIdentifier)
_CONTACT = TypeAdapter(Contact)
_REWARD = TypeAdapter(CollectableReward)
_REDEMPTION = TypeAdapter(RedemptionResult)
_SHOPS = TypeAdapter(list[Shop])
_CATALOGUE = TypeAdapter(list[Reward])
_RECEPTION = TypeAdapter(RewardReception)
_RECEPTION_REVERSAL = TypeAdapter(RewardReceptionReversal)
_TRANSACTIONS = TypeAdapter(list[LoyaltyTransaction])
_VERIFICATION = TypeAdapter(VerificationResult)
_VERIFIED = TypeAdapter(VerifiedContact)
_TOKEN = TypeAdapter(OAuthToken)

_ERRORS_BY_CODE: dict[int, type[errors.PiggyError]] = {
    1003: errors.InvalidInputError,
    1008: errors.ShopNotFoundError,
    1017: errors.NotEnoughCreditsError,
    1018: errors.RewardOutOfStockError,
    1019: errors.ClaimLimitReachedError,
    1052: errors.RewardInactiveError,
    6003: errors.RewardNotFoundError,
    13010: errors.InvalidVerificationCodeError,
    55031: errors.ContactNotFoundError,
    55032: errors.UserAppNotFoundError,
    60003: errors.IdentifierNotFoundError,
    60004: errors.IdentifierInactiveError,
    60011: errors.IdentifierNotLinkedError,
}
_CODE_REWARD_NOT_FOUND_OR_EXPIRED = 80300

#: The most loyalty transactions one page may hold (the docs: min. 0, max. 100, default 10).
MAX_TRANSACTIONS_PER_PAGE = 100


def _field_errors(value: Any) -> dict[str, list[str]]:
    # Each value is a string or a list of strings (API_NOTES.md); an empty map may be [].
    if not isinstance(value, dict):
        return {}
    result: dict[str, list[str]] = {}
    for field, messages in value.items():
        if isinstance(messages, list):
            result[str(field)] = [str(message) for message in messages]
        elif messages is not None:
            result[str(field)] = [str(messages)]
    return result


# ASCII digits only, and short: str.isdigit() also accepts "²" and "١٢٣", and int()
# refuses more than 4,300 digits. Piggy's codes have five.
_CODE_TEXT = re.compile(r"-?[0-9]{1,18}")


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _CODE_TEXT.fullmatch(value.strip()):
        return int(value.strip())
    return None


class PiggyErrorTranslator(ErrorTranslator):
    """Piggy domain errors: HTTP 4xx with ``{"message", "code", "status_code"}``.

    Like the official SDK, a body is a Piggy error only when all three keys are there;
    a bare ``{"message": ...}`` (Laravel's own 401/429/404 pages) is mapped by status.
    """

    def domain_error(self, error: ErrorResponse) -> errors.ApiStatusError | None:
        body = error.body
        if not isinstance(body, dict) or not {"message", "code", "status_code"} <= body.keys():
            return None
        code = _as_int(body.get("code"))
        message = error.vendor_message or "Piggy error"
        cls: type[errors.PiggyError] = errors.PiggyError
        if code is not None:
            cls = _ERRORS_BY_CODE.get(code, errors.PiggyError)
        if code == _CODE_REWARD_NOT_FOUND_OR_EXPIRED:
            # Same code, two meanings: only the message tells "expired" from "not found".
            is_expired = "expired" in message.lower()
            cls = errors.RewardExpiredError if is_expired else errors.RewardNotFoundError
        return cls(
            message,
            code=code,
            field_errors=_field_errors(body.get("errors")),
            **error.context,
        )


class _TokenSource:
    """Holds the bearer token; fetches and renews it for client credentials.

    One ``asyncio.Lock`` makes concurrent first calls (the contact and its rewards are
    fetched together) wait for a single token request instead of each fetching one.
    """

    def __init__(
        self,
        *,
        static: str | None,
        credentials: tuple[str, str] | None,
        clock: Callable[[], float],
    ) -> None:
        self._static = static
        self._credentials = credentials
        self._clock = clock
        self._token: str | None = None
        self._renew_at: float | None = None
        self._lock = asyncio.Lock()

    @property
    def can_renew(self) -> bool:
        return self._static is None and self._credentials is not None

    async def get(self, fetch: Callable[[str, str], Awaitable[OAuthToken]]) -> str:
        if self._static is not None:
            return self._static
        if self._credentials is None:
            raise RuntimeError("no token and no client credentials")
        async with self._lock:
            if self._token is None or (
                self._renew_at is not None and self._clock() >= self._renew_at
            ):
                # The lifetime counts from when the token was asked for, not from when the
                # (possibly slow) answer arrived.
                asked_at = self._clock()
                token = await fetch(*self._credentials)
                self._token = token.access_token
                self._renew_at = self._renew_time(asked_at, token.expires_in)
            return self._token

    @staticmethod
    def _renew_time(asked_at: float, expires_in: float | None) -> float | None:
        if expires_in is None or expires_in <= 0:
            return None  # no lifetime given: keep it until Piggy answers 401
        margin = min(TOKEN_RENEW_MARGIN, expires_in / 2)
        return asked_at + expires_in - margin

    async def invalidate(self, rejected: str) -> None:
        """Forget ``rejected`` unless another call already replaced it."""
        async with self._lock:
            if self._token == rejected:
                self._token = None
                self._renew_at = None


def _verification_result(content: bytes) -> VerificationResult:
    """What a 2xx to "send the code" said, as far as it can be read; never an error."""
    try:
        body = parse_json(content)
    except ValueError:
        return VerificationResult()
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        return VerificationResult()
    try:
        return _VERIFICATION.validate_python(data)
    except ValidationError:
        return VerificationResult()


class _TokenRejected(errors.AuthenticationError):
    """The token endpoint refused the client credentials: no request may repeat on it."""


class _BearerAuth(httpx.Auth):
    """Puts the bearer token on every request; a 401 makes it renew the token next time.

    It never resends a request itself: a collect or reverse that met a 401 must reach the
    caller as the refusal it is, once (it is booked as such), and only
    :meth:`PiggyClient._call` decides which requests may go again (reads).
    """

    def __init__(
        self, tokens: _TokenSource, fetch: Callable[[str, str], Awaitable[OAuthToken]]
    ) -> None:
        self._tokens = tokens
        self._fetch = fetch

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._tokens.get(self._fetch)
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401 and self._tokens.can_renew:
            # A client-credentials token can be revoked or expire early: forget it, so the
            # next request (whoever sends it) fetches a new one.
            await self._tokens.invalidate(token)


class PiggyClient(BaseClient):
    """Typed async client of the Piggy API v3 (OAuth clients).

    Authenticate with a personal access token / API key (``token``) or with client
    credentials (``client_id`` + ``client_secret``), for which a token is fetched, cached
    and renewed shortly before it expires or after a 401. A ``token`` given together
    with client credentials is used as is, never renewed.

    Reads are retried by the transport, and repeated once with a new token after a 401;
    collect, reverse and the verification calls are sent at most once per call, a 401
    included (see :class:`~pos_app.api._transport.ApiTransport`).
    """

    #: A card's contact and its rewards are asked for side by side; for a card seen before,
    #: its identifier goes beside them too.
    parallel_calls = 3

    vendor = "piggy"

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        if not token and not (client_id and client_secret):
            raise ValueError("PiggyClient needs a token or both client_id and client_secret")
        credentials = (client_id, client_secret) if client_id and client_secret else None
        self._tokens = _TokenSource(
            static=token or None,
            credentials=credentials,
            clock=options.get("clock", time.monotonic),
        )
        super().__init__(
            base_url,
            api_prefix=API_PREFIX,
            logger=logger,
            translator=PiggyErrorTranslator(),
            headers={},
            secrets=(token, client_secret),
            auth=_BearerAuth(self._tokens, self._fetch_token),
            **options,
        )

    # -- identify the customer -------------------------------------------------------

    async def find_contact_identifier(self, value: str) -> ContactIdentifier:
        """Look up a scanned card / QR value. ``.contact`` is None for an unlinked card.

        Raises IdentifierNotFoundError (60003) or IdentifierInactiveError (60004).
        """
        return await self._get(
            "/contact-identifiers/find",
            _IDENTIFIER,
            params={"contact_identifier_value": value},
            pick=self._data,
        )

    async def find_contact_by_email(self, email: str) -> Contact:
        """The contact with this email; ContactNotFoundError (55031) if none."""
        return await self._get(
            "/contacts/find-one-by", _CONTACT, params={"email": email}, pick=self._data
        )

    async def get_contact(self, uuid: str) -> Contact:
        """The contact with this uuid; ContactNotFoundError (55031) if none."""
        segment = path_segment(uuid, what="uuid")
        return await self._get(f"/contacts/{segment}", _CONTACT, pick=self._data)

    async def send_verification_code(self, email: str) -> VerificationResult:
        """Have Piggy email the customer a login code (needs a Contacts Portal: 55032).

        Sent once: a repeat would send the customer a second email with a new code. Any
        2xx means the email went out, whatever its body says (the official SDK ignores the
        body; the docs show ``{type, message}``): a reply of another shape must not read as
        a failure, or the cashier would send a second email.
        """
        response = await self._transport.request(
            "POST", API_PREFIX + "/contact-verification/send", data={"email": email}
        )
        return _verification_result(response.content)

    async def verify_code(self, email: str, code: str) -> str:
        """The uuid of the contact this code proves; InvalidVerificationCodeError if wrong."""
        received = await self._call(
            "POST",
            "/contact-verification/verify",
            data={"email": email, "code": code},
            secrets=(code,),
        )
        return self._transport.validate(_VERIFIED, self._data(received), received).uuid

    # -- rewards -----------------------------------------------------------------------

    async def list_collectable_rewards(self, contact_uuid: str) -> list[CollectableReward]:
        """The contact's claimed rewards still waiting to be picked up."""
        received = await self._call(
            "GET", "/collectable-rewards", params={"contact_uuid": contact_uuid}
        )
        # Not paginated: a busy customer's list is long, so it is validated off the loop.
        return await self._transport.validate_large(_REWARD, self._data(received), received)

    async def collect_reward(self, loyalty_transaction_uuid: str) -> RedemptionResult:
        """Mark a claimed reward as handed over. Sent at most once.

        Returns the redemption (``.uuid`` is what :meth:`reverse_collection` takes).
        Raises RewardNotFoundError (6003 / 80300, e.g. already collected) or
        RewardExpiredError (80300 "Reward is expired."). A 2xx that does not confirm the
        collection with a uuid is a ResponseValidationError: the outcome is then unknown
        and must be reconciled, not assumed.
        """
        segment = path_segment(loyalty_transaction_uuid, what="loyalty_transaction_uuid")
        received = await self._call("PUT", f"/collectable-rewards/collect/{segment}")
        result = self._transport.validate(_REDEMPTION, self._data(received), received)
        if result.status is None:
            raise self._transport.invalid(
                "collect response does not confirm the collection", received
            )
        return result

    async def reverse_collection(self, redemption_uuid: str) -> RedemptionResult:
        """Put a collected reward back to collectable (item returned). Sent at most once.

        Points are not refunded: that is another endpoint, out of scope here.
        """
        segment = path_segment(redemption_uuid, what="redemption_uuid")
        received = await self._call("POST", f"/collectable-rewards/{segment}/reverse")
        return self._transport.validate(_REDEMPTION, self._data(received), received)

    # -- claiming rewards with points ------------------------------------------------------

    async def list_rewards(
        self, *, shop_uuid: str | None = None, contact_uuid: str | None = None
    ) -> list[Reward]:
        """``GET /rewards``: the rewards shown in a shop (``shop_uuid``), or those a contact
        can claim (``contact_uuid``; the docs: that list "might differ from the full list").

        Not paginated. Every item needs its uuid (what a claim takes): one without is a
        ResponseValidationError rather than a reward the counter could not claim.
        ShopNotFoundError (1008), ContactNotFoundError (55031).
        """
        params = {
            name: value
            for name, value in (("shop_uuid", shop_uuid), ("contact_uuid", contact_uuid))
            if value is not None
        }
        received = await self._call("GET", "/rewards", params=params)
        rewards = self._transport.validate(_CATALOGUE, self._data(received), received)
        if any(not reward.uuid for reward in rewards):
            raise self._transport.invalid("a reward in the list has no uuid", received)
        return rewards

    async def create_reward_reception(
        self,
        *,
        contact_uuid: str,
        reward_uuid: str,
        shop_uuid: str | None = None,
        contact_identifier_value: str | None = None,
    ) -> RewardReception:
        """``POST /reward-receptions``: the contact claims the reward with points. Sent at
        most once: the points are the customer's, and a repeat would claim it twice.

        ``shop_uuid`` is required by the docs' table but left out of the SDK's older
        call; it is sent whenever given. ``contact_identifier_value`` is the card the
        customer showed. Raises NotEnoughCreditsError (1017), RewardOutOfStockError (1018),
        ClaimLimitReachedError (1019), RewardInactiveError (1052), RewardNotFoundError
        (6003), ContactNotFoundError (55031), ShopNotFoundError (1008), InvalidInputError
        (1003). A 2xx without the reception's uuid is a ResponseValidationError: the
        outcome is then unknown and must be settled from the server, not assumed.
        """
        form = {"contact_uuid": contact_uuid, "reward_uuid": reward_uuid}
        if shop_uuid is not None:
            form["shop_uuid"] = shop_uuid
        if contact_identifier_value is not None:
            form["contact_identifier_value"] = contact_identifier_value
        received = await self._call("POST", "/reward-receptions", data=form)
        return self._transport.validate(_RECEPTION, self._data(received), received)

    async def reverse_reward_reception(self, reward_reception_uuid: str) -> RewardReceptionReversal:
        """``POST /reward-receptions/{uuid}/reverse`` (no body): give the points of a claim
        back. Piggy books a new credit reception for them, which this returns. Sent at
        most once.

        The docs list only 1003 for it; what it answers for a reward already handed over
        is not documented (the simulator can answer either way).
        """
        segment = path_segment(reward_reception_uuid, what="reward_reception_uuid")
        received = await self._call("POST", f"/reward-receptions/{segment}/reverse")
        return self._transport.validate(_RECEPTION_REVERSAL, self._data(received), received)

    async def list_loyalty_transactions(
        self,
        *,
        shop_uuid: str | None = None,
        contact_uuid: str | None = None,
        type: str | None = None,
        page: int = 1,
        limit: int = 10,
    ) -> LoyaltyTransactionsPage:
        """``GET /loyalty-transactions``, newest first: credit and reward receptions.

        ``type`` filters: ``"reward_receptions"`` or ``"credit_receptions"`` (the docs'
        values; None lists both). ``limit`` is 1..100 (default 10), ``page`` counts from 1.
        ShopNotFoundError (1008), ContactNotFoundError (55031).
        """
        if not 1 <= limit <= MAX_TRANSACTIONS_PER_PAGE:
            raise ValueError(f"limit must be 1..{MAX_TRANSACTIONS_PER_PAGE}, not {limit}")
        if page < 1:
            raise ValueError(f"page counts from 1, not {page}")
        params: dict[str, str | int] = {"page": page, "limit": limit}
        for name, value in (("shop_uuid", shop_uuid), ("contact_uuid", contact_uuid)):
            if value is not None:
                params[name] = value
        if type is not None:
            params["type"] = type
        received = await self._call("GET", "/loyalty-transactions", params=params)
        envelope = self._transport.validate(_ENVELOPE, received.body, received)
        items = self._transport.validate(_TRANSACTIONS, envelope.data, received)
        paging = {
            key: _as_int(envelope.meta.get(key)) for key in ("page", "limit", "last_page", "total")
        }
        return LoyaltyTransactionsPage(items=items, **paging)

    # -- shop ----------------------------------------------------------------------------

    async def list_shops(self) -> list[Shop]:
        """The account's shops (not paginated), for picking this counter's shop."""
        return await self._get("/shops", _SHOPS, pick=self._data)

    # -- plumbing ------------------------------------------------------------------------

    def _data(self, received: Received) -> Any:
        return self._transport.validate(_ENVELOPE, received.body, received).data

    async def _call(
        self,
        method: str,
        path: str,
        **options: Unpack[RequestOptions],
    ) -> Received:
        try:
            return await super()._call(method, path, **options)
        except _TokenRejected:
            raise
        except errors.AuthenticationError:
            # The auth has forgotten the rejected token. Only a read may go again: a 401
            # means a write was refused, and sending it again would make one attempt two
            # requests (the journal books it once, as refused). No second repeat: a second
            # 401 is a settings problem, not a stale token.
            if method != "GET" or not self._tokens.can_renew:
                raise
            logger.info("Piggy answered 401; repeating %s once with a new token", method)
            return await super()._call(method, path, **options)

    async def _fetch_token(self, client_id: str, client_secret: str) -> OAuthToken:
        """POST /oauth/token (client credentials). Sent once; never retried."""
        try:
            received = await self._transport.request_json(
                "POST",
                TOKEN_PATH,
                data={
                    "grant_type": "client_credentials",
                    "client_id": client_id,
                    "client_secret": client_secret,
                },
                secrets=(client_secret,),
                authenticate=False,
            )
        except errors.ApiStatusError as exc:
            if exc.status_code in (400, 401):
                # [inferred] Laravel Passport answers a wrong client id/secret with 400 or
                # 401 ("invalid_client"); both are a credentials problem for the UI.
                raise _TokenRejected(
                    f"could not obtain a token: {exc.message}",
                    vendor=self.vendor,
                    status_code=exc.status_code,
                    method=exc.method,
                    request_path=exc.request_path,
                ) from None
            raise
        token = self._transport.validate(_TOKEN, received.body, received)
        self._transport.add_secret(token.access_token)
        logger.debug("Fetched a Piggy access token (expires in %s s)", token.expires_in)
        return token
