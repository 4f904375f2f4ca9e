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

from pos_app.sandbox.demo_data import (
    CollectableItem,
    Contact,
    CreditReception,
    DemoData,
    RewardReception,
    build_demo_data,
)

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
SHOP_NOT_FOUND: Final = (1008, "Shop not found.")
CLAIM_REWARD_NOT_FOUND: Final = (6003, "Reward not found.")
INSUFFICIENT_CREDITS: Final = (1017, "Onvoldoende punten | Insufficient credits.")
STOCK_EMPTY: Final = (1018, "The stock on this reward is empty.")
REWARD_INACTIVE: Final = (1052, "Reward is inactive.")
CLAIM_LIMIT_REACHED: Final = (1019, "You have reached your claim limit on this reward.")

#: What reversing the reception of a reward already handed over does: the docs do not say.
REVERSE_COLLECTED_REFUSE: Final = "refuse"
REVERSE_COLLECTED_ACCEPT: Final = "accept"
REVERSE_COLLECTED_CHOICES: Final = (REVERSE_COLLECTED_REFUSE, REVERSE_COLLECTED_ACCEPT)

#: Loyalty transaction types as the list filters them (plural) and as items carry them.
TRANSACTION_FILTERS: Final = {
    "reward_receptions": "reward_reception",
    "credit_receptions": "credit_reception",
}
MAX_TRANSACTIONS_PER_PAGE: Final = 100
DEFAULT_TRANSACTIONS_PER_PAGE: Final = 10

