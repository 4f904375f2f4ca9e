"""The simulator's mutable state and the rules that change it.

The server thread changes it while tests read it, so every access goes through ``lock``.
"""

from __future__ import annotations

import base64
import json
import logging
import random
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from pos_app.sandbox.demo_data import CollectableItem, Contact, DemoData, build_demo_data

Clock = Callable[[], datetime]

# A fake mailbox: the verification codes it "sends" are for the person trying the demo.
mailbox_log = logging.getLogger("pos_app.sandbox.mailbox")

VERIFICATION_CODE_TTL: Final = timedelta(minutes=15)


def system_clock() -> datetime:
    return datetime.now(UTC)


class PiggyDomainError(Exception):
    """A Piggy domain error: HTTP 400 with ``{message, code, status_code}``."""

    def __init__(
        self, code: int, message: str, errors: dict[str, list[str] | str] | None = None
    ) -> None:
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, object]:
        body: dict[str, object] = {
            "message": self.message,
            "code": self.code,
            "status_code": 400,
        }
        if self.errors is not None:
            body["errors"] = self.errors
        return body


def invalid_input(errors: dict[str, list[str] | str]) -> PiggyDomainError:
    return PiggyDomainError(1003, "Invalid input.", errors)


CONTACT_NOT_FOUND: Final = (55031, "Contact not found.")
USER_APP_NOT_FOUND: Final = (55032, "User app not found.")
PASSCODE_NOT_FOUND: Final = (13010, "Passcode not found.")
IDENTIFIER_NOT_FOUND: Final = (60003, "Contact identifier not found.")
IDENTIFIER_INACTIVE: Final = (60004, "Contact identifier inactive.")
ALREADY_COLLECTED: Final = (6003, "Reward not found.")
REWARD_NOT_FOUND: Final = (80300, "Reward not found.")
REWARD_EXPIRED: Final = (80300, "Reward is expired.")


@dataclass
class Redemption:
    uuid: str
    item_uuid: str
    status: str  # COLLECTED or REVERSED
    at: datetime


@dataclass
class _VerificationCode:
    code: str
    sent_at: datetime


@dataclass
class _RateWindow:
    started: datetime
    used: int


