"""A stand-in for Piggy's loyalty transactions, for the To prepare list's unit tests: the
client's own models, in the shape the docs give (tests/api/examples/piggy/)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pos_app.api import errors
from pos_app.api.piggy_models import (
    CollectableReward,
    Contact,
    LoyaltyTransaction,
    LoyaltyTransactionsPage,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def claim(
    uuid: str,
    title: str,
    *,
    hours_ago: float,
    contact: str = "c-anon",
    collected: bool = False,
    reward_type: str = "PHYSICAL",
    expires_in: timedelta | None = timedelta(days=30),
    shop: str = "shop-1",
    attributes: dict[str, Any] | None = None,
) -> LoyaltyTransaction:
    """A reward reception as the loyalty transactions list gives it."""
    created = NOW - timedelta(hours=hours_ago)
    return LoyaltyTransaction.model_validate(
        {
            "type": "reward_reception",
            "uuid": uuid,
            "credits": -10,
            "contact": {"uuid": contact, "email": f"{contact}@example.com"},
            "shop": {"uuid": shop, "name": "Demo shop", "type": "physical"},
            "created_at": created.isoformat(),
            "reward": {
                "uuid": f"reward-{title}",
                "title": title,
                "reward_type": reward_type,
                **(attributes or {}),
            },
            "expires_at": (NOW + expires_in).isoformat() if expires_in is not None else None,
            "has_been_collected": collected,
        }
    )


@dataclass
class FakeClaims:
    """Pages of loyalty transactions, newest first, and contacts to name customers by."""

    transactions: list[LoyaltyTransaction]
    contacts: dict[str, tuple[str, str]] = field(default_factory=dict)
    asked: list[dict[str, Any]] = field(default_factory=list)
    contacts_asked: list[str] = field(default_factory=list)
    list_error: Exception | None = None
    contact_error: Exception | None = None
    #: Receptions whose points were given back: listed, but no longer to pick up.
    given_back: set[str] = field(default_factory=set)
    rewards_asked: list[str] = field(default_factory=list)

    async def list_loyalty_transactions(
        self,
        *,
        shop_uuid: str | None = None,
        contact_uuid: str | None = None,
        type: str | None = None,
        page: int = 1,
        limit: int = 10,
    ) -> LoyaltyTransactionsPage:
        self.asked.append({"shop_uuid": shop_uuid, "type": type, "page": page, "limit": limit})
        if self.list_error is not None:
            raise self.list_error
        start = (page - 1) * limit
        return LoyaltyTransactionsPage(
            items=self.transactions[start : start + limit],
            page=page,
            limit=limit,
            last_page=max(1, math.ceil(len(self.transactions) / limit)),
            total=len(self.transactions),
        )

    async def get_contact(self, uuid: str) -> Contact:
        self.contacts_asked.append(uuid)
        if self.contact_error is not None:
            raise self.contact_error
        if uuid not in self.contacts:
            raise errors.ContactNotFoundError("Contact not found.", code=55031, status_code=400)
        first, last = self.contacts[uuid]
        return Contact.model_validate(
            {"uuid": uuid, "current_values": {"firstname": first, "lastname": last}}
        )

    async def list_collectable_rewards(self, contact_uuid: str) -> list[CollectableReward]:
        self.rewards_asked.append(contact_uuid)
        return [
            CollectableReward.model_validate(
                {
                    "uuid": t.uuid,
                    "created_at": t.created_at.isoformat() if t.created_at else None,
                    "reward": t.reward.model_dump() if t.reward else None,
                    "has_been_collected": False,
                }
            )
            for t in self.transactions
            if t.contact_uuid == contact_uuid
            and not t.has_been_collected
            and t.uuid not in self.given_back
        ]
