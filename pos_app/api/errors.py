"""One error hierarchy for the three vendor APIs.

The UI and the services match these by type (``except RewardExpiredError``) instead of
inspecting HTTP status codes or vendor bodies, and they never see an ``httpx`` exception:
the transport wraps every one of them. The tree::

    ApiError                          .vendor, .status_code, .message, .method, .request_path
    ├── ApiConnectionError            the server could not be reached / the line dropped
    │   ├── NotConnectedError         no connection made: nothing was sent
    │   └── ApiTimeoutError
    │       └── DeadlineExceededError the action's time budget was spent: nothing was sent
    ├── ResponseValidationError       a body that is not JSON or does not fit the model
    └── ApiStatusError                the server answered with an error status
        ├── AuthenticationError       401 (and Giftoin's 400/1001 "invalid key")
        ├── PermissionDeniedError     403
        ├── NotFoundError             404 without a more specific vendor error
        ├── RateLimitedError          429, .retry_after
        ├── MaintenanceError          503, .retry_after
        ├── ServerError               other 5xx
        ├── PiggyError                .code, .message, .field_errors
        │   ├── ContactNotFoundError, IdentifierNotFoundError, ... (one per code)
        ├── GiftoinError              .code, .message
        └── NudjError                 .code ("BAD_REQUEST", ...), .message, .path

``str(error)`` is meant for logs and support: it names the vendor, the request (method and
path, never the query string nor any header) and the vendor's own message. Vendor messages
are English and not meant for customers; the UI shows its own text per error type.
"""

from __future__ import annotations

from typing import ClassVar, Generic, NotRequired, TypedDict, TypeVar, Unpack

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AuthenticationError",
    "ClaimLimitReachedError",
    "ContactNotFoundError",
    "DeadlineExceededError",
    "GiftoinError",
    "IdentifierInactiveError",
    "IdentifierNotFoundError",
    "IdentifierNotLinkedError",
    "InvalidInputError",
    "InvalidVerificationCodeError",
    "MaintenanceError",
    "NotConnectedError",
    "NotEnoughCreditsError",
    "NotFoundError",
    "NudjError",
    "PermissionDeniedError",
    "PiggyError",
    "RateLimitedError",
    "ResponseValidationError",
    "RewardExpiredError",
    "RewardInactiveError",
    "RewardNotFoundError",
    "RewardOutOfStockError",
    "ServerError",
    "ShopNotFoundError",
    "UserAppNotFoundError",
]

_VENDOR_LABELS = {"piggy": "Piggy", "giftoin": "Giftoin", "nudj": "Nudj"}


