"""Typed async HTTP clients for the three vendor APIs (Piggy, Giftoin, Nudj). No Qt here.

One client per vendor, each owning one ``httpx.AsyncClient``; typed pydantic models;
one error hierarchy in :mod:`pos_app.api.errors`; retries only for reads, in one place
(``pos_app.api._transport``). The UI and services never see an ``httpx`` exception.

The clients and models are imported on first use: the window needs only :mod:`errors`
before it is on screen, and httpx and the pydantic models take a while to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_app._lazy import lazy_names
from pos_app.api import errors

if TYPE_CHECKING:
    from pos_app.api._logsafe import install_httpx_log_filter
    from pos_app.api._transport import KEEPALIVE_EXPIRY, RetryPolicy
    from pos_app.api.giftoin import GiftoinClient
    from pos_app.api.giftoin_models import (
        ChallengeCard,
        ChallengeDuration,
        ChallengeReward,
        CollectionChallenge,
        GiftoinInventory,
    )
    from pos_app.api.nudj import NudjClient
    from pos_app.api.nudj_models import NudjCustomer, NudjReward, NudjRewardsPage, NudjXp
    from pos_app.api.piggy import PiggyClient
    from pos_app.api.piggy_models import (
        CollectableReward,
        Contact,
        ContactIdentifier,
        ContactRef,
        LoyaltyTransaction,
        LoyaltyTransactionsPage,
        Media,
        RedemptionResult,
        Reward,
        RewardReception,
        RewardReceptionReversal,
        Shop,
        Tier,
        VerificationResult,
    )

#: Name → module of the names imported on first use.
_LAZY = {
    "install_httpx_log_filter": "pos_app.api._logsafe",
    "RetryPolicy": "pos_app.api._transport",
    "KEEPALIVE_EXPIRY": "pos_app.api._transport",
    "GiftoinClient": "pos_app.api.giftoin",
    "ChallengeCard": "pos_app.api.giftoin_models",
    "ChallengeDuration": "pos_app.api.giftoin_models",
    "ChallengeReward": "pos_app.api.giftoin_models",
    "CollectionChallenge": "pos_app.api.giftoin_models",
    "GiftoinInventory": "pos_app.api.giftoin_models",
    "NudjClient": "pos_app.api.nudj",
    "NudjCustomer": "pos_app.api.nudj_models",
    "NudjReward": "pos_app.api.nudj_models",
    "NudjRewardsPage": "pos_app.api.nudj_models",
    "NudjXp": "pos_app.api.nudj_models",
    "PiggyClient": "pos_app.api.piggy",
    "CollectableReward": "pos_app.api.piggy_models",
    "Contact": "pos_app.api.piggy_models",
    "ContactIdentifier": "pos_app.api.piggy_models",
    "ContactRef": "pos_app.api.piggy_models",
    "LoyaltyTransaction": "pos_app.api.piggy_models",
    "LoyaltyTransactionsPage": "pos_app.api.piggy_models",
    "Media": "pos_app.api.piggy_models",
    "RedemptionResult": "pos_app.api.piggy_models",
    "Reward": "pos_app.api.piggy_models",
    "RewardReception": "pos_app.api.piggy_models",
    "RewardReceptionReversal": "pos_app.api.piggy_models",
    "Shop": "pos_app.api.piggy_models",
    "Tier": "pos_app.api.piggy_models",
    "VerificationResult": "pos_app.api.piggy_models",
}

__all__ = [
    "KEEPALIVE_EXPIRY",
    "ChallengeCard",
    "ChallengeDuration",
    "ChallengeReward",
    "CollectableReward",
    "CollectionChallenge",
    "Contact",
    "ContactIdentifier",
    "ContactRef",
    "GiftoinClient",
    "GiftoinInventory",
    "LoyaltyTransaction",
    "LoyaltyTransactionsPage",
    "Media",
    "NudjClient",
    "NudjCustomer",
    "NudjReward",
    "NudjRewardsPage",
    "NudjXp",
    "PiggyClient",
    "RedemptionResult",
    "RetryPolicy",
    "Reward",
    "RewardReception",
    "RewardReceptionReversal",
    "Shop",
    "Tier",
    "VerificationResult",
    "errors",
    "install_httpx_log_filter",
]


__getattr__ = lazy_names(__name__, _LAZY)