Transaction = RewardReception | CreditReception


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
        #: Claims (reward receptions) that reached processing, per (contact, reward).
        self.reception_requests: dict[tuple[str, str], int]
        #: Reverses of reward receptions that reached processing, per reception uuid.
        self.reception_reverse_requests: dict[str, int]
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
            self.reception_requests = {}
            self.reception_reverse_requests = {}
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

    # --- Piggy: rewards catalogue and reward receptions -------------------------------------

    def shop_uuid(self, shop_uuid: str) -> str:
        with self.lock:
            if not any(shop.uuid == shop_uuid for shop in self.data.shops):
                raise PiggyDomainError(*SHOP_NOT_FOUND)
            return shop_uuid

    def set_reward_active(self, reward_uuid: str, active: bool) -> None:
        """The shop switches a reward on or off (a claim of an inactive one: 1052)."""
        with self.lock:
            if active:
                self.data.inactive.discard(reward_uuid)
            else:
                self.data.inactive.add(reward_uuid)

    def set_stock(self, reward_uuid: str, stock: int) -> None:
        with self.lock:
            self.data.stock[reward_uuid] = stock

    def claimable_by(self, contact: Contact) -> list[str]:
        """Reward uuids the contact can claim now [inferred]: active, in stock, affordable."""
        with self.lock:
            data = self.data
            return [
                reward.uuid
                for reward in data.rewards.values()
                if data.is_active(reward)
                and data.stock_of(reward) != 0
                and reward.required_credits <= contact.points
            ]

    def create_reception(
        self,
        contact_uuid: str,
        reward_uuid: str,
        shop_uuid: str,
        identifier_value: str | None = None,
    ) -> RewardReception:
        """Claim a reward with points: the balance and the stock go down, and a physical
        reward joins the contact's collectable rewards under the reception's uuid."""
        with self.lock:
            key = (contact_uuid, reward_uuid)
            self.reception_requests[key] = self.reception_requests.get(key, 0) + 1
            contact = self.contact(contact_uuid)
            self.shop_uuid(shop_uuid)
            if identifier_value is not None:
                self._check_identifier(identifier_value, contact)
            data = self.data
            reward = data.rewards.get(reward_uuid)
            if reward is None:
                raise PiggyDomainError(*CLAIM_REWARD_NOT_FOUND)
            if not data.is_active(reward):
                raise PiggyDomainError(*REWARD_INACTIVE)
            stock = data.stock_of(reward)
            if stock is not None and stock <= 0:
                raise PiggyDomainError(*STOCK_EMPTY)
            if reward.claim_limit is not None and (
                self._claims_of(contact.uuid, reward.uuid) >= reward.claim_limit
            ):
                raise PiggyDomainError(*CLAIM_LIMIT_REACHED)
            if contact.points < reward.required_credits:
                raise PiggyDomainError(*INSUFFICIENT_CREDITS)
            now = self.now()
            contact.points -= reward.required_credits
            if stock is not None:
                data.stock[reward.uuid] = stock - 1
            expires_at = (
                now + timedelta(seconds=reward.expiration_duration)
                if reward.expiration_duration is not None
                else None
            )
            reception = RewardReception(
                uuid=self._new_uuid(),
                contact_uuid=contact.uuid,
                reward=reward,
                shop_uuid=shop_uuid,
                credits=-reward.required_credits,
                created_at=now,
                expires_at=expires_at,
                contact_identifier=identifier_value,
            )
            data.receptions[reception.uuid] = reception
            if reward.reward_type.upper() == "PHYSICAL":
                data.items[reception.uuid] = CollectableItem(
                    uuid=reception.uuid,
                    contact_uuid=contact.uuid,
                    reward=reward,
                    created_at=now,
                    expires_at=expires_at,
                )
            return reception

    def _claims_of(self, contact_uuid: str, reward_uuid: str) -> int:
        """How often the contact claimed the reward [inferred]: a reception given back
        (reversed) does not count."""
        return sum(
            1
            for reception in self.data.receptions.values()
            if reception.contact_uuid == contact_uuid
            and reception.reward.uuid == reward_uuid
            and reception.reversed_by is None
        )

    def _check_identifier(self, value: str, contact: Contact) -> None:
        identifier = self.data.identifiers.get(value)
        if identifier is None:
            raise PiggyDomainError(*IDENTIFIER_NOT_FOUND)
        if not identifier.active:
            raise PiggyDomainError(*IDENTIFIER_INACTIVE)
        if identifier.contact_uuid != contact.uuid:
            # [inferred] Laravel's validation answer for a value that does not fit.
            raise invalid_input(
                {"contact_identifier_value": ["The selected contact identifier value is invalid."]}
            )

    def reception_collected(self, reception: RewardReception) -> bool:
        with self.lock:
            item = self.data.items.get(reception.uuid)
            return item is not None and item.collected

    def reverse_reception(
        self, reception_uuid: str, collected_rule: str = REVERSE_COLLECTED_REFUSE
    ) -> CreditReception:
        """Give a claim's points back as a new credit reception; the stock goes back up and
        an item still waiting to be picked up leaves the collectable rewards.

        [inferred] The docs list only 1003 for this call: an unknown or already reversed
        reception is answered with 1003 and an ``errors`` entry. A reception whose reward
        was already handed over is refused the same way, or reversed, as
        ``collected_rule`` says (the docs do not tell which Piggy does).
        """
        with self.lock:
            self.reception_reverse_requests[reception_uuid] = (
                self.reception_reverse_requests.get(reception_uuid, 0) + 1
            )
            data = self.data
            reception = data.receptions.get(reception_uuid)
            if reception is None:
                raise invalid_input(
                    {"reward_reception_uuid": ["The selected reward reception uuid is invalid."]}
                )
            if reception.reversed_by is not None:
                raise invalid_input(
                    {"reward_reception_uuid": ["The reward reception has already been reversed."]}
                )
            item = data.items.get(reception_uuid)
            if item is not None and item.collected and collected_rule != REVERSE_COLLECTED_ACCEPT:
                raise invalid_input(
                    {"reward_reception_uuid": ["The reward has already been collected."]}
                )
            contact = self.contact(reception.contact_uuid)
            points = abs(reception.credits)
            contact.points += points
            stock = data.stock.get(reception.reward.uuid)
            if stock is not None:
                data.stock[reception.reward.uuid] = stock + 1
            if item is not None and not item.collected:
                del data.items[reception_uuid]
            credit = CreditReception(
                uuid=self._new_uuid(),
                contact_uuid=contact.uuid,
                shop_uuid=reception.shop_uuid,
                credits=points,
                created_at=self.now(),
            )
            data.credit_receptions[credit.uuid] = credit
            reception.reversed_by = credit.uuid
            return credit

    def transactions(
        self,
        *,
        contact_uuid: str | None = None,
        shop_uuid: str | None = None,
        kind: str | None = None,
    ) -> list[Transaction]:
        """Loyalty transactions, newest first, filtered as ``GET /loyalty-transactions``
        does (``kind``: ``reward_reception`` or ``credit_reception``)."""
        with self.lock:
            if contact_uuid is not None:
                self.contact(contact_uuid)
            if shop_uuid is not None:
                self.shop_uuid(shop_uuid)
            ranked: list[tuple[datetime, int, Transaction]] = []
            sources: list[list[Transaction]] = []
            if kind in (None, "reward_reception"):
                sources.append(list(self.data.receptions.values()))
            if kind in (None, "credit_reception"):
                sources.append(list(self.data.credit_receptions.values()))
            for source in sources:
                for order, t in enumerate(source):
                    if (contact_uuid is None or t.contact_uuid == contact_uuid) and (
                        shop_uuid is None or t.shop_uuid == shop_uuid
                    ):
                        ranked.append((t.created_at, order, t))
            ranked.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
            return [t for _, _, t in ranked]

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