class SimulatorState:
    """Demo data plus everything the simulated services remember."""

    def __init__(self, clock: Clock = system_clock, seed: int = 0) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.seed = seed
        self._rng = random.Random(seed + 1)
        self.issued_tokens: dict[str, datetime] = {}
        self.data: DemoData
        self.redemptions: dict[str, Redemption]
        #: Collect requests that reached processing, per loyalty transaction: what tests
        #: check "sent at most once" against.
        self.collect_requests: dict[str, int]
        self._codes: dict[str, _VerificationCode]
        self._rate_windows: dict[str, _RateWindow]
        self.reset()

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def reset(self) -> None:
        """Back to fresh demo data, relative to the clock's "now". Issued tokens stay valid."""
        with self.lock:
            self.data = build_demo_data(self.now(), self.seed)
            self.redemptions = {}
            self.collect_requests = {}
            self._codes = {}
            self._rate_windows = {}

    # --- Piggy: contacts -------------------------------------------------------------------

    def contact(self, contact_uuid: str) -> Contact:
        with self.lock:
            contact = self.data.contacts.get(contact_uuid)
            if contact is None:
                raise PiggyDomainError(*CONTACT_NOT_FOUND)
            return contact

    def contact_by_email(self, email: str) -> Contact:
        with self.lock:
            contact = self.data.contact_for_email(email)
            if contact is None:
                raise PiggyDomainError(*CONTACT_NOT_FOUND)
            return contact

    # --- Piggy: verification ---------------------------------------------------------------

    def send_verification_code(self, email: str) -> str:
        with self.lock:
            contact = self.contact_by_email(email)
            if not contact.has_portal:
                raise PiggyDomainError(*USER_APP_NOT_FOUND)
            code = f"{self._rng.randrange(1_000_000):06d}"
            self._codes[contact.email.casefold()] = _VerificationCode(code, self.now())
        mailbox_log.info(
            "Demo mailbox: a verification code was 'emailed' to %s "
            "(read it with last_verification_code or GET /__sandbox__/mailbox)",
            contact.email,
        )
        mailbox_log.debug("Demo mailbox (fake, demo use only): code for %s is %s", email, code)
        return code

    def verify_code(self, email: str, code: str) -> Contact:
        with self.lock:
            contact = self.contact_by_email(email)
            if not contact.has_portal:
                raise PiggyDomainError(*USER_APP_NOT_FOUND)
            key = contact.email.casefold()
            sent = self._codes.get(key)
            # [inferred] A code works once and for a limited time.
            if (
                sent is None
                or sent.code != code.strip()
                or self.now() - sent.sent_at > VERIFICATION_CODE_TTL
            ):
                raise PiggyDomainError(*PASSCODE_NOT_FOUND)
            del self._codes[key]
            return contact

    def last_verification_code(self, email: str) -> str | None:
        with self.lock:
            sent = self._codes.get(email.strip().casefold())
            return sent.code if sent else None

    def mailbox(self) -> dict[str, str]:
        with self.lock:
            return {email: sent.code for email, sent in self._codes.items()}

    # --- Piggy: collectable rewards --------------------------------------------------------

    def uncollected(self, contact_uuid: str) -> list[CollectableItem]:
        with self.lock:
            self.contact(contact_uuid)
            return [item for item in self.data.items_of(contact_uuid) if not item.collected]

    def collect(self, loyalty_transaction_uuid: str, legacy: bool = False) -> Redemption:
        with self.lock:
            self.collect_requests[loyalty_transaction_uuid] = (
                self.collect_requests.get(loyalty_transaction_uuid, 0) + 1
            )
            item = self.data.items.get(loyalty_transaction_uuid)
            if item is None:
                raise PiggyDomainError(*REWARD_NOT_FOUND)
            if item.collected:
                raise PiggyDomainError(*ALREADY_COLLECTED)
            now = self.now()
            if item.expires_at is not None and item.expires_at <= now:
                raise PiggyDomainError(*REWARD_EXPIRED)
            item.collected = True
            # Old servers answered with the item itself, so its uuid is what reverse got.
            redemption_uuid = item.uuid if legacy else self._new_uuid()
            redemption = Redemption(redemption_uuid, item.uuid, "COLLECTED", now)
            self.redemptions[redemption_uuid] = redemption
            return redemption

    def reverse(self, redemption_uuid: str) -> Redemption:
        with self.lock:
            redemption = self.redemptions.get(redemption_uuid)
            # [inferred] The docs give no errors for reverse; answer as collect does:
            # an unknown uuid is 80300 "Reward not found.", a second reverse 6003.
            if redemption is None:
                raise PiggyDomainError(*REWARD_NOT_FOUND)
            if redemption.status != "COLLECTED":
                raise PiggyDomainError(*ALREADY_COLLECTED)
            self.data.items[redemption.item_uuid].collected = False
            redemption.status = "REVERSED"
            redemption.at = self.now()
            return redemption

    def item(self, loyalty_transaction_uuid: str) -> CollectableItem:
        with self.lock:
            return self.data.items[loyalty_transaction_uuid]

    # --- Piggy: tokens and rate limits -----------------------------------------------------

    def issue_token(self, ttl_seconds: int) -> str:
        with self.lock:
            header = _b64({"typ": "JWT", "alg": "RS256"})
            payload = _b64({"aud": "sandbox", "jti": self._new_uuid(), "scopes": []})
            signature = f"{self._rng.getrandbits(256):064x}"
            token = f"{header}.{payload}.{signature}"
            self.issued_tokens[token] = self.now() + timedelta(seconds=ttl_seconds)
            return token

    def token_valid(self, token: str) -> bool:
        with self.lock:
            expires = self.issued_tokens.get(token)
            return expires is not None and self.now() < expires

    def count_request(self, key: str, limit: int) -> tuple[int, int]:
        """Count one request against a per-minute window: (remaining, seconds to reset)."""
        with self.lock:
            now = self.now()
            window = self._rate_windows.get(key)
            if window is None or now - window.started >= timedelta(minutes=1):
                window = _RateWindow(now, 0)
                self._rate_windows[key] = window
            window.used += 1
            reset_in = 60 - int((now - window.started).total_seconds())
            return limit - window.used, max(reset_in, 1)

    def _new_uuid(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))


def _b64(value: object) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