class ApiError(Exception):
    """Root of every error the API clients raise.

    ``vendor`` is the lowercase vendor id (``"piggy"``, ``"giftoin"``, ``"nudj"``) so one
    handler can tell which panel failed; ``status_code`` is the HTTP status when the server
    answered at all.
    """

    def __init__(
        self,
        message: str,
        *,
        vendor: str,
        status_code: int | None = None,
        method: str | None = None,
        request_path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.vendor = vendor
        self.status_code = status_code
        self.method = method
        self.request_path = request_path

    def _details(self) -> list[str]:
        details: list[str] = []
        if self.status_code is not None:
            details.append(f"HTTP {self.status_code}")
        if self.method and self.request_path:
            details.append(f"{self.method} {self.request_path}")
        return details

    def __str__(self) -> str:
        label = _VENDOR_LABELS.get(self.vendor, self.vendor)
        details = self._details()
        suffix = f" ({', '.join(details)})" if details else ""
        return f"{label}: {self.message}{suffix}"


class ApiConnectionError(ApiError):
    """The request did not get an answer: DNS, refused connection, dropped line, TLS.

    For a write (collect, reverse) the outcome is unknown: the request may have reached the
    server. Callers must reconcile, never resend blindly.
    """


class NotConnectedError(ApiConnectionError):
    """No connection could be made (refused, no route, name not found, TLS handshake).

    Unlike its parent, the outcome is known: not a byte of the request left, so a write
    raising this was certainly not applied.
    """


class ApiTimeoutError(ApiConnectionError):
    """No answer within the configured timeout; as unknown an outcome as a dropped line."""


class DeadlineExceededError(ApiTimeoutError):
    """The action's time budget (:mod:`pos_app.api.budget`) was spent: not sent at all.

    Unlike its parent, the outcome is known: the request never left, so a write raising
    this was certainly not applied.
    """


class ResponseValidationError(ApiError):
    """The server answered 2xx but the body was not JSON or did not fit the model.

    The message lists where the body did not fit, never the offending values: a value may
    be a secret (a contact's login URL) or personal data.
    """


class ApiStatusError(ApiError):
    """The server answered with an error status (4xx/5xx, or an unexpected 1xx/3xx)."""

    def __init__(
        self,
        message: str,
        *,
        vendor: str,
        status_code: int | None,
        method: str | None = None,
        request_path: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(
            message,
            vendor=vendor,
            status_code=status_code,
            method=method,
            request_path=request_path,
        )
        self.retry_after = retry_after


class AuthenticationError(ApiStatusError):
    """The token / API key is missing, wrong or expired: a settings problem, not a retry."""


class PermissionDeniedError(ApiStatusError):
    """403: the credentials are valid but not allowed to do this (wrong scope or account)."""


class NotFoundError(ApiStatusError):
    """404 without a more specific vendor error: the thing (or the endpoint) does not exist."""


class RateLimitedError(ApiStatusError):
    """429: too many requests. ``retry_after`` is the server's wait in seconds, if it said."""


class MaintenanceError(ApiStatusError):
    """503: the vendor is in maintenance mode (Piggy's SDK says so); try again later."""


class ServerError(ApiStatusError):
    """Any other 5xx: the vendor failed; reads were already retried by the transport."""


class ResponseContext(TypedDict):
    """What every status error carries about the answer besides its message."""

    status_code: int | None
    method: NotRequired[str | None]
    request_path: NotRequired[str | None]
    retry_after: NotRequired[float | None]


_Code = TypeVar("_Code", int, str)


class _VendorError(ApiStatusError, Generic[_Code]):
    """An error the vendor described in its own body: its ``code`` leads the details."""

    _vendor: ClassVar[str]

    def __init__(
        self, message: str, *, code: _Code | None, **context: Unpack[ResponseContext]
    ) -> None:
        super().__init__(message, vendor=self._vendor, **context)
        self.code: _Code | None = code

    def _code_detail(self) -> str | None:
        return f"code {self.code}" if self.code is not None else None

    def _details(self) -> list[str]:
        detail = self._code_detail()
        return ([detail] if detail else []) + super()._details()


class PiggyError(_VendorError[int]):
    """A Piggy domain error: ``{"message", "code", "status_code"[, "errors"]}``.

    ``field_errors`` maps an input field to its messages; Piggy sends each value as a
    string or a list, this always holds lists.
    """

    _vendor = "piggy"

    def __init__(
        self,
        message: str,
        *,
        code: int | None,
        field_errors: dict[str, list[str]] | None = None,
        **context: Unpack[ResponseContext],
    ) -> None:
        super().__init__(message, code=code, **context)
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})


class ContactNotFoundError(PiggyError):
    """55031: no contact with that email / uuid."""


class UserAppNotFoundError(PiggyError):
    """55032: email verification needs a Contacts Portal, and the account has none."""


class InvalidVerificationCodeError(PiggyError):
    """13010 "Passcode not found.": the customer's code is wrong or used up."""


class IdentifierNotFoundError(PiggyError):
    """60003: the scanned card / QR value is unknown."""


class IdentifierInactiveError(PiggyError):
    """60004: the card exists but was deactivated."""


class IdentifierNotLinkedError(PiggyError):
    """60011: the card exists but belongs to no contact."""


class RewardNotFoundError(PiggyError):
    """6003, or 80300 "Reward not found.": nothing to collect (often: already collected)."""


class RewardExpiredError(PiggyError):
    """80300 "Reward is expired.": same code as not-found, told apart by the message."""


class InvalidInputError(PiggyError):
    """1003: Piggy rejected the input; ``field_errors`` says which field."""


class ShopNotFoundError(PiggyError):
    """1008: the configured shop uuid is unknown to this account."""


class NotEnoughCreditsError(PiggyError):
    """1017 "Onvoldoende punten | Insufficient credits.": the balance does not cover the
    reward a claim asked for."""


class RewardOutOfStockError(PiggyError):
    """1018 "The stock on this reward is empty." (a claim)."""


class ClaimLimitReachedError(PiggyError):
    """1019 "You have reached your claim limit on this reward." (a claim)."""


class RewardInactiveError(PiggyError):
    """1052 "Reward is inactive." (a claim of a reward the shop switched off)."""


class GiftoinError(_VendorError[int]):
    """A Giftoin error body ``{"status": {"errorCode", "errorMessage"}}`` not covered above."""

    _vendor = "giftoin"


class NudjError(_VendorError[str]):
    """A Nudj tRPC error (``BAD_REQUEST``, ``CONFLICT``, ...) not covered above.

    ``path`` is Nudj's procedure path (``integration.rewards.list``) from the body, when
    it has one; ``request_path`` is the HTTP path as for every other error.
    """

    _vendor = "nudj"

    def __init__(
        self,
        message: str,
        *,
        code: str | None,
        path: str | None = None,
        **context: Unpack[ResponseContext],
    ) -> None:
        super().__init__(message, code=code, **context)
        self.path = path

    def _code_detail(self) -> str | None:
        return self.code or None
